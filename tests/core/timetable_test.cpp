// Sites, services, sessions and slot generation (ordinary days; DST is in dst_test.cpp).
#include "world.hpp"

#include <map>

using namespace indgang;
using namespace world;

TEST_SUITE("timetable") {

TEST_CASE("site validation: name required, time zone must exist, opening hours checked") {
    World w;
    Site s;
    s.name = "";
    CHECK(error_of([&] { add_site(*w.db, s); }) == ErrorCode::Invalid);

    s.name = "Mars base";
    s.timezone = "Mars/Olympus_Mons";
    CHECK_THROWS(add_site(*w.db, s));

    s.timezone = "Europe/Copenhagen";
    s.hours = {{1, hm(9, 0), hm(16, 0)}, {8, hm(9, 0), hm(16, 0)}};   // weekday 8 does not exist
    CHECK(error_of([&] { add_site(*w.db, s); }) == ErrorCode::Invalid);
    s.hours = {{2, hm(16, 0), hm(9, 0)}};                               // closes before it opens
    CHECK(error_of([&] { add_site(*w.db, s); }) == ErrorCode::Invalid);
    // Nothing half-written: the site row of a failed add_site is rolled back with its hours.
    CHECK(list_sites(*w.db).size() == 1);
    CHECK(w.count("SELECT count(*) FROM site") == 1);

    s.hours = {{1, hm(9, 0), hm(16, 0)}, {6, hm(10, 0), hm(14, 0)}};
    const Id id = add_site(*w.db, s);
    const Site back = get_site(*w.db, id);
    CHECK(back.name == "Mars base");
    REQUIRE(back.hours.size() == 2);
    CHECK(back.hours[1].weekday == 6);
    CHECK(back.hours[1].open_minute == hm(10, 0));
    CHECK(back.hours[1].close_minute == hm(14, 0));
    CHECK(error_of([&] { get_site(*w.db, 999); }) == ErrorCode::NotFound);
}

TEST_CASE("service validation: key, name, one capital letter prefix, unique key") {
    World w;
    CHECK(list_services(*w.db).size() == 5);
    for (const char* key : {"jobcentre", "social", "benefits", "substance", "skp"})
        CHECK(get_service_by_key(*w.db, key).key == key);

    Service v{0, "housing", "Boligrådgivning", "", "house", "H", 9, true};
    const Id id = add_service(*w.db, v);
    CHECK(get_service(*w.db, id).walkin_prefix == "H");

    Service bad = v;
    bad.key = "housing2";
    bad.walkin_prefix = "HH";
    CHECK(error_of([&] { add_service(*w.db, bad); }) == ErrorCode::Invalid);
    bad.walkin_prefix = "h";
    CHECK(error_of([&] { add_service(*w.db, bad); }) == ErrorCode::Invalid);
    bad.walkin_prefix = "H";
    bad.name = "";
    CHECK(error_of([&] { add_service(*w.db, bad); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { add_service(*w.db, v); }) == ErrorCode::Invalid);   // duplicate key
    CHECK(list_services(*w.db).size() == 6);

    v.id = id;
    v.active = false;
    update_service(*w.db, v);
    CHECK(list_services(*w.db).size() == 5);
    CHECK(list_services(*w.db, true).size() == 6);
    CHECK(error_of([&] { get_service_by_key(*w.db, "nope"); }) == ErrorCode::NotFound);
}

TEST_CASE("session validation refuses every malformed session and stores none of them") {
    World w;
    Session ok;
    ok.site_id = w.site;
    ok.service_id = w.jobcentre;
    ok.caseworker = "Mette";
    ok.weekday = 2;
    ok.first_date = ymd(2026, 5, 5);
    ok.start_minute = hm(10, 0);
    ok.end_minute = hm(12, 0);
    ok.slot_minutes = 20;

    auto refused = [&](auto change) {
        Session s = ok;
        change(s);
        return error_of([&] { add_session(*w.db, s); });
    };
    CHECK(refused([](Session& s) { s.end_minute = s.start_minute; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.end_minute = hm(9, 0); }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.end_minute = 1441; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.start_minute = -10; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.slot_minutes = 4; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.slot_minutes = 241; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.walkin_minutes = 121; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.walkin_minutes = -1; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.bookable_slots = -1; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.weekday = 0; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.weekday = 8; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.last_date = ymd(2026, 5, 4); }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.first_date = ymd(2026, 2, 30); }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) {
              s.weekday.reset();
              s.last_date = ymd(2026, 5, 12);   // a one-off session has one date
          }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.site_id = 999; }) == ErrorCode::NotFound);
    CHECK(refused([](Session& s) { s.service_id = 999; }) == ErrorCode::NotFound);
    CHECK(list_sessions(*w.db, w.site).empty());
    CHECK(w.count("SELECT count(*) FROM session") == 0);

    // Too short for one slot: refused, unless it is a walk-ins-only session.
    CHECK(refused([](Session& s) { s.slot_minutes = 240; }) == ErrorCode::Invalid);
    CHECK(refused([](Session& s) { s.walkin_minutes = 120; }) == ErrorCode::Invalid);
    CHECK(list_sessions(*w.db, w.site).empty());

    // Edges that are valid (each on its own weekday, so the caseworker is not double-booked):
    // 5- and 240-minute slots, walk-ins only for the whole session, a session ending at midnight.
    CHECK(refused([](Session& s) { s.weekday = 1; s.slot_minutes = 5; }) == std::nullopt);
    CHECK(refused([](Session& s) { s.weekday = 3; s.end_minute = s.start_minute + 240; s.slot_minutes = 240; }) == std::nullopt);
    CHECK(refused([](Session& s) { s.weekday = 4; s.walkin_minutes = 120; s.walkin_only = true; }) == std::nullopt);
    CHECK(refused([](Session& s) { s.weekday = 5; s.end_minute = 1440; }) == std::nullopt);
    CHECK(list_sessions(*w.db, w.site).size() == 4);

    const Id id = add_session(*w.db, ok);
    const Session back = get_session(*w.db, id);
    CHECK(back.weekday == 2);
    CHECK(back.first_date == ymd(2026, 5, 5));
    CHECK_FALSE(back.last_date.has_value());
    CHECK(back.caseworker == "Mette");
    CHECK(error_of([&] { get_session(*w.db, 999); }) == ErrorCode::NotFound);
}

