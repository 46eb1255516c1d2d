// Walk-in numbers, the staff PIN and the retention purge.
#include "world.hpp"

#include "core/domain/retention.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/walkin.hpp"

#include <sodium.h>

using namespace indgang;
using namespace world;

TEST_SUITE("walkin") {

TEST_CASE("walk-in numbers per site, service and day; a new day starts again at 01") {
    World w;
    w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20);   // prefix A
    w.weekly(w.social, 2, hm(13, 0), hm(15, 0), 30, 30);      // prefix B
    Site other;
    other.name = "Satellitkontoret Vollsmose";
    const Id site2 = add_site(*w.db, other);
    w.weekly(w.jobcentre, 2, hm(9, 0), hm(11, 0), 20, 20, 0, ymd(2026, 4, 1), {}, site2);

    CHECK(ticket_label("A", 7) == "A-07");
    CHECK(ticket_label("C", 12) == "C-12");

    const Instant t = may(5, 10, 5);
    const auto a1 = take_number(*w.db, w.site, w.jobcentre, t);
    const auto a2 = take_number(*w.db, w.site, w.jobcentre, t + 60);
    const auto b1 = take_number(*w.db, w.site, w.social, t + 120);
    const auto x1 = take_number(*w.db, site2, w.jobcentre, t + 180);
    const auto a3 = take_number(*w.db, w.site, w.jobcentre, t + 240);
    CHECK(a1.label == "A-01");
    CHECK(a2.label == "A-02");
    CHECK(a3.label == "A-03");
    CHECK(b1.label == "B-01");
    CHECK(x1.label == "A-01");   // another site counts on its own
    CHECK(a1.number == 1);
    CHECK(a3.number == 3);
    CHECK(a1.day == ymd(2026, 5, 5));
    CHECK(a1.status == WalkInStatus::Waiting);
    CHECK(a1.ahead == 0);
    CHECK(a2.ahead == 1);
    CHECK(a3.ahead == 2);
    CHECK(b1.ahead == 0);

    // The next Tuesday starts again at 01.
    CHECK(take_number(*w.db, w.site, w.jobcentre, may(12, 10, 5)).label == "A-01");
    // Late in the evening the session has ended: no number.
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(5, 22, 30)); }) ==
          ErrorCode::SessionOverToday);
}

TEST_CASE("queue position: waiting → seen | left takes a ticket out of the queue") {
    World w;
    w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20);
    const Instant t = may(5, 10, 0);
    const auto a1 = take_number(*w.db, w.site, w.jobcentre, t);
    const auto a2 = take_number(*w.db, w.site, w.jobcentre, t + 1);
    const auto a3 = take_number(*w.db, w.site, w.jobcentre, t + 2);
    const auto a4 = take_number(*w.db, w.site, w.jobcentre, t + 3);
    CHECK(get_walkin(*w.db, a4.id).ahead == 3);

    set_walkin_status(*w.db, a1.id, WalkInStatus::Seen, t + 600);
    CHECK(get_walkin(*w.db, a1.id).status == WalkInStatus::Seen);
    CHECK(get_walkin(*w.db, a2.id).ahead == 0);
    CHECK(get_walkin(*w.db, a4.id).ahead == 2);
    set_walkin_status(*w.db, a2.id, WalkInStatus::Left, t + 700);
    CHECK(get_walkin(*w.db, a2.id).status == WalkInStatus::Left);
    CHECK(get_walkin(*w.db, a3.id).ahead == 0);
    CHECK(get_walkin(*w.db, a4.id).ahead == 1);
    // A number is never handed out twice, even after tickets leave the queue.
    CHECK(take_number(*w.db, w.site, w.jobcentre, t + 800).label == "A-05");

    const auto day = walkins_on(*w.db, w.site, ymd(2026, 5, 5));
    REQUIRE(day.size() == 5);
    CHECK(day[0].label == "A-01");
    CHECK(day[3].ahead == 1);
    CHECK(day[4].ahead == 2);
    CHECK(day[0].ahead == 0);
    CHECK(error_of([&] { set_walkin_status(*w.db, 9999, WalkInStatus::Seen, t); }) ==
          ErrorCode::NotFound);
    CHECK(error_of([&] { get_walkin(*w.db, 9999); }) == ErrorCode::NotFound);

    // Each change is logged with who made it and the ticket's label; marking it again logs nothing.
    set_walkin_status(*w.db, a3.id, WalkInStatus::Seen, t + 900, "staff:anne");
    set_walkin_status(*w.db, a3.id, WalkInStatus::Seen, t + 901, "staff:anne");
    set_walkin_status(*w.db, a3.id, WalkInStatus::Waiting, t + 960, "staff:bo");
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'walkin'") == 4);   // a1, a2, a3 twice
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'walkin' AND message = "
                  "'staff:anne: A-03 waiting -> seen'") == 1);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'walkin' AND message = "
                  "'staff:bo: A-03 seen -> waiting'") == 1);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'walkin' AND message LIKE 'kiosk: A-01 %'") == 1);
    CHECK(get_walkin(*w.db, a3.id).status == WalkInStatus::Waiting);
}

