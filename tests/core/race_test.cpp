// Two processes race to book the same slot, 100 rounds with a fresh slot each round: exactly one
// wins, the other gets SlotTaken, and the database holds exactly one live booking per slot.
#include "world.hpp"

#include "core/domain/walkin.hpp"

#include <set>

#include <sys/wait.h>
#include <unistd.h>

using namespace indgang;
using namespace world;

namespace {

enum Outcome { Won = 0, Taken = 1, OtherDomainError = 2, NoGo = 3, Crashed = 4 };

// Runs in a forked child: its own connection, ready signal, wait for the start, book.
int race_child(const std::string& path, Id session, Date date, int minute, Instant now,
               int ready_fd, int go_fd) {
    try {
        auto db = db::open_store(path);
        const char r = 'r';
        if (write(ready_fd, &r, 1) != 1) return NoGo;
        char c = 0;
        if (read(go_fd, &c, 1) != 1) return NoGo;
        book(*db, {session, date, minute}, "", now);
        return Won;
    } catch (const DomainError& e) {
        return e.code == ErrorCode::SlotTaken ? Taken : OtherDomainError;
    } catch (...) {
        return Crashed;
    }
}

}  // namespace

TEST_SUITE("race") {

TEST_CASE("two processes racing for one slot: exactly one wins, 100 rounds") {
    TempDir dir;
    const std::string path = dir.file("race.db");
    const Date day = ymd(2026, 5, 5);
    const Instant now = may(4, 9, 0);
    constexpr int kRounds = 100;
    Id session = 0;
    {
        World w(path);
        // 5-minute slots from 08:00 to 16:20: exactly 100 slots, one per round.
        session = w.one_off(w.jobcentre, day, hm(8, 0), hm(16, 20), 5);
        REQUIRE(slots_for(*w.db, w.site, day, day).size() == kRounds);
    }

    int wins = 0, taken = 0;
    for (int round = 0; round < kRounds; ++round) {
        const int minute = hm(8, 0) + 5 * round;
        int ready[2], go[2];
        REQUIRE(pipe(ready) == 0);
        REQUIRE(pipe(go) == 0);
        pid_t kids[2];
        for (auto& kid : kids) {
            kid = fork();
            REQUIRE(kid >= 0);
            if (kid == 0) {
                close(ready[0]);
                close(go[1]);
                _exit(race_child(path, session, day, minute, now, ready[1], go[0]));
            }
        }
        close(ready[1]);
        close(go[0]);
        // Both have their connection open; release them together.
        char buf[2];
        size_t got = 0;
        while (got < 2) {
            const ssize_t n = read(ready[0], buf + got, 2 - got);
            if (n <= 0) break;
            got += static_cast<size_t>(n);
        }
        CHECK(got == 2);
        CHECK(write(go[1], "gg", 2) == 2);
        close(go[1]);
        close(ready[0]);

        int outcome[2] = {-1, -1};
        for (int i = 0; i < 2; ++i) {
            int status = 0;
            REQUIRE(waitpid(kids[i], &status, 0) == kids[i]);
            REQUIRE(WIFEXITED(status));
            outcome[i] = WEXITSTATUS(status);
        }
        CAPTURE(round);
        CHECK(((outcome[0] == Won && outcome[1] == Taken) ||
               (outcome[0] == Taken && outcome[1] == Won)));
        wins += (outcome[0] == Won) + (outcome[1] == Won);
        taken += (outcome[0] == Taken) + (outcome[1] == Taken);
    }
    CHECK(wins == kRounds);
    CHECK(taken == kRounds);

    auto db = db::open_store(path);
    auto q = db->prepare("SELECT count(*), count(DISTINCT slot_start), max(n) FROM "
                         "(SELECT slot_start, count(*) AS n FROM booking "
                         " WHERE status <> 'cancelled' GROUP BY slot_start)");
    REQUIRE(q.step());
    CHECK(q.int64(0) == kRounds);   // every slot has a booking
    CHECK(q.int64(2) == 1);         // and none has two
    CHECK(db::integrity_check(*db) == "ok");
    for (const auto& slot : slots_for(*db, 1, day, day)) CHECK(slot.taken);
}

TEST_CASE("two processes taking walk-in numbers at once never get the same number") {
    TempDir dir;
    const std::string path = dir.file("walkin-race.db");
    Id site = 0, service = 0;
    {
        World w(path);
        w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20);
        site = w.site;
        service = w.jobcentre;
    }
    constexpr int kEach = 25;
    int go[2];
    REQUIRE(pipe(go) == 0);
    pid_t kids[2];
    for (auto& kid : kids) {
        kid = fork();
        REQUIRE(kid >= 0);
        if (kid == 0) {
            close(go[1]);
            int rc = 0;
            try {
                auto db = db::open_store(path);
                char c = 0;
                if (read(go[0], &c, 1) != 1) _exit(3);
                for (int i = 0; i < kEach; ++i) take_number(*db, site, service, may(5, 10, 30));
            } catch (...) {
                rc = 1;
            }
            _exit(rc);
        }
    }
    close(go[0]);
    CHECK(write(go[1], "gg", 2) == 2);
    close(go[1]);
    for (pid_t kid : kids) {
        int status = 0;
        REQUIRE(waitpid(kid, &status, 0) == kid);
        CHECK(WIFEXITED(status));
        CHECK(WEXITSTATUS(status) == 0);
    }
    auto db = db::open_store(path);
    const auto tickets = walkins_on(*db, site, ymd(2026, 5, 5));
    std::set<std::string> labels;
    for (const auto& t : tickets) labels.insert(t.label);
    CHECK(tickets.size() == 2u * kEach);
    CHECK(labels.size() == 2u * kEach);
    CHECK(labels.count("A-01") == 1);
    CHECK(labels.count("A-50") == 1);
}

}  // TEST_SUITE
