// Daylight-saving changes in Europe/Copenhagen, 2026: clocks go 02:00 → 03:00 on Sunday 29 March
// (02:00–02:59 does not exist) and 03:00 → 02:00 on Sunday 25 October (02:00–02:59 happens twice).
// Every expected instant comes from the known offsets (+01:00 CET, +02:00 CEST), not from TimeZone.
#include "world.hpp"

using namespace indgang;
using namespace world;

namespace {

// The offset Copenhagen uses for a wall time, by the rules (first occurrence in the overlap);
// empty in the spring gap.
std::optional<int> expected_offset(Date d, int minute) {
    if (d < ymd(2026, 3, 29) || d > ymd(2026, 10, 25)) return 1;
    if (d > ymd(2026, 3, 29) && d < ymd(2026, 10, 25)) return 2;
    if (d == ymd(2026, 3, 29)) {
        if (minute < hm(2, 0)) return 1;
        if (minute < hm(3, 0)) return std::nullopt;
        return 2;
    }
    return minute < hm(3, 0) ? 2 : 1;   // 25 October: the repeated hour resolves to CEST
}

Instant wall(Date d, int minute, int offset) {
    return static_cast<Instant>(std::chrono::sys_days{d}.time_since_epoch().count()) * 86400 +
           minute * 60 - offset * 3600;
}

Session sunday_session(int from, int to, int slot) {
    Session s;
    s.id = 7;
    s.weekday = 7;
    s.first_date = ymd(2026, 1, 4);
    s.start_minute = from;
    s.end_minute = to;
    s.slot_minutes = slot;
    return s;
}

std::vector<Instant> starts_of(const std::vector<Slot>& slots) {
    std::vector<Instant> out;
    for (const auto& s : slots) out.push_back(s.start);
    return out;
}

}  // namespace

TEST_SUITE("dst") {

TEST_CASE("to_utc on the spring day: 02:00–02:59 does not exist, the rest is exact") {
    const TimeZone tz("Europe/Copenhagen");
    const Date d = ymd(2026, 3, 29);
    CHECK(tz.to_utc(d, hm(1, 59)) == utc(2026, 3, 29, 0, 59));
    CHECK(tz.to_utc(d, hm(2, 0)) == std::nullopt);
    CHECK(tz.to_utc(d, hm(2, 30)) == std::nullopt);
    CHECK(tz.to_utc(d, hm(2, 59)) == std::nullopt);
    CHECK(tz.to_utc(d, hm(3, 0)) == utc(2026, 3, 29, 1, 0));
    CHECK(tz.to_local(utc(2026, 3, 29, 0, 59, 59)).minute == hm(1, 59));
    CHECK(tz.to_local(utc(2026, 3, 29, 0, 59, 59)).second == 59);
    CHECK(tz.to_local(utc(2026, 3, 29, 1, 0)).minute == hm(3, 0));
}

TEST_CASE("to_utc on the autumn day: the repeated hour resolves to its first occurrence") {
    const TimeZone tz("Europe/Copenhagen");
    const Date d = ymd(2026, 10, 25);
    CHECK(tz.to_utc(d, hm(1, 59)) == utc(2026, 10, 24, 23, 59));
    CHECK(tz.to_utc(d, hm(2, 0)) == utc(2026, 10, 25, 0, 0));
    CHECK(tz.to_utc(d, hm(2, 30)) == utc(2026, 10, 25, 0, 30));
    CHECK(tz.to_utc(d, hm(3, 0)) == utc(2026, 10, 25, 2, 0));
    // Both occurrences of 02:30 read back as 02:30 on the 25th.
    for (Instant t : {utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 1, 30)}) {
        const LocalTime lt = tz.to_local(t);
        CHECK(lt.date == d);
        CHECK(lt.minute == hm(2, 30));
    }
    CHECK(tz.to_local(utc(2026, 10, 25, 2, 0)).minute == hm(3, 0));
    CHECK(tz.to_local(utc(2026, 10, 24, 22, 0)).date == d);   // 00:00 CEST on the 25th
    CHECK(tz.to_local(utc(2026, 10, 24, 22, 0)).minute == 0);
}

