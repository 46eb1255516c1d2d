// End-to-end: runs the built indgang-admin binary. Happy paths are read back with --json through
// nlohmann-json; errors must go to stderr with a non-zero exit and leave no half-written rows.
#include "core/db/store.hpp"
#include "core/domain/arrival_proof.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

extern char** environ;

namespace {

using nlohmann::json;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Result {
    int exit = -1;
    std::string out, err;
    json j() const {
        INFO("stdout: " << out << "\nstderr: " << err);
        REQUIRE(exit == 0);
        return json::parse(out);
    }
};

class Cli {
public:
    Cli() {
        char tmpl[] = "/tmp/indgang-cli-XXXXXX";
        const char* p = mkdtemp(tmpl);
        REQUIRE(p != nullptr);
        dir_ = p;
        db = (dir_ / "cli.db").string();
    }
    ~Cli() {
        std::error_code ec;
        std::filesystem::remove_all(dir_, ec);
    }
    std::string db;

    // Runs `indgang-admin --db DB [--json] args…` at local time `now` ("YYYY-MM-DDTHH:MM").
    Result run(std::vector<std::string> args, const std::string& now = "2026-05-04T09:00",
               const std::string& stdin_text = "", bool as_json = true, const std::string& db_path = "") {
        std::vector<std::string> full = {INDGANG_ADMIN, "--db", db_path.empty() ? db : db_path};
        if (as_json) full.push_back("--json");
        full.insert(full.end(), args.begin(), args.end());
        std::vector<char*> argv;
        for (auto& a : full) argv.push_back(a.data());
        argv.push_back(nullptr);

        const std::string in = (dir_ / "stdin").string(), out = (dir_ / "stdout").string(),
                          err = (dir_ / "stderr").string();
        std::ofstream(in, std::ios::binary | std::ios::trunc) << stdin_text;
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 0, in.c_str(), O_RDONLY, 0);
        posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        setenv("INDGANG_NOW", now.c_str(), 1);
        pid_t pid = 0;
        const int rc = posix_spawn(&pid, INDGANG_ADMIN, &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        unsetenv("INDGANG_NOW");
        REQUIRE(rc == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        Result r;
        r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }

    // A failing command: non-zero exit, a message on stderr, nothing on stdout.
    Result fails(std::vector<std::string> args, const std::string& now = "2026-05-04T09:00") {
        Result r = run(std::move(args), now);
        INFO("stdout: " << r.out << "\nstderr: " << r.err);
        CHECK(r.exit != 0);
        CHECK_FALSE(r.err.empty());
        CHECK(r.out.empty());
        return r;
    }

    int64_t count(const std::string& sql) {
        indgang::db::Db raw(db, indgang::db::Db::Mode::ReadOnly);
        auto s = raw.prepare(sql);
        REQUIRE(s.step());
        return s.int64(0);
    }

    // A site "Testhuset" (which brings the five standard services: jobcentre A … SKP E) and a
    // Tuesday session 10:00–12:00, 20-minute slots, the last 20 minutes for walk-ins. Returns
    // the session id.
    int64_t standard_setup() {
        CHECK(run({"sites", "add", "--name", "Testhuset", "--address", "Prøvevej 1",
                   "--hours", "1-5 09:00-16:00"}).j()["id"] == 1);
        return run({"sessions", "add", "--service", "jobcentre", "--caseworker", "Mette",
                    "--weekday", "tue", "--from", "10:00", "--to", "12:00", "--slot", "20",
                    "--walkin", "20", "--first", "2026-05-05"})
            .j()["id"]
            .get<int64_t>();
    }

private:
    std::filesystem::path dir_;
};

// 2026-05-05 10:00 CEST = 08:00 UTC, computed without the code under test.
constexpr int64_t kTue0800Utc = 1777968000;

}  // namespace

TEST_SUITE("cli") {

TEST_CASE("sites, services and sessions: add and list with --json") {
    Cli cli;
    const auto session = cli.standard_setup();
    CHECK(session == 1);

    const json sites = cli.run({"sites", "list"}).j();
    REQUIRE(sites.size() == 1);
    CHECK(sites[0]["name"] == "Testhuset");
    CHECK(sites[0]["address"] == "Prøvevej 1");
    CHECK(sites[0]["timezone"] == "Europe/Copenhagen");
    REQUIRE(sites[0]["hours"].size() == 5);
    CHECK(sites[0]["hours"][4]["weekday"] == 5);
    CHECK(sites[0]["hours"][0]["open"] == "09:00");
    CHECK(sites[0]["hours"][0]["close"] == "16:00");

    // The first site brought the standard services; a centre adds its own beside them.
    const json services = cli.run({"services", "list"}).j();
    REQUIRE(services.size() == 5);
    CHECK(services[0]["key"] == "jobcentre");
    CHECK(services[0]["walkin_prefix"] == "A");
    CHECK(services[4]["key"] == "skp");
    CHECK(services[4]["walkin_prefix"] == "E");
    CHECK(cli.run({"services", "add", "--key", "housing", "--name", "Boligrådgivning", "--prefix", "F"})
              .j()["id"] == 6);
    const auto dup = cli.run({"services", "add", "--key", "skp", "--name", "SKP", "--prefix", "E"});
    CHECK(dup.exit != 0);
    CHECK(dup.err.find("exists") != std::string::npos);
    CHECK(cli.run({"services", "set-active", "skp", "false"}).exit == 0);
    CHECK(cli.run({"services", "list"}).j().size() == 5);
    CHECK(cli.run({"services", "list", "--all"}).j().size() == 6);

    const auto one_off = cli.run({"sessions", "add", "--service", "skp", "--caseworker", "Lone",
                                  "--date", "2026-05-07", "--from", "13:00", "--to", "14:00",
                                  "--slot", "30", "--bookable", "1"}).j()["id"];
    const json sessions = cli.run({"sessions", "list"}).j();
    REQUIRE(sessions.size() == 2);
    const json& weekly = sessions[0]["id"] == 1 ? sessions[0] : sessions[1];
    const json& once = sessions[0]["id"] == 1 ? sessions[1] : sessions[0];
    CHECK(weekly["weekday"] == 2);
    CHECK(weekly["start"] == "10:00");
    CHECK(weekly["end"] == "12:00");
    CHECK(weekly["slot_minutes"] == 20);
    CHECK(weekly["walkin_minutes"] == 20);
    CHECK(weekly["caseworker"] == "Mette");
    CHECK(weekly["first_date"] == "2026-05-05");
    CHECK(weekly["last_date"].is_null());
    CHECK(once["id"] == one_off);
    CHECK(once["weekday"].is_null());
    CHECK(once["first_date"] == "2026-05-07");
    CHECK(once["bookable_slots"] == 1);

    CHECK(cli.run({"sessions", "end", "--session", "1", "--last", "2026-05-12"}).exit == 0);
    for (const auto& s : cli.run({"sessions", "list"}).j())
        if (s["id"] == 1) CHECK(s["last_date"] == "2026-05-12");
    CHECK(cli.run({"slots", "--date", "2026-05-19"}).j().empty());

    // Plain text output works too.
    const Result text = cli.run({"sessions", "list"}, "2026-05-04T09:00", "", false);
    CHECK(text.exit == 0);
    CHECK(text.out.find("Mette") != std::string::npos);
}

TEST_CASE("slots, book, check-in, mark seen, cancel") {
    Cli cli;
    cli.standard_setup();
    const json slots = cli.run({"slots", "--date", "2026-05-05"}).j();
    REQUIRE(slots.size() == 5);   // 10:00 … 11:20; 11:40–12:00 is for walk-ins
    CHECK(slots[0]["time"] == "10:00");
    CHECK(slots[0]["start_utc"] == kTue0800Utc);
    CHECK(slots[4]["time"] == "11:20");
    for (const auto& s : slots) CHECK(s["taken"] == false);

    const json b = cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:20",
                            "--nickname", "  Bo  "}).j();
    const std::string code = b["code"];
    CHECK(code.size() == 5);
    CHECK(code.find_first_not_of("0123456789") == std::string::npos);
    CHECK(b["nickname"] == "Bo");
    CHECK(b["status"] == "booked");
    CHECK(b["source"] == "staff");
    CHECK(b["time"] == "10:20");
    CHECK(b["start_utc"] == kTue0800Utc + 20 * 60);
    CHECK(cli.run({"slots", "--date", "2026-05-05"}).j()[1]["taken"] == true);

