// The kiosk in its room, through the real binary: the closed screen from the stored opening hours
// (dim, woken by a touch), "out of order" while a backup is restored and back by itself, the
// systemd watchdog fed from the main loop, and a downgrade refused with the backup to restore.
#include "deploy_fixture.hpp"

#include "core/db/backup.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <stb/stb_image.h>   // libstb: reads the screenshots back
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <thread>

using namespace indgang;
using namespace deploy_test;

namespace {

struct Run {
    int rc = -1;
    std::string log;
};

// The kiosk on a script (virtual clock from `now`), as the other kiosk tests run it.
Run kiosk_script(const fs::path& dir, const std::string& db, const std::string& script, const std::string& now,
                 const std::string& extra = "--opening-hours") {
    std::ofstream(dir / "run.kiosk") << script;
    const fs::path log = dir / "kiosk.log";
    fs::remove(log);
    const std::string cmd = "INDGANG_NOW=" + now + " SDL_VIDEODRIVER=offscreen '" KIOSK_BIN "' --db '" + db +
                            "' --script '" + (dir / "run.kiosk").string() + "' --screenshots '" +
                            (dir / "shots").string() + "' --lang en --size 1280x720 " + extra + " >'" +
                            log.string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    return {WIFEXITED(rc) ? WEXITSTATUS(rc) : -1, slurp(log)};
}

// Mean brightness (0–255) of a screenshot's top-left corner, away from every widget.
int corner_brightness(const fs::path& png) {
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 3);
    REQUIRE(px);
    long sum = 0;
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x)
            for (int c = 0; c < 3; ++c) sum += px[(y * w + x) * 3 + c];
    stbi_image_free(px);
    return static_cast<int>(sum / (20 * 20 * 3));
}

bool wait_for(const fs::path& p, int seconds) {
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
    while (!fs::exists(p))
        if (std::chrono::steady_clock::now() > until) return false;
        else std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return true;
}

}  // namespace

