// Slot generation: a year of slots for 150 sites, each with the demo week (jobcentre Tue 10–12,
// social centre Thu 13–15, SKP Mon 10–13 and Wed 12–15, substance-abuse outreach Fri 9–12).
// Prints the time per site-year and for all 150; slots_for() reads sessions, cancellations and
// bookings from the database, generate_slots() is the pure computation.
//
//   bench-core_slots [DB_PATH]    (default /tmp/indgang-bench-slots.db, recreated)
#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

using namespace indgang;
using Clock = std::chrono::steady_clock;

static double ms_since(Clock::time_point t0) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : "/tmp/indgang-bench-slots.db";
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
    auto db = db::open_store(path);
    constexpr int kSites = 150;
    const Date first{std::chrono::year{2026}, std::chrono::January, std::chrono::day{1}};
    const Date last{std::chrono::year{2026}, std::chrono::December, std::chrono::day{31}};
    {
        db::Transaction tx(*db);
        ensure_standard_services(*db);
        struct Visit { const char* service; int weekday, from, to, slot, walkin; };
        const Visit week[] = {{"jobcentre", 2, 600, 720, 20, 20}, {"social", 4, 780, 900, 30, 30},
                              {"skp", 1, 600, 780, 30, 60},       {"skp", 3, 720, 900, 30, 60},
                              {"substance", 5, 540, 720, 30, 30}};
        for (int i = 0; i < kSites; ++i) {
            Site site;
            site.name = "Værested " + std::to_string(i + 1);
            const Id id = add_site(*db, site);
            for (const auto& v : week) {
                Session s;
                s.site_id = id;
                s.service_id = get_service_by_key(*db, v.service).id;
                s.caseworker = "Mette";
                s.weekday = v.weekday;
                s.first_date = first;
                s.start_minute = v.from;
                s.end_minute = v.to;
                s.slot_minutes = v.slot;
                s.walkin_minutes = v.walkin;
                add_session(*db, s);
            }
        }
        tx.commit();
    }
    const auto sites = list_sites(*db);

    std::vector<double> runs;
    size_t slots = 0;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = Clock::now();
        slots = 0;
        for (const auto& site : sites) slots += slots_for(*db, site.id, first, last).size();
        runs.push_back(ms_since(t0));
    }
    std::sort(runs.begin(), runs.end());

    // The pure part: generate_slots for every session and day, no database.
    const TimeZone tz("Europe/Copenhagen");
    std::vector<Session> sessions;
    for (const auto& site : sites)
        for (auto& s : list_sessions(*db, site.id)) sessions.push_back(std::move(s));
    std::vector<double> pure;
    size_t pure_slots = 0;
    for (int run = 0; run < 5; ++run) {
        const auto t0 = Clock::now();
        pure_slots = 0;
        for (Date d = first; d <= last; d = add_days(d, 1))
            for (const auto& s : sessions) pure_slots += generate_slots(s, d, tz).size();
        pure.push_back(ms_since(t0));
    }
    std::sort(pure.begin(), pure.end());

    std::printf("slot generation, 2026-01-01..2026-12-31, %d sites x demo week (%zu sessions)\n",
                kSites, sessions.size());
    std::printf("  slots_for (db):      %zu slots, median %.1f ms, best %.1f ms (5 runs), "
                "%.2f ms per site-year\n",
                slots, runs[2], runs[0], runs[2] / kSites);
    std::printf("  generate_slots only: %zu slots, median %.1f ms, best %.1f ms (5 runs), "
                "%.0f ns per slot\n",
                pure_slots, pure[2], pure[0], pure[2] * 1e6 / static_cast<double>(pure_slots));
    return slots == pure_slots ? 0 : 1;
}