    // The same slot again: a clear error, no second row.
    const Result again = cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:20"});
    CHECK(again.err.find("taken") != std::string::npos);
    CHECK(cli.count("SELECT count(*) FROM booking") == 1);

    // Check-in: too early (09:49), then in the window.
    const Result early = cli.fails({"check-in", "--code", code}, "2026-05-05T09:49");
    CHECK(cli.count("SELECT count(*) FROM booking WHERE status = 'booked'") == 1);
    const json in = cli.run({"check-in", "--code", code}, "2026-05-05T10:00").j();
    CHECK(in["status"] == "checked_in");
    CHECK(in["ahead"] == 0);
    CHECK(in["checked_in_at"] == "2026-05-05 10:00");
    cli.fails({"check-in", "--code", code}, "2026-05-05T10:01");   // already checked in

    const int64_t id = in["id"];
    const json seen = cli.run({"mark", "--booking", std::to_string(id), "seen"}, "2026-05-05T10:40").j();
    CHECK(seen["status"] == "seen");

    // Cancel a second booking by code; cancelling again fails.
    const json b2 = cli.run({"book", "--session", "1", "--date", "2026-05-12", "--time", "10:00"}).j();
    CHECK(b2["nickname"].is_null());
    const json c = cli.run({"cancel", "--code", b2["code"].get<std::string>()}).j();
    CHECK(c["status"] == "cancelled");
    cli.fails({"cancel", "--code", b2["code"].get<std::string>()});
    cli.fails({"cancel", "--code", "abc"});
    CHECK(cli.run({"slots", "--date", "2026-05-12"}).j()[0]["taken"] == false);

