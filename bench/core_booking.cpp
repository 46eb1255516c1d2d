// Booking and check-in latency on a file database (WAL, synchronous=FULL, as in production):
// every call is one committed transaction, so the figure includes the fsync.
//
//   bench-core_booking [N] [DB_PATH]   (default 1000 bookings, /tmp/indgang-bench-booking.db)
#include "core/db/store.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

using namespace indgang;
using Clock = std::chrono::steady_clock;

struct Stats { double median, p99, max; };

static Stats stats(std::vector<double> us) {
    std::sort(us.begin(), us.end());
    auto at = [&](double q) { return us[std::min(us.size() - 1, static_cast<size_t>(q * us.size()))]; };
    return {at(0.5), at(0.99), us.back()};
}

int main(int argc, char** argv) {
    const int n = argc > 1 ? std::atoi(argv[1]) : 1000;
    const std::string path = argc > 2 ? argv[2] : "/tmp/indgang-bench-booking.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto db = db::open_store(path);
    if (db->pragma_int("synchronous") != 2) {
        std::fprintf(stderr, "expected synchronous=FULL\n");
        return 1;
    }
    // Monday 4 May 2026, 07:00 local; sessions every day 08:00–20:00 in 5-minute slots.
    const TimeZone tz("Europe/Copenhagen");
    const Date today{std::chrono::year{2026}, std::chrono::May, std::chrono::day{4}};
    const Instant now = *tz.to_utc(today, 7 * 60);
    Id site = 0;
    {
        db::Transaction tx(*db);
        ensure_standard_services(*db);
        Site s;
        s.name = "Bench";
        site = add_site(*db, s);
        for (int wd = 1; wd <= 7; ++wd) {
            Session v;
            v.site_id = site;
            v.service_id = get_service_by_key(*db, "jobcentre").id;
            v.weekday = wd;
            v.first_date = today;
            v.start_minute = 8 * 60;
            v.end_minute = 20 * 60;
            v.slot_minutes = 5;
            add_session(*db, v);
        }
        tx.commit();
    }
    const auto slots = slots_for(*db, site, today, add_days(today, 14));
    if (static_cast<int>(slots.size()) < n) {
        std::fprintf(stderr, "only %zu slots\n", slots.size());
        return 1;
    }

    std::vector<double> book_us, checkin_us;
    std::vector<Booking> booked;
    for (int i = 0; i < n; ++i) {
        const auto& slot = slots[static_cast<size_t>(i)];
        const auto t0 = Clock::now();
        booked.push_back(book(*db, {slot.session_id, slot.date, slot.start_minute}, "Bo", now));
        book_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    for (const auto& b : booked) {
        const auto t0 = Clock::now();
        check_in(*db, site, b.code, b.start - 600);
        checkin_us.push_back(std::chrono::duration<double, std::micro>(Clock::now() - t0).count());
    }
    const Stats bs = stats(book_us), cs = stats(checkin_us);
    std::printf("%d bookings then %d check-ins on %s (WAL, synchronous=FULL)\n", n, n, path.c_str());
    std::printf("  book:     median %.0f us, p99 %.0f us, max %.0f us\n", bs.median, bs.p99, bs.max);
    std::printf("  check_in: median %.0f us, p99 %.0f us, max %.0f us\n", cs.median, cs.p99, cs.max);
    return 0;
}