TEST_CASE("to_utc / to_local round trip, every minute of the days around both changes") {
    const TimeZone tz("Europe/Copenhagen");
    int gaps = 0;
    for (Date d : {ymd(2026, 3, 28), ymd(2026, 3, 29), ymd(2026, 3, 30), ymd(2026, 10, 24),
                   ymd(2026, 10, 25), ymd(2026, 10, 26), ymd(2026, 1, 15), ymd(2026, 7, 15)}) {
        for (int m = 0; m < 1440; ++m) {
            const auto expect = expected_offset(d, m);
            const auto got = tz.to_utc(d, m);
            if (!expect) {
                ++gaps;
                CHECK_MESSAGE(!got.has_value(), format_date(d) << " " << format_minute(m));
                continue;
            }
            REQUIRE_MESSAGE(got.has_value(), format_date(d) << " " << format_minute(m));
            CHECK_MESSAGE(*got == wall(d, m, *expect), format_date(d) << " " << format_minute(m));
            const LocalTime back = tz.to_local(*got);
            CHECK(back.date == d);
            CHECK(back.minute == m);
            CHECK(back.second == 0);
        }
    }
    CHECK(gaps == 60);

    // From the UTC side, every 5 minutes over 48 hours around each change: to_local, then to_utc,
    // gives the same instant, except in the second pass through the repeated hour.
    for (Instant base : {utc(2026, 3, 28, 12, 0), utc(2026, 10, 24, 12, 0)}) {
        for (Instant t = base; t < base + 48 * 3600; t += 300) {
            const LocalTime lt = tz.to_local(t);
            const auto again = tz.to_utc(lt.date, lt.minute);
            REQUIRE(again.has_value());
            const bool second_pass = t >= utc(2026, 10, 25, 1, 0) && t < utc(2026, 10, 25, 2, 0);
            CHECK(*again == (second_pass ? t - 3600 : t));
        }
    }
}

TEST_CASE("slots on the spring day: those in the gap are skipped, the rest at the right UTC") {
    const TimeZone tz("Europe/Copenhagen");
    const Date d = ymd(2026, 3, 29);
    const auto slots = generate_slots(sunday_session(hm(1, 0), hm(5, 0), 30), d, tz);
    // 01:00 01:30 [02:00 02:30 do not exist] 03:00 03:30 04:00 04:30
    CHECK(starts_of(slots) == std::vector<Instant>{
                                  utc(2026, 3, 29, 0, 0), utc(2026, 3, 29, 0, 30),
                                  utc(2026, 3, 29, 1, 0), utc(2026, 3, 29, 1, 30),
                                  utc(2026, 3, 29, 2, 0), utc(2026, 3, 29, 2, 30)});
    REQUIRE(slots.size() == 6);
    CHECK(slots[1].start_minute == hm(1, 30));
    CHECK(slots[2].start_minute == hm(3, 0));
    // The 01:30 slot ends at 03:00 CEST (wall clock jumps), which is 30 real minutes later.
    CHECK(slots[1].end == utc(2026, 3, 29, 1, 0));
    for (const auto& s : slots) CHECK(s.end > s.start);
    for (size_t i = 1; i < slots.size(); ++i) CHECK(slots[i - 1].end <= slots[i].start);

    // The week before and after: ordinary days with all 8 slots, at +01:00 and +02:00.
    const auto before = generate_slots(sunday_session(hm(1, 0), hm(5, 0), 30), ymd(2026, 3, 22), tz);
    const auto after = generate_slots(sunday_session(hm(1, 0), hm(5, 0), 30), ymd(2026, 4, 5), tz);
    REQUIRE(before.size() == 8);
    REQUIRE(after.size() == 8);
    CHECK(before[2].start == utc(2026, 3, 22, 1, 0));
    CHECK(after[2].start == utc(2026, 4, 5, 0, 0));
}