    // No-show by staff, and an invalid status word is a usage error.
    const json b3 = cli.run({"book", "--session", "1", "--date", "2026-05-12", "--time", "10:20"}).j();
    const std::string b3id = std::to_string(b3["id"].get<int64_t>());
    CHECK(cli.run({"mark", "--booking", b3id, "no-show"}, "2026-05-12T11:00").j()["status"] == "missed");
    CHECK(cli.run({"mark", "--booking", b3id, "seen"}, "2026-05-12T11:01").j()["status"] == "seen");
    CHECK(cli.run({"mark", "--booking", b3id, "gone"}).exit != 0);
    cli.fails({"mark", "--booking", "999", "seen"});
}

TEST_CASE("walk-in numbers, walk-in status and today") {
    Cli cli;
    cli.standard_setup();
    const json a1 = cli.run({"walk-in", "--service", "jobcentre"}, "2026-05-05T10:05").j();
    const json a2 = cli.run({"walk-in", "--service", "jobcentre"}, "2026-05-05T10:06").j();
    CHECK(a1["label"] == "A-01");
    CHECK(a1["ahead"] == 0);
    CHECK(a2["label"] == "A-02");
    CHECK(a2["ahead"] == 1);
    CHECK(a1["day"] == "2026-05-05");
    const json seen = cli.run({"walk-in-status", "--ticket", std::to_string(a1["id"].get<int64_t>()),
                               "seen"}, "2026-05-05T10:20").j();
    CHECK(seen["status"] == "seen");
    // No session on Monday, nor for SKP on Tuesday: clear error, no ticket.
    const Result none = cli.fails({"walk-in", "--service", "jobcentre"}, "2026-05-04T10:00");
    cli.fails({"walk-in", "--service", "skp"}, "2026-05-05T10:00");
    CHECK(cli.count("SELECT count(*) FROM walkin") == 2);
    // The next week starts at 01 again.
    CHECK(cli.run({"walk-in", "--service", "jobcentre"}, "2026-05-12T10:00").j()["label"] == "A-01");

    cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:40", "--nickname", "Kim"}).j();
    const json today = cli.run({"today"}, "2026-05-05T10:30").j();
    CHECK(today["date"] == "2026-05-05");
    CHECK(today["sessions"].size() == 1);
    REQUIRE(today["bookings"].size() == 1);
    CHECK(today["bookings"][0]["nickname"] == "Kim");
    REQUIRE(today["walkins"].size() == 2);
    CHECK(today["walkins"][1]["label"] == "A-02");
    CHECK(today["walkins"][1]["ahead"] == 0);   // A-01 was seen
    // Later that day the unattended booking is missed once housekeeping has run (any writing
    // command runs it); `today` only reads.
    const json before = cli.run({"today", "--date", "2026-05-05"}, "2026-05-05T18:00").j();
    CHECK(before["bookings"][0]["status"] == "booked");
    // This test went on to 12 May above, so 5 May is a clock going backwards: refused until
    // staff confirm the clock.
    const Result back = cli.fails({"housekeeping"}, "2026-05-05T18:00");
    CHECK(back.err.find("earlier than the last run") != std::string::npos);
    CHECK(cli.run({"housekeeping", "--accept-clock"}, "2026-05-05T18:00").j()["marked_missed"] == 1);
    const json evening = cli.run({"today", "--date", "2026-05-05"}, "2026-05-05T18:00").j();
    CHECK(evening["bookings"][0]["status"] == "missed");
}