TEST_CASE("no walk-in number without a session today: other day, after the end, cancelled") {
    World w;
    const Id s = w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20);
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(4, 10, 0)); }) ==
          ErrorCode::NoSessionToday);
    CHECK(error_of([&] { take_number(*w.db, w.site, w.social, may(5, 10, 0)); }) ==
          ErrorCode::NoSessionToday);
    // After the end the answer says "not here any more today", not "not today".
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(5, 12, 0)); }) ==
          ErrorCode::SessionOverToday);
    CHECK(take_number(*w.db, w.site, w.jobcentre, may(5, 11, 59)).label == "A-01");
    cancel_session_date(*w.db, s, ymd(2026, 5, 12), "syg", may(4, 9, 0));
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(12, 10, 30)); }) ==
          ErrorCode::NoSessionToday);
    CHECK(w.count("SELECT count(*) FROM walkin") == 1);
}

}  // TEST_SUITE

TEST_SUITE("staff_pin") {

TEST_CASE("the PIN is stored as an Argon2id hash, never as the PIN") {
    World w;
    CHECK_FALSE(has_staff_pin(*w.db));
    CHECK_FALSE(check_staff_pin(*w.db, "1234", may(4, 9, 0)).ok);   // no PIN: staff mode closed
    for (const char* bad : {"123", "1234567890123", "12a4", "", "12 34"})
        CHECK(error_of([&] { set_staff_pin(*w.db, bad); }) == ErrorCode::Invalid);
    CHECK_FALSE(has_staff_pin(*w.db));

    set_staff_pin(*w.db, "482916");
    CHECK(has_staff_pin(*w.db));
    const auto hash = get_setting(*w.db, "staff.pin_hash");
    REQUIRE(hash.has_value());
    CHECK(hash->rfind("$argon2id$", 0) == 0);
    CHECK(*hash != "482916");
    // No setting holds the PIN in clear.
    CHECK(w.count("SELECT count(*) FROM setting WHERE value LIKE '%482916%' AND key <> "
                  "'staff.pin_hash'") == 0);
    // It is a real hash of this PIN (checked by libsodium directly).
    REQUIRE(sodium_init() >= 0);
    CHECK(crypto_pwhash_str_verify(hash->c_str(), "482916", 6) == 0);
    CHECK(crypto_pwhash_str_verify(hash->c_str(), "482917", 6) != 0);

    CHECK(check_staff_pin(*w.db, "482916", may(4, 9, 0)).ok);
    CHECK_FALSE(check_staff_pin(*w.db, "000000", may(4, 9, 0)).ok);
}

TEST_CASE("growing delays after failed tries, capped") {
    CHECK(pin_delay_seconds(0) == 0);
    CHECK(pin_delay_seconds(1) == 0);
    CHECK(pin_delay_seconds(2) == 0);
    int previous = 0;
    for (int f = 3; f <= 20; ++f) {
        CAPTURE(f);
        CHECK(pin_delay_seconds(f) >= previous);
        CHECK(pin_delay_seconds(f) <= 15 * 60);
        previous = pin_delay_seconds(f);
    }
    CHECK(pin_delay_seconds(6) > pin_delay_seconds(4));
    CHECK(pin_delay_seconds(4) > 0);
    CHECK(pin_delay_seconds(20) == 15 * 60);
}

TEST_CASE("lockout: wrong tries lock, the lock survives reopening the database file") {
    TempDir dir;
    const std::string path = dir.file("pin.db");
    const Instant t0 = may(4, 9, 0);
    Instant locked_until = 0;
    int failures = 0;
    {
        World w(path);
        set_staff_pin(*w.db, "2468");
        Instant t = t0;
        PinCheck r;
        // Fail until a lock appears (at most a handful of tries).
        for (int i = 0; i < 6 && r.locked_until <= t; ++i) {
            r = check_staff_pin(*w.db, "1111", t);
            CHECK_FALSE(r.ok);
            CHECK(r.failures == i + 1);
            t += 1;
        }
        REQUIRE(r.locked_until > t);
        locked_until = r.locked_until;
        failures = r.failures;
        // While locked, even the right PIN is refused and does not count as a try.
        const PinCheck during = check_staff_pin(*w.db, "2468", t);
        CHECK_FALSE(during.ok);
        CHECK(during.locked_until == locked_until);
        CHECK(during.failures == failures);
    }
    {
        auto db = db::open_store(path);   // the kiosk restarted
        const PinCheck after_restart = check_staff_pin(*db, "2468", t0 + 10);
        CHECK_FALSE(after_restart.ok);
        CHECK(after_restart.locked_until == locked_until);
        CHECK(after_restart.failures == failures);
        // Another wrong try after the lock: the next delay is longer.
        const PinCheck again = check_staff_pin(*db, "1111", locked_until);
        CHECK_FALSE(again.ok);
        CHECK(again.failures == failures + 1);
        CHECK(again.locked_until - locked_until > locked_until - (t0 + failures - 1));
        // Once that lock has passed, the right PIN opens and resets the count.
        const PinCheck right = check_staff_pin(*db, "2468", again.locked_until);
        CHECK(right.ok);
        CHECK(right.failures == 0);
        CHECK(check_staff_pin(*db, "1111", again.locked_until + 1).failures == 1);
    }
}

}  // TEST_SUITE