TEST_CASE("slots: slot length, walk-in minutes kept at the end, bookable cap") {
    World w;
    const TimeZone tz;
    Session s;
    s.id = 1;
    s.weekday = 2;
    s.first_date = ymd(2026, 5, 5);
    s.start_minute = hm(10, 0);
    s.end_minute = hm(12, 0);
    s.slot_minutes = 20;
    const Date tue = ymd(2026, 5, 5);

    auto starts = [&](const Session& v) {
        std::vector<int> out;
        for (const auto& slot : generate_slots(v, tue, tz)) out.push_back(slot.start_minute);
        return out;
    };
    CHECK(starts(s) == std::vector<int>{600, 620, 640, 660, 680, 700});

    s.walkin_minutes = 20;   // 11:40–12:00 kept for walk-ins
    CHECK(starts(s) == std::vector<int>{600, 620, 640, 660, 680});
    s.walkin_minutes = 30;   // 11:30–12:00 kept: the 11:20 slot would run into it
    CHECK(starts(s) == std::vector<int>{600, 620, 640, 660});

    s.walkin_minutes = 0;
    s.slot_minutes = 25;     // a remainder that does not fit is left out
    CHECK(starts(s) == std::vector<int>{600, 625, 650, 675});

    s.slot_minutes = 20;
    s.bookable_slots = 3;    // only the first three are bookable
    CHECK(starts(s) == std::vector<int>{600, 620, 640});
    s.bookable_slots = 10;   // a cap above what fits changes nothing
    CHECK(starts(s).size() == 6);

    // UTC instants and end times on an ordinary summer day: 10:00 CEST is 08:00 UTC.
    s.bookable_slots = 0;
    const auto slots = generate_slots(s, tue, tz);
    REQUIRE(slots.size() == 6);
    CHECK(slots[0].start == may(5, 10, 0));
    CHECK(slots[0].end == may(5, 10, 20));
    CHECK(slots[5].start == utc(2026, 5, 5, 9, 40));
    CHECK(slots[5].end == utc(2026, 5, 5, 10, 0));
    // And in winter, 10:00 CET is 09:00 UTC.
    s.first_date = ymd(2026, 1, 6);
    const auto winter = generate_slots(s, ymd(2026, 1, 6), tz);
    REQUIRE_FALSE(winter.empty());
    CHECK(winter[0].start == utc(2026, 1, 6, 9, 0));
}