TEST_CASE("cancel-date, restore-date, settings, purge, set-pin") {
    Cli cli;
    cli.standard_setup();
    const json b = cli.run({"book", "--session", "1", "--date", "2026-05-12", "--time", "10:00",
                            "--nickname", "Bo"}).j();
    const json cancelled = cli.run({"sessions", "cancel-date", "--session", "1", "--date",
                                    "2026-05-12", "--reason", "syg"}).j();
    CHECK(cancelled["cancelled"] == "2026-05-12");
    REQUIRE(cancelled["bookings_to_tell"].size() == 1);
    CHECK(cancelled["bookings_to_tell"][0]["code"] == b["code"]);
    CHECK(cli.run({"slots", "--date", "2026-05-12"}).j().empty());
    cli.fails({"book", "--session", "1", "--date", "2026-05-12", "--time", "10:20"});
    cli.fails({"sessions", "cancel-date", "--session", "1", "--date", "2026-05-13"});   // a Wednesday
    CHECK(cli.run({"sessions", "restore-date", "--session", "1", "--date", "2026-05-12"}).exit == 0);
    CHECK(cli.run({"slots", "--date", "2026-05-12"}).j().size() == 5);

    CHECK(cli.run({"setting", "set", "booking.window_days", "3"}).exit == 0);
    const Result got = cli.run({"setting", "get", "booking.window_days"});
    CHECK(got.exit == 0);
    CHECK(got.out.find('3') != std::string::npos);
    cli.fails({"setting", "get", "no.such.key"});
    // Now 12 May is beyond the window from 4 May.
    cli.fails({"book", "--session", "1", "--date", "2026-05-12", "--time", "10:40"});

    // Purge the day after the appointment.
    CHECK(cli.run({"purge"}, "2026-05-12T20:00").j()["erased"] == 0);
    CHECK(cli.count("SELECT count(*) FROM booking WHERE nickname IS NOT NULL") == 1);
    cli.run({"purge"}, "2026-05-13T08:00");   // opening the store already purges; either way:
    CHECK(cli.count("SELECT count(*) FROM booking WHERE nickname IS NOT NULL") == 0);
    CHECK(cli.count("SELECT count(*) FROM booking") == 1);
    CHECK(cli.count("SELECT count(*) FROM event_log WHERE kind = 'purge'") == 1);

    // The staff PIN comes on stdin, is stored hashed; a bad PIN is refused.
    const Result pin = cli.run({"set-pin"}, "2026-05-13T08:00", "4826\n");
    CHECK(pin.exit == 0);
    CHECK(cli.count("SELECT count(*) FROM setting WHERE key = 'staff.pin_hash' "
                    "AND value LIKE '$argon2id$%'") == 1);
    CHECK(cli.count("SELECT count(*) FROM setting WHERE value = '4826'") == 0);
    const Result bad = cli.run({"set-pin"}, "2026-05-13T08:00", "12\n");
    CHECK(bad.exit != 0);
    CHECK_FALSE(bad.err.empty());
}