TEST_SUITE("kiosk-room") {
TEST_CASE("at closing time the resting kiosk shows 'closed', dims, wakes on a touch, and opens again") {
    const fs::path dir = fresh_dir("closed");
    const std::string db = make_demo_db(dir);
    // Tuesday 15:58; the demo centre closes at 16:00 and opens at 09:00.
    Run r = kiosk_script(dir, db, R"(expect-screen welcome
advance-clock 150
expect-screen closed
expect-text Closed
expect-text Open again tomorrow at 09:00
shot closed-bright
advance-clock 31
shot closed-dim
tap-at 60 60
frame
shot closed-woken
expect-screen closed
advance-clock 31
shot closed-dim-again
staff-gesture
expect-screen staff-pin
)", "2026-11-24T15:58");
    INFO(r.log);
    CHECK(r.rc == 0);
    const fs::path shots = dir / "shots";
    const int bright = corner_brightness(shots / "closed-bright.png"), dim = corner_brightness(shots / "closed-dim.png"),
              woken = corner_brightness(shots / "closed-woken.png"), again = corner_brightness(shots / "closed-dim-again.png");
    CAPTURE(bright);
    CAPTURE(dim);
    CAPTURE(woken);
    CHECK(bright > 200);
    CHECK(dim < 40);
    CHECK(woken > 200);
    CHECK(again < 40);

    // Wednesday before nine: closed from the start, Welcome at opening time.
    r = kiosk_script(dir, db, "advance-clock 1\nexpect-screen closed\nexpect-text Open again today at 09:00\n"
                              "advance-clock 150\nexpect-screen welcome\n", "2026-11-25T08:58");
    INFO(r.log);
    CHECK(r.rc == 0);
    // Saturday afternoon: Monday's date is named.
    r = kiosk_script(dir, db, "advance-clock 1\nexpect-screen closed\nexpect-text Open again Monday, November 30 at 09:00\nshot closed-saturday\n",
                     "2026-11-28T15:00");
    INFO(r.log);
    CHECK(r.rc == 0);
    // A visitor in the middle of booking at closing time is not thrown out.
    r = kiosk_script(dir, db, "tap ###lang_en\nexpect-screen home\nadvance-clock 70\nexpect-screen home\n", "2026-11-24T15:59");
    INFO(r.log);
    CHECK(r.rc == 0);
    // Scripted runs without --opening-hours (the other tests, the tour) are never closed.
    r = kiosk_script(dir, db, "advance-clock 1\nexpect-screen welcome\n", "2026-11-25T02:15", "");
    CHECK(r.rc == 0);
}

TEST_CASE("during a restore the kiosk is out of order, and comes back by itself with the restored data") {
    const fs::path dir = fresh_dir("restore-kiosk");
    const std::string db = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    const db::BackupFile b = db::backup_to(*db::open_store(db, db::Db::Mode::ReadOnly), bdir, tuesday_morning());
    for (const char* f : {"ready", "restoring", "restored"}) fs::remove(dir / f);
    std::thread admin([&] {
        REQUIRE(wait_for(dir / "ready", 60));
        const std::string cmd = "'" ADMIN_BIN "' --db '" + db + "' restore '" + b.path + "' >'" +
                                (dir / "restore.log").string() + "' 2>&1 &";
        std::system(cmd.c_str());
        REQUIRE(wait_for(db::restore_marker(db), 20));
        std::ofstream(dir / "restoring") << "1\n";
        while (fs::exists(db::restore_marker(db))) std::this_thread::sleep_for(std::chrono::milliseconds(50));
        std::ofstream(dir / "restored") << "1\n";
    });
    const Run r = kiosk_script(dir, db, R"(expect-screen welcome
signal ready
await restoring
advance-clock 2
expect-screen out-of-order
shot restore-out-of-order
await restored
advance-clock 11
expect-screen welcome
)", "2026-11-24T10:05", "");
    admin.join();
    INFO(r.log);
    INFO(slurp(dir / "restore.log"));
    CHECK(r.rc == 0);
    CHECK(r.log.find("a backup is being restored") != std::string::npos);
    CHECK(r.log.find("database is usable again") != std::string::npos);
    CHECK(slurp(dir / "restore.log").find("restored ") != std::string::npos);
}

TEST_CASE("the real main loop sends READY=1, then WATCHDOG=1 at least every half interval; a stopped kiosk goes quiet") {
    const fs::path dir = fresh_dir("watchdog");
    const std::string db = make_demo_db(dir);
    const fs::path sock = dir / "notify.sock", out = dir / "notify.txt";
    // The kiosk's interactive loop (not a script) with a 1 s watchdog, 4 s after its first frame.
    const std::string listen = "'" NOTIFY_LISTEN "' '" + sock.string() + "' 20 >'" + out.string() + "' 2>&1 &";
    std::system(listen.c_str());
    REQUIRE(wait_for(sock, 10));
    const std::string cmd = "NOTIFY_SOCKET='" + sock.string() + "' WATCHDOG_USEC=1000000 INDGANG_NOW=2026-11-24T10:05 "
                            "SDL_VIDEODRIVER=offscreen '" KIOSK_BIN "' --db '" + db + "' --run-seconds 4 >'" +
                            (dir / "kiosk.log").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    CHECK(WIFEXITED(rc));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));    // the last datagram
    const std::string got = slurp(out);
    INFO(got);
    INFO(slurp(dir / "kiosk.log"));
    std::istringstream lines(got);
    long last = -1, worst_gap = 0;
    int feeds = 0;
    bool ready = false;
    for (std::string line; std::getline(lines, line);) {
        const long ms = std::stol(line);
        if (line.find("READY=1") != std::string::npos) ready = true;
        if (line.find("WATCHDOG=1") == std::string::npos) continue;
        CHECK(ready);   // ready comes first
        if (last >= 0) worst_gap = std::max(worst_gap, ms - last);
        last = ms;
        ++feeds;
    }
    CHECK(ready);
    CHECK(feeds >= 6);              // ~4 s at one feed per 0.5 s, on an idle Welcome screen
    CHECK(worst_gap < 1000);        // always inside the 1 s interval, though nothing happens on screen

    // SIGSTOP (a hang): the feeds stop, so systemd's WatchdogSec would kill and restart it; after
    // SIGCONT they resume.
    const fs::path out2 = dir / "notify2.txt", sock2 = dir / "notify2.sock";
    std::system(("'" NOTIFY_LISTEN "' '" + sock2.string() + "' 30 >'" + out2.string() + "' 2>&1 &").c_str());
    REQUIRE(wait_for(sock2, 10));
    const std::string bg = "NOTIFY_SOCKET='" + sock2.string() + "' WATCHDOG_USEC=1000000 SDL_VIDEODRIVER=offscreen '"
                           KIOSK_BIN "' --db '" + db + "' --run-seconds 25 >/dev/null 2>&1 & echo $! >'" +
                           (dir / "pid").string() + "'";
    std::system(bg.c_str());
    auto feeds_so_far = [&] {
        std::istringstream in(slurp(out2));
        int n = 0;
        for (std::string line; std::getline(in, line);) n += line.find("WATCHDOG=1") != std::string::npos;
        return n;
    };
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    while (feeds_so_far() < 2 && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    REQUIRE(feeds_so_far() >= 2);
    const pid_t pid = static_cast<pid_t>(std::stol(slurp(dir / "pid")));
    REQUIRE(kill(pid, SIGSTOP) == 0);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));   // a datagram already in flight
    const int at_stop = feeds_so_far();
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));  // three watchdog intervals
    CHECK(feeds_so_far() == at_stop);
    kill(pid, SIGCONT);
    std::this_thread::sleep_for(std::chrono::milliseconds(2000));
    CHECK(feeds_so_far() > at_stop);
    kill(pid, SIGTERM);
}

TEST_CASE("an older kiosk on a newer database is out of order and its log names the backup to restore") {
    const fs::path dir = fresh_dir("downgrade-kiosk");
    const std::string db = make_demo_db(dir);
    const db::BackupFile b = db::backup_to(*db::open_store(db, db::Db::Mode::ReadOnly), (dir / "backups").string(),
                                           tuesday_morning(), "before-upgrade-from-0.1.0");
    { db::Db raw(db); raw.exec("PRAGMA user_version = " + std::to_string(db::schema_version() + 1)); }
    const Run r = kiosk_script(dir, db, "expect-screen out-of-order\n", "2026-11-24T10:05", "");
    INFO(r.log);
    CHECK(r.rc == 0);
    CHECK(r.log.find("newer Indgang") != std::string::npos);
    CHECK(r.log.find("restore " + b.path) != std::string::npos);
}
}
