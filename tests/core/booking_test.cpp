// Booking, nicknames, codes, the booking window, cancelling, check-in and the status flow.
// The clock: Monday 4 May 2026 (CEST, +02:00); the jobcentre comes on Tuesdays 10:00–12:00.
#include "world.hpp"

#include <set>

using namespace indgang;
using namespace world;

namespace {

struct Tuesday : World {
    Id session = 0;
    const Date tue = ymd(2026, 5, 5);
    const Instant monday = may(4, 9, 0);
    Tuesday() { session = weekly(jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20); }
    Booking at(int minute, std::string_view nick = "", Date d = {}) {
        return book(*db, {session, d.ok() ? d : tue, minute}, nick, monday);
    }
};

}  // namespace

TEST_SUITE("booking") {

TEST_CASE("nickname: trimmed, NFC, any script, at most 40 characters, no control characters") {
    CHECK(clean_nickname("  Bo  ") == "Bo");
    CHECK(clean_nickname("\xC2\xA0" "Bo\xE3\x80\x80") == "Bo");   // NBSP and ideographic space
    CHECK(clean_nickname("") == std::nullopt);
    CHECK(clean_nickname("    ") == std::nullopt);
    CHECK(clean_nickname("\xE2\x80\x83\xC2\xA0") == std::nullopt);   // em space + NBSP only
    // NFC: "e" + COMBINING ACUTE becomes the precomposed "é".
    CHECK(clean_nickname("Rene\xCC\x81") == "Ren\xC3\xA9");
    CHECK(clean_nickname("A\xCC\x8A" "se") == "\xC3\x85se");           // Å from A + ring
    // Any script.
    for (const char* name : {"سارة", "Aqqaluk", "Ålæg Øre", "小明", "Олена", "देवी", "ሰላም",
                             "שירה", "Nguyễn", "ქეთი", "ธิดา"}) {
        const std::string n = name;
        CAPTURE(n);
        CHECK(error_of([&] { clean_nickname(n); }) == std::nullopt);
        CHECK(clean_nickname(n) == n);
    }
    // Length in characters, not bytes: 40 two-byte letters pass, 41 do not.
    std::string forty, forty_one;
    for (int i = 0; i < 40; ++i) forty += "ø";
    forty_one = forty + "ø";
    CHECK(clean_nickname(forty) == forty);
    CHECK(error_of([&] { clean_nickname(forty_one); }) == ErrorCode::Invalid);
    std::string han;
    for (int i = 0; i < 40; ++i) han += "名";
    CHECK(clean_nickname(han) == han);
    CHECK(error_of([&] { clean_nickname(han + "名"); }) == ErrorCode::Invalid);
    // Trimming happens before counting.
    CHECK(clean_nickname("   " + forty + "   ") == forty);
    // Control characters inside are refused.
    for (std::string bad : {std::string("Bo\x01"), std::string("B\no"), std::string("B\to"),
                            std::string("Bo\x7f" "x"), std::string("B\xE2\x80\xA8o"),
                            std::string("B\0o", 3), std::string("B\xC2\x85o")}) {
        CAPTURE(bad);
        CHECK(error_of([&] { clean_nickname(bad); }) == ErrorCode::Invalid);
    }
    // Malformed UTF-8 is refused, not stored.
    CHECK(error_of([&] { clean_nickname("Bo\xFF"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { clean_nickname("\xC3"); }) == ErrorCode::Invalid);
}

TEST_CASE("nickname: zero-width (non-)joiners that Persian, Sinhala and emoji need are kept") {
    // U+200C ZERO WIDTH NON-JOINER is part of ordinary Persian spelling (علی‌رضا, "Alireza"),
    // U+200D ZERO WIDTH JOINER of Sinhala conjuncts (ශ්‍රියා, "Shriya") and of emoji sequences.
    // They are format characters (Cf), not control characters: "any script" must keep them.
    for (const char* name : {"\xD8\xB9\xD9\x84\xDB\x8C\xE2\x80\x8C\xD8\xB1\xD8\xB6\xD8\xA7",
                             "\xE0\xB7\x81\xE0\xB7\x8A\xE2\x80\x8D\xE0\xB6\xBB\xE0\xB7\x92\xE0\xB6\xBA\xE0\xB7\x8F",
                             "\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x91\xA7"}) {
        const std::string n = name;
        CAPTURE(n);
        CHECK(error_of([&] { clean_nickname(n); }) == std::nullopt);
        CHECK(clean_nickname(n) == n);
    }
    // Bidi overrides and isolates could make a nickname show as something else on the staff
    // list; they are refused with the control characters.
    for (const char* bad : {"Bo\xE2\x80\xAE" "abc", "\xE2\x81\xA6" "Bo", "Bo\xE2\x80\xAA" "x"}) {
        const std::string n = bad;
        CAPTURE(n);
        CHECK(error_of([&] { clean_nickname(n); }) == ErrorCode::Invalid);
    }
}

TEST_CASE("book a free slot: committed, code 5 digits, nickname cleaned, slot taken") {
    Tuesday w;
    const Booking b = w.at(hm(10, 20), "  Rene\xCC\x81  ");
    CHECK(b.id > 0);
    CHECK(b.status == BookingStatus::Booked);
    CHECK(b.source == BookingSource::Kiosk);
    CHECK(b.nickname == "Ren\xC3\xA9");
    CHECK(b.code.size() == 5);
    CHECK(b.code.find_first_not_of("0123456789") == std::string::npos);
    CHECK(is_valid_code(b.code));
    CHECK(b.start == may(5, 10, 20));
    CHECK(b.end == may(5, 10, 40));
    CHECK(b.date == w.tue);
    CHECK(b.site_id == w.site);
    CHECK(b.service_id == w.jobcentre);
    CHECK(b.caseworker == "Mette");
    CHECK(b.created_at == w.monday);
    // Stored as cleaned, read back from the database.
    CHECK(get_booking(*w.db, b.id).nickname == "Ren\xC3\xA9");
    CHECK(find_live_booking(*w.db, b.code)->id == b.id);

    const Booking blank = w.at(hm(10, 0), "   ");
    CHECK_FALSE(blank.nickname.has_value());
    CHECK(w.count("SELECT count(*) FROM booking WHERE nickname IS NULL") == 1);
    const Booking staff = book(*w.db, {w.session, w.tue, hm(10, 40)}, "سارة", w.monday,
                               BookingSource::Staff);
    CHECK(staff.source == BookingSource::Staff);
    CHECK(staff.nickname == "سارة");

    CHECK(error_of([&] { w.at(hm(11, 0), "B\x01o"); }) == ErrorCode::Invalid);
    CHECK(w.count("SELECT count(*) FROM booking") == 3);   // the refused one left no row
}

TEST_CASE("a taken slot cannot be booked again; cancelling frees it") {
    Tuesday w;
    const Booking first = w.at(hm(10, 0));
    CHECK(error_of([&] { w.at(hm(10, 0)); }) == ErrorCode::SlotTaken);
    CHECK(w.count("SELECT count(*) FROM booking") == 1);
    cancel_booking(*w.db, first.code, w.monday);
    const Booking again = w.at(hm(10, 0));
    CHECK(again.id != first.id);
    CHECK(w.count("SELECT count(*) FROM booking WHERE status <> 'cancelled'") == 1);
    // A slot whose booking was seen or missed stays taken.
    const Booking seen = w.at(hm(10, 20));
    mark_seen(*w.db, seen.id, may(5, 10, 40));
    CHECK(error_of([&] { w.at(hm(10, 20)); }) == ErrorCode::SlotTaken);
    const Booking missed = w.at(hm(10, 40));
    // Not a no-show while the slot (10:40–11:00) plus 15 minutes' grace has not passed.
    CHECK(error_of([&] { mark_no_show(*w.db, missed.id, may(5, 11, 0)); }) == ErrorCode::NotYet);
    mark_no_show(*w.db, missed.id, may(5, 11, 15));
    CHECK(error_of([&] { w.at(hm(10, 40)); }) == ErrorCode::SlotTaken);
    const auto slots = slots_for(*w.db, w.site, w.tue, w.tue);
    REQUIRE(slots.size() == 5);
    CHECK(slots[1].taken);
    CHECK(slots[2].taken);
    CHECK_FALSE(slots[3].taken);
}

TEST_CASE("double booking is refused by the database itself, not only by book()") {
    Tuesday w;
    const Booking b = w.at(hm(10, 0));
    auto insert = [&](const std::string& code, int64_t start) {
        w.db->prepare("INSERT INTO booking(session_id, slot_date, slot_start, slot_end, code, "
                      "created_at) VALUES (?, '2026-05-05', ?, ?, ?, 0)")
            .bind(w.session, start, start + 1200, code)
            .exec();
    };
    // Same slot, different code.
    try {
        insert(b.code == "11111" ? "22222" : "11111", b.start);
        FAIL("a second live booking for one slot was accepted");
    } catch (const db::Error& e) {
        CHECK(e.is_constraint());
    }
    // Same live code, different slot.
    try {
        insert(b.code, may(5, 10, 20));
        FAIL("a second live booking with the same code was accepted");
    } catch (const db::Error& e) {
        CHECK(e.is_constraint());
    }
    // Once cancelled, the code and the slot may be used again.
    cancel_booking(*w.db, b.code, w.monday);
    CHECK_NOTHROW(insert(b.code, b.start));
}

TEST_CASE("codes are unique among live bookings over many bookings") {
    World w;
    // Every day of the booking window, 24 bookings a day: 336 live codes, all different.
    std::set<std::string> codes;
    const Instant now = may(4, 6, 0);
    for (unsigned day = 4; day <= 17; ++day) {
        const Id s = w.one_off(w.jobcentre, ymd(2026, 5, day), hm(8, 0), hm(16, 0), 5);
        for (int m = hm(8, 0); m < hm(16, 0); m += 20) {
            const Booking b = book(*w.db, {s, ymd(2026, 5, day), m}, "", now);
            CHECK(codes.insert(b.code).second);
        }
    }
    CHECK(codes.size() == 14u * 24);
    CHECK(w.count("SELECT count(DISTINCT code) FROM booking WHERE status = 'booked'") == 14 * 24);
}

TEST_CASE("booking window: today + 14 days by default, booking.window_days when set") {
    World w;
    const Instant now = may(4, 9, 0);   // Monday 4 May
    const Id d14 = w.one_off(w.jobcentre, ymd(2026, 5, 18), hm(10, 0), hm(11, 0));
    const Id d15 = w.one_off(w.jobcentre, ymd(2026, 5, 19), hm(10, 0), hm(11, 0));
    CHECK(book(*w.db, {d14, ymd(2026, 5, 18), hm(10, 0)}, "", now).id > 0);
    CHECK(error_of([&] { book(*w.db, {d15, ymd(2026, 5, 19), hm(10, 0)}, "", now); }) ==
          ErrorCode::OutsideBookingWindow);
    // Late on the last day before, the window is still by local date: 23:59 Monday 4 May.
    CHECK(error_of([&] { book(*w.db, {d15, ymd(2026, 5, 19), hm(10, 0)}, "", may(4, 23, 59)); }) ==
          ErrorCode::OutsideBookingWindow);
    // After local midnight (22:00 UTC), 19 May is 14 days ahead.
    CHECK(book(*w.db, {d15, ymd(2026, 5, 19), hm(10, 0)}, "", may(5, 0, 1)).id > 0);

    set_setting(*w.db, "booking.window_days", "3");
    CHECK(booking_rules(*w.db).window_days == 3);
    const Id d3 = w.one_off(w.social, ymd(2026, 5, 7), hm(10, 0), hm(11, 0));
    const Id d4 = w.one_off(w.social, ymd(2026, 5, 8), hm(10, 0), hm(11, 0));
    CHECK(book(*w.db, {d3, ymd(2026, 5, 7), hm(10, 0)}, "", now).id > 0);
    CHECK(error_of([&] { book(*w.db, {d4, ymd(2026, 5, 8), hm(10, 0)}, "", now); }) ==
          ErrorCode::OutsideBookingWindow);
    CHECK(error_of([&] { book(*w.db, {d14, ymd(2026, 5, 18), hm(10, 20)}, "", now); }) ==
          ErrorCode::OutsideBookingWindow);
}

TEST_CASE("past, non-existent and cancelled slots are refused") {
    Tuesday w;
    const Instant ten = may(5, 10, 0);
    // A slot that has started, or starts this second, is past.
    CHECK(error_of([&] { book(*w.db, {w.session, w.tue, hm(10, 0)}, "", ten); }) ==
          ErrorCode::SlotUnavailable);
    CHECK(error_of([&] { book(*w.db, {w.session, w.tue, hm(9, 40)}, "", ten); }) ==
          ErrorCode::SlotUnavailable);
    CHECK(book(*w.db, {w.session, w.tue, hm(10, 20)}, "", ten).id > 0);
    CHECK(error_of([&] { book(*w.db, {w.session, ymd(2026, 4, 28), hm(10, 0)}, "", w.monday); }) ==
          ErrorCode::SlotUnavailable);
    // Not a slot start, inside the walk-in time, the wrong weekday, an unknown session.
    CHECK(error_of([&] { w.at(hm(10, 5)); }) == ErrorCode::SlotUnavailable);
    CHECK(error_of([&] { w.at(hm(11, 40)); }) == ErrorCode::SlotUnavailable);
    CHECK(error_of([&] { w.at(hm(10, 0), "", ymd(2026, 5, 6)); }) == ErrorCode::SlotUnavailable);
    CHECK(error_of([&] { book(*w.db, {999, w.tue, hm(10, 0)}, "", w.monday); }) ==
          ErrorCode::NotFound);
    // Beyond the bookable cap.
    const Id capped = w.weekly(w.social, 4, hm(13, 0), hm(15, 0), 30, 0, 2);
    CHECK(book(*w.db, {capped, ymd(2026, 5, 7), hm(13, 30)}, "", w.monday).id > 0);
    CHECK(error_of([&] { book(*w.db, {capped, ymd(2026, 5, 7), hm(14, 0)}, "", w.monday); }) ==
          ErrorCode::SlotUnavailable);
    // A cancelled date.
    cancel_session_date(*w.db, w.session, ymd(2026, 5, 12), "ferie", w.monday);
    CHECK(error_of([&] { w.at(hm(10, 0), "", ymd(2026, 5, 12)); }) == ErrorCode::SessionCancelled);
    CHECK(w.count("SELECT count(*) FROM booking") == 2);
}

TEST_CASE("cancel by code") {
    Tuesday w;
    const Booking b = w.at(hm(10, 0), "Bo");
    const Booking c = cancel_booking(*w.db, b.code, w.monday);
    CHECK(c.id == b.id);
    CHECK(c.status == BookingStatus::Cancelled);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Cancelled);
    CHECK_FALSE(find_live_booking(*w.db, b.code).has_value());
    CHECK(error_of([&] { cancel_booking(*w.db, b.code, w.monday); }) == ErrorCode::BookingCancelled);
    CHECK(error_of([&] { cancel_booking(*w.db, "00000", w.monday); }) == ErrorCode::UnknownCode);

    const Booking d = w.at(hm(10, 20));
    check_in(*w.db, w.site, d.code, may(5, 10, 0));
    CHECK(error_of([&] { cancel_booking(*w.db, d.code, may(5, 10, 1)); }) == ErrorCode::WrongStatus);
    CHECK(get_booking(*w.db, d.id).status == BookingStatus::CheckedIn);
}

TEST_CASE("check-in window: 30 minutes before to 15 minutes after the start, edges exact") {
    Tuesday w;
    const Booking a = w.at(hm(10, 0)), b = w.at(hm(10, 20)), c = w.at(hm(10, 40)),
                  d = w.at(hm(11, 0));
    // Too early, one second before the window opens; `when` is the opening time.
    try {
        check_in(*w.db, w.site, a.code, may(5, 9, 29, 59));
        FAIL("checked in too early");
    } catch (const DomainError& e) {
        CHECK(e.code == ErrorCode::TooEarly);
        CHECK(e.when == may(5, 9, 30));
    }
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::Booked);
    // Exactly at the opening.
    const auto ra = check_in(*w.db, w.site, a.code, may(5, 9, 30));
    CHECK(ra.booking.status == BookingStatus::CheckedIn);
    CHECK(ra.booking.checked_in_at == may(5, 9, 30));
    // Exactly at the close (10:20 + 15 min).
    CHECK(check_in(*w.db, w.site, b.code, may(5, 10, 35)).booking.status == BookingStatus::CheckedIn);
    // One second after the close.
    CHECK(error_of([&] { check_in(*w.db, w.site, c.code, may(5, 10, 55, 1)); }) ==
          ErrorCode::TooLate);
    CHECK(get_booking(*w.db, c.id).status == BookingStatus::Booked);
    // The window follows the settings.
    set_setting(*w.db, "checkin.before_minutes", "10");
    CHECK(error_of([&] { check_in(*w.db, w.site, d.code, may(5, 10, 49, 59)); }) ==
          ErrorCode::TooEarly);
    CHECK(check_in(*w.db, w.site, d.code, may(5, 10, 50)).booking.status == BookingStatus::CheckedIn);
}

TEST_CASE("check-in errors: cancelled, cancelled session date, unknown, already, other site") {
    Tuesday w;
    const Booking a = w.at(hm(10, 0));
    const Booking b = w.at(hm(10, 20));
    const Instant t = may(5, 10, 0);
    cancel_booking(*w.db, a.code, w.monday);
    CHECK(error_of([&] { check_in(*w.db, w.site, a.code, t); }) == ErrorCode::BookingCancelled);

    CHECK(error_of([&] { check_in(*w.db, w.site, "abcde", t); }) == ErrorCode::UnknownCode);
    CHECK(error_of([&] { check_in(*w.db, w.site, "", t); }) == ErrorCode::UnknownCode);
    std::string unused = "00000";
    while (find_live_booking(*w.db, unused) || unused == a.code) unused[4]++;
    CHECK(error_of([&] { check_in(*w.db, w.site, unused, t); }) == ErrorCode::UnknownCode);

    Site other;
    other.name = "Andet sted";
    const Id other_site = add_site(*w.db, other);
    CHECK(error_of([&] { check_in(*w.db, other_site, b.code, t); }) == ErrorCode::UnknownCode);

    check_in(*w.db, w.site, b.code, t);
    CHECK(error_of([&] { check_in(*w.db, w.site, b.code, t + 60); }) == ErrorCode::AlreadyCheckedIn);

    // A booking on a date the caseworker cancelled.
    const Booking c = w.at(hm(10, 0), "", ymd(2026, 5, 12));
    cancel_session_date(*w.db, w.session, ymd(2026, 5, 12), "syg", w.monday);
    // It was the centre's decision: cancelled by the centre, with its own answer at check-in.
    CHECK(get_booking(*w.db, c.id).status == BookingStatus::CentreCancelled);
    CHECK(error_of([&] { check_in(*w.db, w.site, c.code, may(12, 9, 50)); }) ==
          ErrorCode::CentreCancelled);
    CHECK(get_booking(*w.db, c.id).status == BookingStatus::CentreCancelled);
}

TEST_CASE("ahead: checked-in visitors for the same caseworker with an earlier slot") {
    Tuesday w;
    const Id other = w.weekly(w.social, 2, hm(10, 0), hm(12, 0), 20);
    const Booking a = w.at(hm(10, 0)), b = w.at(hm(10, 20)), c = w.at(hm(10, 40));
    const Booking o = book(*w.db, {other, w.tue, hm(10, 0)}, "", w.monday);
    CHECK(check_in(*w.db, w.site, c.code, may(5, 10, 15)).ahead == 0);
    CHECK(check_in(*w.db, w.site, o.code, may(5, 10, 14)).ahead == 0);   // another caseworker
    CHECK(check_in(*w.db, w.site, a.code, may(5, 10, 14)).ahead == 0);
    CHECK(check_in(*w.db, w.site, b.code, may(5, 10, 17)).ahead == 1);   // a, not c, not o
    mark_seen(*w.db, a.id, may(5, 10, 18));
    const Booking d = w.at(hm(11, 0));
    CHECK(check_in(*w.db, w.site, d.code, may(5, 10, 45)).ahead == 2);   // b and c, a is seen
}

TEST_CASE("status flow: booked → checked_in → seen; missed after end + grace; staff corrects") {
    Tuesday w;
    const Booking a = w.at(hm(10, 0)), b = w.at(hm(10, 20)), c = w.at(hm(10, 40));
    check_in(*w.db, w.site, a.code, may(5, 9, 55));
    mark_seen(*w.db, a.id, may(5, 10, 20));
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::Seen);

    // b ends 10:40; with 15 minutes grace it is missed after 10:55, not at 10:55.
    CHECK(mark_missed(*w.db, may(5, 10, 55)) == 0);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Booked);
    CHECK(mark_missed(*w.db, may(5, 10, 55, 1)) == 1);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Missed);
    CHECK(get_booking(*w.db, c.id).status == BookingStatus::Booked);
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::Seen);   // seen stays seen
    // Missed cannot check in any more.
    CHECK(error_of([&] { check_in(*w.db, w.site, b.code, may(5, 10, 56)); }) == ErrorCode::TooLate);
    // Staff: the visitor talked to the caseworker without checking in; not a no-show.
    mark_seen(*w.db, b.id, may(5, 11, 0));
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Seen);
    CHECK(mark_missed(*w.db, may(5, 23, 0)) == 1);   // only c; b stays seen
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Seen);
    CHECK(get_booking(*w.db, c.id).status == BookingStatus::Missed);

    // A checked-in visitor is never marked missed automatically.
    const Booking d = w.at(hm(11, 0));
    check_in(*w.db, w.site, d.code, may(5, 10, 50));
    CHECK(mark_missed(*w.db, may(5, 23, 0)) == 0);
    CHECK(get_booking(*w.db, d.id).status == BookingStatus::CheckedIn);
    mark_no_show(*w.db, d.id, may(5, 12, 0));
    CHECK(get_booking(*w.db, d.id).status == BookingStatus::Missed);

    // The grace period follows the setting.
    set_setting(*w.db, "booking.missed_grace_minutes", "0");
    const Booking e = w.at(hm(10, 0), "", ymd(2026, 5, 12));
    CHECK(mark_missed(*w.db, may(12, 10, 20)) == 0);
    CHECK(mark_missed(*w.db, may(12, 10, 20, 1)) == 1);
    CHECK(get_booking(*w.db, e.id).status == BookingStatus::Missed);

    // A cancelled booking cannot be marked seen or no-show; an unknown id is NotFound.
    const Booking f = w.at(hm(10, 20), "", ymd(2026, 5, 12));
    cancel_booking(*w.db, f.code, w.monday);
    CHECK(error_of([&] { mark_seen(*w.db, f.id, may(12, 11, 0)); }) == ErrorCode::WrongStatus);
    CHECK(error_of([&] { mark_no_show(*w.db, f.id, may(12, 11, 0)); }) == ErrorCode::WrongStatus);
    CHECK(get_booking(*w.db, f.id).status == BookingStatus::Cancelled);
    CHECK(error_of([&] { mark_seen(*w.db, 9999, may(12, 11, 0)); }) == ErrorCode::NotFound);
}

TEST_CASE("bookings_on lists a day's bookings in time order with every status") {
    Tuesday w;
    const Booking late = w.at(hm(11, 0)), early = w.at(hm(10, 0));
    cancel_booking(*w.db, late.code, w.monday);
    const auto day = bookings_on(*w.db, w.site, w.tue);
    REQUIRE(day.size() == 2);
    CHECK(day[0].id == early.id);
    CHECK(day[1].status == BookingStatus::Cancelled);
    CHECK(bookings_on(*w.db, w.site, ymd(2026, 5, 12)).empty());
}

}  // TEST_SUITE