TEST_CASE("errors: stderr, non-zero exit, nothing half-written") {
    Cli cli;
    cli.standard_setup();
    const auto sessions = cli.count("SELECT count(*) FROM session");
    const auto sites = cli.count("SELECT count(*) FROM site");
    const auto hours = cli.count("SELECT count(*) FROM opening_hours");

    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "tue", "--from", "12:00",
               "--to", "10:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "tue", "--from", "10:00",
               "--to", "12:00", "--slot", "3"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "tue", "--from", "10:00",
               "--to", "12:00", "--walkin", "200"});
    cli.fails({"sessions", "add", "--service", "nosuch", "--weekday", "tue", "--from", "10:00",
               "--to", "12:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "someday", "--from",
               "10:00", "--to", "12:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--date", "2026-02-30", "--from",
               "10:00", "--to", "12:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--from", "10:00", "--to", "12:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "tue", "--from", "25:00",
               "--to", "26:00"});
    cli.fails({"sessions", "add", "--service", "jobcentre", "--weekday", "tue", "--from", "10:00",
               "--to", "12:00", "--first", "2026-05-10", "--last", "2026-05-01"});
    CHECK(cli.count("SELECT count(*) FROM session") == sessions);

    // A site whose hours are wrong is not stored at all (no site without its hours).
    cli.fails({"sites", "add", "--name", "Halvt", "--hours", "1-8 09:00-16:00"});
    cli.fails({"sites", "add", "--name", "Halvt", "--hours", "2 16:00-09:00"});
    cli.fails({"sites", "add", "--name", "Halvt", "--timezone", "Mars/Olympus"});
    CHECK(cli.count("SELECT count(*) FROM site") == sites);
    CHECK(cli.count("SELECT count(*) FROM opening_hours") == hours);

    // Bookings refused for every reason leave no row.
    cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:05"});
    cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "11:40"});
    cli.fails({"book", "--session", "1", "--date", "2026-05-06", "--time", "10:00"});
    cli.fails({"book", "--session", "1", "--date", "2026-04-28", "--time", "10:00"});
    cli.fails({"book", "--session", "1", "--date", "2026-05-26", "--time", "10:00"});
    cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:00",
               "--nickname", "B\x01o"});
    cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:00",
               "--nickname", std::string(41, 'x')});
    cli.fails({"book", "--session", "9", "--date", "2026-05-05", "--time", "10:00"});
    cli.fails({"book", "--session", "1", "--date", "5/5/2026", "--time", "10:00"});
    CHECK(cli.count("SELECT count(*) FROM booking") == 0);

    cli.fails({"check-in", "--code", "12345"}, "2026-05-05T10:00");
    cli.fails({"cancel", "--code", "12345"});
    cli.fails({"walk-in-status", "--ticket", "99", "seen"});
    cli.fails({"sites", "list", "--site", "1"});   // unknown option: a usage error

    // Several sites and no --site: asks for one instead of guessing.
    CHECK(cli.run({"sites", "add", "--name", "Andet sted"}).exit == 0);
    cli.fails({"slots", "--date", "2026-05-05"});
    CHECK(cli.run({"slots", "--site", "1", "--date", "2026-05-05"}).j().size() == 5);
}