TEST_CASE("slots: weekly between first and last date, one-off on its day only") {
    World w;
    const Id weekly = w.weekly(w.jobcentre, 2, hm(10, 0), hm(11, 0), 20, 0, 0, ymd(2026, 5, 5),
                               ymd(2026, 5, 19));
    const Id once = w.one_off(w.social, ymd(2026, 5, 7), hm(13, 0), hm(14, 0), 30);

    auto per_day = [&](Date from, Date to) {
        std::map<std::string, int> out;
        for (const auto& slot : slots_for(*w.db, w.site, from, to)) ++out[format_date(slot.date)];
        return out;
    };
    const auto days = per_day(ymd(2026, 4, 20), ymd(2026, 6, 1));
    CHECK(days == std::map<std::string, int>{
                      {"2026-05-05", 3}, {"2026-05-07", 2}, {"2026-05-12", 3}, {"2026-05-19", 3}});

    // Only one service when asked.
    for (const auto& slot : slots_for(*w.db, w.site, ymd(2026, 5, 1), ymd(2026, 5, 31), w.social))
        CHECK(slot.session_id == once);
    CHECK(slots_for(*w.db, w.site, ymd(2026, 5, 1), ymd(2026, 5, 31), w.social).size() == 2);

    // Sorted by start instant.
    const auto all = slots_for(*w.db, w.site, ymd(2026, 5, 1), ymd(2026, 5, 31));
    for (size_t i = 1; i < all.size(); ++i) CHECK(all[i - 1].start <= all[i].start);

    // Open-ended weekly session runs on; end_session stops it.
    const Id open = w.weekly(w.skp, 1, hm(10, 0), hm(11, 0), 30, 0, 0, ymd(2026, 5, 4));
    CHECK(slots_for(*w.db, w.site, ymd(2027, 5, 3), ymd(2027, 5, 3)).size() == 2);
    end_session(*w.db, open, ymd(2026, 5, 11), may(4, 9, 0));
    CHECK(slots_for(*w.db, w.site, ymd(2026, 5, 11), ymd(2026, 5, 11)).size() == 2);
    CHECK(slots_for(*w.db, w.site, ymd(2026, 5, 18), ymd(2026, 5, 18)).empty());
    CHECK(error_of([&] { end_session(*w.db, once, ymd(2026, 5, 8), may(4, 9, 0)); }) == ErrorCode::Invalid);
    (void)weekly;
}

TEST_CASE("slots: cancelled dates disappear and come back when restored; taken flag") {
    World w;
    const Id id = w.weekly(w.jobcentre, 2, hm(10, 0), hm(11, 0), 20);
    const Date d1 = ymd(2026, 5, 5), d2 = ymd(2026, 5, 12);
    const Instant now = may(4, 9, 0);

    const Booking b = book(*w.db, {id, d1, hm(10, 20)}, "", now);
    auto on = slots_for(*w.db, w.site, d1, d1);
    REQUIRE(on.size() == 3);
    CHECK_FALSE(on[0].taken);
    CHECK(on[1].taken);
    CHECK_FALSE(on[2].taken);

    const auto affected = cancel_session_date(*w.db, id, d1, "syg", now);
    REQUIRE(affected.size() == 1);
    CHECK(affected[0].code == b.code);
    CHECK(is_session_cancelled(*w.db, id, d1));
    CHECK_FALSE(is_session_cancelled(*w.db, id, d2));
    CHECK(slots_for(*w.db, w.site, d1, d1).empty());
    CHECK(slots_for(*w.db, w.site, d2, d2).size() == 3);   // the other week is unaffected
    CHECK(sessions_on(*w.db, w.site, d1).empty());
    CHECK(sessions_on(*w.db, w.site, d2).size() == 1);
    // A date the session does not run on cannot be cancelled.
    CHECK(error_of([&] { cancel_session_date(*w.db, id, ymd(2026, 5, 6), "", now); }) ==
          ErrorCode::Invalid);

    const auto back = restore_session_date(*w.db, id, d1, now);
    CHECK(slots_for(*w.db, w.site, d1, d1).size() == 3);
    CHECK(slots_for(*w.db, w.site, d1, d1)[1].taken);   // the booking survived
    REQUIRE(back.size() == 1);                           // … and is live again, to tell
    CHECK(back[0].status == BookingStatus::Booked);

    // A cancelled booking frees its slot.
    cancel_booking(*w.db, b.code, now);
    CHECK_FALSE(slots_for(*w.db, w.site, d1, d1)[1].taken);
}

TEST_CASE("demo data: Værestedet Kilden with the week the issue describes, created once") {
    auto db = db::open_store(":memory:");
    const Instant now = may(4, 8, 0);
    const Id site = ensure_demo_data(*db, now);
    CHECK(ensure_demo_data(*db, now) == site);
    CHECK(list_sites(*db).size() == 1);
    CHECK(get_site(*db, site).name == "Værestedet Kilden");
    std::map<int, std::string> by_weekday;
    for (const auto& s : list_sessions(*db, site)) {
        REQUIRE(s.weekday.has_value());
        by_weekday[*s.weekday] += get_service(*db, s.service_id).key + " ";
    }
    CHECK(by_weekday[1] == "skp ");
    CHECK(by_weekday[2] == "jobcentre ");
    CHECK(by_weekday[3] == "skp ");
    CHECK(by_weekday[4] == "social ");
    CHECK(by_weekday[5] == "substance ");
    // Jobcentre Tuesday 10–12, social centre Thursday 13–15.
    for (const auto& s : list_sessions(*db, site)) {
        if (s.weekday == 2) CHECK((s.start_minute == hm(10, 0) && s.end_minute == hm(12, 0)));
        if (s.weekday == 4) CHECK((s.start_minute == hm(13, 0) && s.end_minute == hm(15, 0)));
        if (s.weekday == 5) CHECK(s.start_minute < hm(12, 0));
    }
}

}  // TEST_SUITE
