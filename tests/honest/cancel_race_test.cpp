// Cancelling a date while three visitors book it: for 100 rounds, every booking either lands
// before the cancellation (and is on the list of visitors to tell) or is refused. None may land
// on the cancelled day unseen — the check is inside the booking's write transaction.
#include "tests/core/world.hpp"

#include <doctest/doctest.h>

#include <atomic>
#include <set>
#include <thread>

using namespace indgang;
using namespace world;

TEST_CASE("cancel-date racing three bookers: no booking lands unseen on the cancelled day") {
    TempDir dir;
    const std::string path = dir.file("race.db");
    Id site = 0, service = 0;
    {
        World w(path);
        site = w.site;
        service = w.jobcentre;
    }
    const Date day = ymd(2026, 5, 15);   // inside the 14-day booking window
    const Instant now = may(4, 9, 0);
    int landed_before = 0, refused = 0;
    for (int round = 0; round < 100; ++round) {
        Id session = 0;
        {
            auto db = db::open_store(path);
            Session s;
            s.site_id = site;
            s.service_id = service;
            s.caseworker = "R" + std::to_string(round);
            s.first_date = day;
            s.start_minute = hm(8, 0);
            s.end_minute = hm(9, 0);
            s.slot_minutes = 20;
            session = add_session(*db, s);
        }
        std::atomic<int> go{0};
        std::vector<Booking> told;
        std::vector<std::optional<Id>> booked(3);
        std::vector<std::thread> threads;
        for (int i = 0; i < 3; ++i)
            threads.emplace_back([&, i] {
                auto db = db::open_store(path);
                go.fetch_add(1);
                while (go.load() < 4) std::this_thread::yield();
                try {
                    booked[static_cast<size_t>(i)] = book(*db, {session, day, hm(8, 20 * i)}, "", now).id;
                } catch (const DomainError& e) {
                    CHECK(e.code == ErrorCode::SessionCancelled);
                }
            });
        threads.emplace_back([&] {
            auto db = db::open_store(path);
            go.fetch_add(1);
            while (go.load() < 4) std::this_thread::yield();
            told = cancel_session_date(*db, session, day, "ill", now);
        });
        for (auto& t : threads) t.join();

        auto db = db::open_store(path);
        std::set<Id> on_list;
        for (const auto& b : told) on_list.insert(b.id);
        for (const auto& id : booked) {
            if (!id) { ++refused; continue; }
            ++landed_before;
            INFO("round " << round << ", booking " << *id);
            CHECK(on_list.count(*id) == 1);   // landed before the cancel: it is on the list
            CHECK(get_booking(*db, *id).status == BookingStatus::CentreCancelled);
        }
        // Nothing live on the cancelled day, whatever the interleaving.
        auto s = db->prepare("SELECT count(*) FROM booking WHERE session_id = ? AND status IN ('booked', 'checked_in')");
        s.bind(session);
        REQUIRE(s.step());
        CHECK(s.int64(0) == 0);
    }
    MESSAGE("bookings that landed before the cancel: " << landed_before << ", refused after it: " << refused);
    CHECK(landed_before + refused == 300);
}