TEST_CASE("a damaged database: clear message, non-zero exit, the file is not written to") {
    Cli cli;
    cli.standard_setup();
    for (int m = 0; m < 5; ++m)
        cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time",
                 "1" + std::to_string(m / 3) + ":" + std::to_string(m % 3 * 2) + "0"}).j();
    // Grow the file over several pages, then overwrite every page but the header.
    for (int i = 0; i < 40; ++i)
        CHECK(cli.run({"services", "add", "--key", "filler" + std::to_string(i), "--name", "Fyld",
                       "--description", std::string(290, 'x')}).exit == 0);
    std::string bytes = slurp(cli.db);
    REQUIRE(bytes.size() > 4 * 4096);
    std::mt19937 rng(3);
    for (size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(rng() & 0xff);
    std::ofstream(cli.db, std::ios::binary | std::ios::trunc) << bytes;

    const Result r = cli.fails({"today"}, "2026-05-05T10:00");
    CHECK(r.exit == 3);
    CHECK(r.err.find("damaged") != std::string::npos);
    cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "11:20"});
    CHECK(slurp(cli.db) == bytes);
}

TEST_CASE("slots on the spring DST day through the CLI: 02:30 does not exist, 03:00 is 01:00 UTC") {
    Cli cli;
    cli.standard_setup();
    cli.run({"sessions", "add", "--service", "skp", "--date", "2026-03-29", "--from", "02:30",
             "--to", "04:00", "--slot", "30"}, "2026-03-28T12:00").j();
    const json slots = cli.run({"slots", "--date", "2026-03-29"}, "2026-03-28T12:00").j();
    REQUIRE(slots.size() == 2);
    CHECK(slots[0]["time"] == "03:00");
    CHECK(slots[0]["start_utc"] == 1774746000);   // 2026-03-29 01:00 UTC
    CHECK(slots[1]["time"] == "03:30");
    cli.fails({"book", "--session", "2", "--date", "2026-03-29", "--time", "02:30"},
              "2026-03-28T12:00");
    // INDGANG_NOW itself may not name a local time that does not exist.
    const Result gap = cli.run({"slots"}, "2026-03-29T02:30");
    CHECK(gap.exit != 0);
    CHECK_FALSE(gap.err.empty());
}

TEST_CASE("another program's SQLite file: refused with a clear message") {
    Cli cli;
    {
        indgang::db::Db other(cli.db);
        other.exec("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('mælk')");
    }
    const Result r = cli.fails({"sites", "list"});
    CHECK(r.exit == 3);
    CHECK(r.err.find("not an Indgang database") != std::string::npos);
    indgang::db::Db check(cli.db, indgang::db::Db::Mode::ReadOnly);
    auto s = check.prepare("SELECT count(*) FROM sqlite_master");
    REQUIRE(s.step());
    CHECK(s.int64(0) == 1);   // no Indgang tables were added to it
}

