// Crash safety: a helper books in a loop and reports each committed code; SIGKILL at a random
// moment, 100 seeds. Every reported booking must be in the database and integrity_check = ok.
#include "world.hpp"

#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <random>
#include <sstream>
#include <thread>

extern char** environ;

using namespace indgang;
using namespace world;

namespace {

struct Killed {
    std::vector<std::string> codes;   // complete lines only
    bool exited_by_itself = false;
};

// Starts the booker, waits for its first committed booking, lets it run a random while, kills it.
Killed run_and_kill(const std::string& path, Instant now, std::mt19937& rng) {
    int out[2];
    REQUIRE(pipe(out) == 0);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, out[1]);
    const std::string now_text = std::to_string(now);
    char* argv[] = {const_cast<char*>(INDGANG_CRASH_BOOKER), const_cast<char*>(path.c_str()),
                    const_cast<char*>(now_text.c_str()), nullptr};
    pid_t pid = 0;
    REQUIRE(posix_spawn(&pid, INDGANG_CRASH_BOOKER, &fa, nullptr, argv, environ) == 0);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);

    std::string text;
    char buf[4096];
    // Wait (up to 20 s, generous for sanitizer builds) for the first reported booking.
    pollfd p{out[0], POLLIN, 0};
    while (text.find('\n') == std::string::npos) {
        if (poll(&p, 1, 20000) <= 0) break;
        const ssize_t n = read(out[0], buf, sizeof buf);
        if (n <= 0) break;
        text.append(buf, static_cast<size_t>(n));
    }
    // Then a random moment: 0–40 ms, in microseconds, so the kill lands anywhere in a booking.
    std::this_thread::sleep_for(std::chrono::microseconds(rng() % 40000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) text.append(buf, static_cast<size_t>(n));
    close(out[0]);

    Killed k;
    k.exited_by_itself = WIFEXITED(status);
    std::istringstream lines(text);
    std::string line;
    const bool last_complete = !text.empty() && text.back() == '\n';
    std::vector<std::string> all;
    while (std::getline(lines, line)) all.push_back(line);
    if (!last_complete && !all.empty()) all.pop_back();
    k.codes = std::move(all);
    return k;
}

}  // namespace

TEST_SUITE("crash") {

TEST_CASE("SIGKILL while booking in a loop, 100 seeds: every reported booking survives") {
    TempDir dir;
    const std::string templ = dir.file("template.db");
    const Instant now = may(4, 7, 0);   // Monday 4 May, 07:00
    {
        World w(templ);
        // Every day, 08:00–20:00 in 5-minute slots: far more slots than one run can book.
        for (int wd = 1; wd <= 7; ++wd) w.weekly(w.jobcentre, wd, hm(8, 0), hm(20, 0), 5);
    }
    REQUIRE_FALSE(std::filesystem::exists(templ + "-wal"));   // checkpointed into one file

    int total_reported = 0, with_extra = 0;
    for (unsigned seed = 1; seed <= 100; ++seed) {
        CAPTURE(seed);
        const std::string path = dir.file("seed" + std::to_string(seed) + ".db");
        std::filesystem::copy_file(templ, path);
        std::mt19937 rng(seed);
        const Killed k = run_and_kill(path, now, rng);
        CHECK_FALSE(k.exited_by_itself);   // it was killed mid-loop, not finished
        REQUIRE_FALSE(k.codes.empty());
        total_reported += static_cast<int>(k.codes.size());

        auto db = db::open_store(path);
        CHECK(db::integrity_check(*db) == "ok");
        for (const auto& code : k.codes) {
            CAPTURE(code);
            const auto b = find_live_booking(*db, code);
            CHECK(b.has_value());
            if (b) CHECK(b->nickname == "Bo");
        }
        // At most one booking more than reported: one whose WAL frames reached the file (most of a
        // booking's time is the fsync after that write) but whose code was not printed yet.
        int64_t in_db = 0;
        {
            auto q = db->prepare("SELECT count(*) FROM booking");
            REQUIRE(q.step());
            in_db = q.int64(0);
        }   // finalized before the connection closes
        CHECK(in_db >= static_cast<int64_t>(k.codes.size()));
        CHECK(in_db <= static_cast<int64_t>(k.codes.size()) + 1);
        with_extra += in_db > static_cast<int64_t>(k.codes.size());
        db.reset();
        std::filesystem::remove(path);
        std::filesystem::remove(path + "-wal");
        std::filesystem::remove(path + "-shm");
    }
    MESSAGE("reported bookings: " << total_reported
                                  << ", kills after a booking reached the file but before its report: "
                                  << with_extra);
    CHECK(total_reported >= 100);
}

}  // TEST_SUITE