TEST_SUITE("retention") {

TEST_CASE("nicknames are erased the day after; the bookings stay as counts; the purge is logged") {
    World w;
    const Id s = w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20);
    const Instant monday = may(4, 9, 0);
    const Booking a = book(*w.db, {s, ymd(2026, 5, 5), hm(10, 0)}, "Bo", monday);
    const Booking b = book(*w.db, {s, ymd(2026, 5, 5), hm(10, 20)}, "سارة", monday);
    const Booking c = book(*w.db, {s, ymd(2026, 5, 5), hm(10, 40)}, "", monday);
    const Booking next = book(*w.db, {s, ymd(2026, 5, 12), hm(10, 0)}, "Kim", monday);
    check_in(*w.db, w.site, a.code, may(5, 9, 45));

    // The same day, even late in the evening, the nicknames stay.
    CHECK(purge_personal_data(*w.db, may(5, 23, 59)) == 0);
    CHECK(get_booking(*w.db, a.id).nickname == "Bo");
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'purge'") == 0);

    // Just after local midnight (22:01 UTC on the 5th) they are gone.
    const Instant wednesday = may(6, 0, 1);
    CHECK(wednesday == utc(2026, 5, 5, 22, 1));
    CHECK(purge_personal_data(*w.db, wednesday) == 2);
    CHECK_FALSE(get_booking(*w.db, a.id).nickname.has_value());
    CHECK_FALSE(get_booking(*w.db, b.id).nickname.has_value());
    CHECK_FALSE(get_booking(*w.db, c.id).nickname.has_value());
    CHECK(get_booking(*w.db, next.id).nickname == "Kim");   // not yet
    CHECK(w.count("SELECT count(*) FROM booking WHERE nickname IS NOT NULL") == 1);
    // Counts and statuses kept.
    CHECK(w.count("SELECT count(*) FROM booking WHERE slot_date = '2026-05-05'") == 3);
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::CheckedIn);
    // Logged, with the number erased.
    {
        auto q = w.db->prepare("SELECT at, message FROM event_log WHERE kind = 'purge'");
        REQUIRE(q.step());
        CHECK(q.int64(0) == wednesday);
        CHECK(q.text(1).find('2') != std::string::npos);
        CHECK_FALSE(q.step());
    }
    // Running again erases nothing and logs nothing new.
    CHECK(purge_personal_data(*w.db, wednesday + 60) == 0);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'purge'") == 1);

    // retention.nickname_days = 3 keeps them longer.
    set_setting(*w.db, "retention.nickname_days", "3");
    CHECK(purge_personal_data(*w.db, may(14, 12, 0)) == 0);   // 12 May + 2 days
    CHECK(purge_personal_data(*w.db, may(15, 0, 1)) == 1);    // 12 May + 3 days
    CHECK_FALSE(get_booking(*w.db, next.id).nickname.has_value());
}

}  // TEST_SUITE