TEST_CASE("honest figures from the command line: bad input refused plainly, reads write nothing") {
    Cli cli;
    cli.standard_setup();
    // A database that would vanish on exit is refused for writing commands.
    {
        const Result r = cli.run({"sites", "add", "--name", "X"}, "2026-05-04T09:00", "", true, ":memory:");
        CHECK(r.exit != 0);
        CHECK(r.err.find("would lose every change") != std::string::npos);
    }
    // Broken UTF-8 in a name is refused with a message that shows the bytes, not the mojibake.
    const Result utf = cli.fails({"sites", "add", "--name", "Kilde\xC3"});
    CHECK(utf.err.find("not valid text") != std::string::npos);
    CHECK(utf.err.find("\\xC3") != std::string::npos);
    cli.fails({"services", "add", "--key", "housing", "--name", "Bolig\xFF"});
    cli.fails({"sessions", "cancel-date", "--session", "1", "--date", "2026-05-05", "--reason", "syg\xC0\xAF"});
    CHECK(cli.count("SELECT count(*) FROM site") == 1);
    CHECK(cli.count("SELECT count(*) FROM service WHERE key = 'housing'") == 0);
    // Opening hours with a bad weekday: a plain message, never a bare library word.
    const Result hours = cli.fails({"sites", "add", "--name", "Y", "--hours", "x-5 09:00-16:00"});
    CHECK(hours.err.find("stoi") == std::string::npos);
    CHECK(hours.err.find("weekdays are 1") != std::string::npos);
    const Result svc = cli.fails({"walk-in", "--service", "99999999999999999999"});
    CHECK(svc.err.find("stoll") == std::string::npos);
    // A nickname that is a CPR number is refused kindly.
    const Result cpr = cli.fails({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:00",
                                  "--nickname", "010190-1234"});
    CHECK(cpr.err.find("CPR") != std::string::npos);
    // Settings: every declared setting listed with its default and range; bad values refused.
    const json list = cli.run({"setting", "list"}).j();
    CHECK(list.size() >= 20);
    bool window = false;
    for (const auto& row : list) {
        CHECK(row.contains("default"));
        CHECK(row.contains("range"));
        if (row["key"] == "booking.window_days") {
            window = true;
            CHECK(row["default"] == "14");
            CHECK(row["range"] == "1–90 days");
        }
    }
    CHECK(window);
    cli.fails({"setting", "set", "checkin.before_minutes", "-5"});
    cli.fails({"setting", "set", "retention.nickname_days", "0"});
    cli.fails({"setting", "set", "pinned_public_key", "x"});
    CHECK(cli.run({"setting", "set", "kiosk.paused", "on"}).j()["value"] == "1");

    // A read-only look at a copy writes nothing: same bytes, no -wal or -shm beside it.
    cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:20", "--nickname", "Bo"}).j();
    const std::string copy = cli.db + ".copy";
    std::filesystem::copy_file(cli.db, copy);
    const std::string before = slurp(copy);
    for (const auto& args : std::vector<std::vector<std::string>>{
             {"today", "--date", "2026-05-05"}, {"sessions", "list"}, {"slots", "--date", "2026-05-05"},
             {"setting", "list"}, {"sites", "list"}, {"closures", "list"}, {"history", "--booking", "1"}}) {
        const Result r = cli.run(args, "2026-05-05T18:00", "", true, copy);
        INFO(args[0] << ": " << r.err);
        CHECK(r.exit == 0);
    }
    CHECK(slurp(copy) == before);
    CHECK_FALSE(std::filesystem::exists(copy + "-wal"));
    CHECK_FALSE(std::filesystem::exists(copy + "-shm"));
}

TEST_CASE("a damaged index is caught at open, before a slot can be booked twice") {
    Cli cli;
    cli.standard_setup();
    cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:00"}).j();
    {
        // Make the one-booking-per-slot index disagree with its table while every page stays
        // well-formed: quick_check passes such a file, integrity_check does not.
        indgang::db::Db raw(cli.db);
        raw.exec("PRAGMA writable_schema=ON");
        raw.exec("UPDATE sqlite_schema SET sql = replace(sql, 'ON booking(session_id, slot_start)', "
                 "'ON booking(session_id, slot_end)') WHERE name = 'booking_one_per_slot'");
        raw.exec("PRAGMA writable_schema=OFF");
    }
    {
        indgang::db::Db raw(cli.db);
        auto q = raw.prepare("PRAGMA quick_check");
        REQUIRE(q.step());
        CHECK(q.text(0) == "ok");   // the damage quick_check cannot see
    }
    const std::string before = slurp(cli.db);
    const Result r = cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:00"});
    CHECK(r.exit == 3);
    CHECK(r.err.find("integrity") != std::string::npos);
    CHECK(slurp(cli.db) == before);
}