TEST_CASE("a session starting at 02:30 on the spring day: that slot is skipped, the rest exist") {
    World w;
    const Date d = ymd(2026, 3, 29);
    Session s;
    s.site_id = w.site;
    s.service_id = w.skp;
    s.first_date = d;   // one-off
    s.start_minute = hm(2, 30);
    s.end_minute = hm(4, 30);
    s.slot_minutes = 30;
    const Id id = add_session(*w.db, s);
    const auto slots = slots_for(*w.db, w.site, d, d);
    CHECK(starts_of(slots) == std::vector<Instant>{utc(2026, 3, 29, 1, 0), utc(2026, 3, 29, 1, 30),
                                                   utc(2026, 3, 29, 2, 0)});
    REQUIRE(slots.size() == 3);
    CHECK(slots[0].start_minute == hm(3, 0));
    CHECK(slots[0].end == utc(2026, 3, 29, 1, 30));
    CHECK(slots[2].end == utc(2026, 3, 29, 2, 30));   // 04:30 CEST

    // Booking the non-existent 02:30 is refused; 03:00 books at 01:00 UTC.
    const Instant now = cph(2026, 3, 28, 12, 0, 1);
    CHECK(error_of([&] { book(*w.db, {id, d, hm(2, 30)}, "", now); }) == ErrorCode::SlotUnavailable);
    const Booking b = book(*w.db, {id, d, hm(3, 0)}, "", now);
    CHECK(b.start == utc(2026, 3, 29, 1, 0));
    CHECK(b.end == utc(2026, 3, 29, 1, 30));
    // Check-in window in real minutes across the change: 30 min before 03:00 CEST is 01:30 CET.
    CHECK(error_of([&] { check_in(*w.db, w.site, b.code, utc(2026, 3, 29, 0, 29, 59)); }) ==
          ErrorCode::TooEarly);
    CHECK(check_in(*w.db, w.site, b.code, utc(2026, 3, 29, 0, 30)).booking.status ==
          BookingStatus::CheckedIn);
}

TEST_CASE("slots on the autumn day: wall-clock plan, distinct increasing UTC starts") {
    const TimeZone tz("Europe/Copenhagen");
    const Date d = ymd(2026, 10, 25);
    const auto slots = generate_slots(sunday_session(hm(1, 0), hm(5, 0), 30), d, tz);
    // 01:00 01:30 02:00 02:30 (first occurrence, CEST) 03:00 03:30 04:00 04:30 (CET)
    CHECK(starts_of(slots) == std::vector<Instant>{
                                  utc(2026, 10, 24, 23, 0), utc(2026, 10, 24, 23, 30),
                                  utc(2026, 10, 25, 0, 0), utc(2026, 10, 25, 0, 30),
                                  utc(2026, 10, 25, 2, 0), utc(2026, 10, 25, 2, 30),
                                  utc(2026, 10, 25, 3, 0), utc(2026, 10, 25, 3, 30)});
    CHECK(slots.size() == 8);
    for (const auto& s : slots) CHECK(s.end > s.start);
    for (size_t i = 1; i < slots.size(); ++i) CHECK(slots[i - 1].end <= slots[i].start);
    REQUIRE(slots.size() == 8);
    CHECK(slots.back().end == utc(2026, 10, 25, 4, 0));   // 05:00 CET

    // A daytime session that day is an ordinary winter day.
    const auto day = generate_slots(sunday_session(hm(10, 0), hm(11, 0), 20), d, tz);
    REQUIRE(day.size() == 3);
    CHECK(day[0].start == utc(2026, 10, 25, 9, 0));
    CHECK(day[2].end == utc(2026, 10, 25, 10, 0));
}

TEST_CASE("slots_for over a whole year keeps wall-clock times on both sides of each change") {
    World w;
    w.weekly(w.jobcentre, 7, hm(10, 0), hm(11, 0), 20, 0, 0, ymd(2026, 1, 4));
    const auto slots = slots_for(*w.db, w.site, ymd(2026, 1, 1), ymd(2026, 12, 31));
    CHECK(slots.size() == 52u * 3);
    const TimeZone tz("Europe/Copenhagen");
    for (const auto& s : slots) {
        const auto off = expected_offset(s.date, s.start_minute);
        REQUIRE(off.has_value());
        CHECK(s.start == wall(s.date, s.start_minute, *off));
        CHECK(s.end - s.start == 20 * 60);
    }
}

}  // TEST_SUITE