// The proof-of-arrival slip's code, checked the way staff would when a jobcentre calls.
TEST_CASE("verify-arrival: yes for the slip's code and minute, no otherwise, nothing else said") {
    Cli cli;
    cli.standard_setup();
    const json b = cli.run({"book", "--session", "1", "--date", "2026-05-05", "--time", "10:20",
                            "--nickname", "Bo"}).j();
    const std::string booking_code = b["code"];
    cli.run({"check-in", "--code", booking_code}, "2026-05-05T10:07").j();
    // The kiosk prints what arrival_code() gives; the slip says 10:07 on 5 May.
    std::string proof;
    {
        auto db = indgang::db::open_store(cli.db);
        proof = indgang::arrival_code(*db, 1, b["id"].get<int64_t>(), kTue0800Utc + 7 * 60 + 31);
    }
    const Result yes = cli.run({"verify-arrival", "--code", proof, "--date", "2026-05-05", "--time", "10:07"},
                               "2026-05-06T09:00", "", false);
    INFO("stdout: " << yes.out << "\nstderr: " << yes.err);
    CHECK(yes.exit == 0);
    CHECK(yes.out.rfind("yes:", 0) == 0);
    // Nothing else: not the nickname, the booking code, the service or the caseworker.
    for (const char* secret : {"Bo", "Mette", "obcent"}) CHECK(yes.out.find(secret) == std::string::npos);
    CHECK(yes.out.find(booking_code) == std::string::npos);
    CHECK(cli.run({"verify-arrival", "--code", proof, "--date", "2026-05-05", "--time", "10:07"}).j() ==
          json{{"verified", true}});

    const Result wrong_minute = cli.run({"verify-arrival", "--code", proof, "--date", "2026-05-05", "--time", "10:08"},
                                        "2026-05-06T09:00", "", false);
    CHECK(wrong_minute.exit == 2);
    CHECK(wrong_minute.out.rfind("no:", 0) == 0);
    const Result made_up = cli.run({"verify-arrival", "--code", "ABC-DEF", "--date", "2026-05-05", "--time", "10:07"},
                                   "2026-05-06T09:00", "", false);
    CHECK(made_up.exit == 2);
}

}  // TEST_SUITE

TEST_SUITE("cli") {

// Staff at a terminal read Danish: the tool's own messages and the core's errors come from the
// staff catalog. (The rest of this file asks for English with INDGANG_STAFF_LANG=en.)
TEST_CASE("messages meant for staff are Danish unless English is asked for") {
    Cli cli;
    cli.standard_setup();
    setenv("INDGANG_STAFF_LANG", "da", 1);
    const Result no = cli.run({"verify-arrival", "--code", "ABC-DEF", "--date", "2026-05-05", "--time", "10:07"},
                              "2026-05-06T09:00", "", false);
    const Result bad_code = cli.run({"check-in", "--code", "12"}, "2026-05-05T10:00", "", false);
    const Result bad_date = cli.run({"verify-arrival", "--code", "ABC-DEF", "--date", "5.5", "--time", "10:07"},
                                    "2026-05-06T09:00", "", false);
    const Result bad_hours = cli.run({"sites", "add", "--name", "X", "--hours", "1-5"}, "2026-05-06T09:00", "", false);
    const Result printer = cli.run({"printer-status"}, "2026-05-06T09:00", "", false);
    setenv("INDGANG_STAFF_LANG", "en", 1);
    const Result no_en = cli.run({"verify-arrival", "--code", "ABC-DEF", "--date", "2026-05-05", "--time", "10:07"},
                                 "2026-05-06T09:00", "", false);
    INFO(no.out << bad_code.err << bad_date.err << bad_hours.err << printer.out);
    CHECK(no.exit == 2);
    CHECK(no.out.rfind("nej:", 0) == 0);
    CHECK(no_en.out.rfind("no:", 0) == 0);
    CHECK(bad_code.exit != 0);
    CHECK(bad_code.err.find("en kode er 5 cifre") != std::string::npos);
    CHECK(bad_date.err.find("er ikke en dato") != std::string::npos);
    CHECK(bad_hours.exit != 0);
    CHECK(bad_hours.err.find("åbningstider") != std::string::npos);
    CHECK(printer.out.find("ingen printer") != std::string::npos);
}

}  // TEST_SUITE
