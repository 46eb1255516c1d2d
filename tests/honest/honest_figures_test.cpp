// Honest figures, attacked the way an outsider would: nothing the centre cancelled counts against
// a visitor (status, check-in, housekeeping, report, extract), no-shows only after the fact,
// every status change kept and undoable, timetable edits that cannot rewrite the past, and a
// clock that jumps does not settle anything.
#include "tests/core/world.hpp"

#include "core/domain/housekeeping.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/walkin.hpp"
#include "core/export/bundle.hpp"
#include "core/report/aggregate.hpp"
#include "core/report/period.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <set>

using namespace indgang;
using namespace world;

namespace {

// A Tuesday jobcentre session 10–12 (20-minute slots, the last 20 minutes for walk-ins) and a
// Monday to book from.
struct Week : World {
    Id session = 0;
    const Date tue = ymd(2026, 5, 5);
    const Date next_tue = ymd(2026, 5, 12);
    const Instant monday = may(4, 9, 0);
    Week() { session = weekly(jobcentre, 2, hm(10, 0), hm(12, 0), 20, 20); }
    Booking at(int minute, Date d, std::string_view nick = "") {
        return book(*db, {session, d, minute}, nick, monday);
    }
    report::ActivityRow may_jobcentre() {
        const auto rows = report::activity_by_month(*db, site, report::parse_period("2026-05"));
        for (const auto& r : rows)
            if (r.service == "jobcentre") return r;
        FAIL("no jobcentre row");
        return {};
    }
};

std::set<Id> ids(const std::vector<Booking>& v) {
    std::set<Id> out;
    for (const auto& b : v) out.insert(b.id);
    return out;
}

}  // namespace

TEST_SUITE("honest") {

TEST_CASE("a cancelled date: the centre's cancellation, never the visitor's no-show, anywhere") {
    Week w;
    const Booking seen = w.at(hm(10, 0), w.tue, "Bo");
    const Booking missed = w.at(hm(10, 20), w.tue);
    const Booking a = w.at(hm(10, 0), w.next_tue, "Kim");
    const Booking b = w.at(hm(10, 40), w.next_tue);

    const auto to_tell = cancel_session_date(*w.db, w.session, w.next_tue, "Mette syg", w.monday);
    CHECK(ids(to_tell) == std::set<Id>{a.id, b.id});
    for (const auto& t : to_tell) CHECK(t.status == BookingStatus::CentreCancelled);
    // The visitor who comes anyway is told kindly, and nothing changes.
    CHECK(error_of([&] { check_in(*w.db, w.site, a.code, may(12, 9, 50)); }) == ErrorCode::CentreCancelled);
    // Cancelling their own booking is not possible either: it is already called off.
    CHECK(error_of([&] { cancel_booking(*w.db, b.code, w.monday); }) == ErrorCode::CentreCancelled);
    // Staff cannot mark it a no-show, not even long after.
    CHECK(error_of([&] { mark_no_show(*w.db, a.id, may(12, 18, 0)); }) == ErrorCode::CentreCancelled);

    mark_seen(*w.db, seen.id, may(5, 10, 25));
    // Housekeeping a week later: the unattended Tuesday booking is missed; the cancelled ones
    // are not.
    CHECK(mark_missed(*w.db, may(13, 9, 0)) == 1);
    CHECK(get_booking(*w.db, missed.id).status == BookingStatus::Missed);
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::CentreCancelled);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::CentreCancelled);

    const report::ActivityRow r = w.may_jobcentre();
    CHECK(r.missed == 1);
    CHECK(r.seen == 1);
    CHECK(r.centre_cancelled == 2);
    CHECK(r.bookings == 2);
    REQUIRE(r.no_show_rate.has_value());
    CHECK(*r.no_show_rate == doctest::Approx(0.5));   // 1 of 2, not 3 of 4

    // The extract the municipality receives says the same.
    const exporting::BuiltBundle bundle = exporting::build_bundle(*w.db, w.site, "2026-05");
    std::string extract;
    for (const auto& f : exporting::verify_archive(bundle.archive))
        if (f.name.find("extract.json") != std::string::npos) extract = f.bytes;
    REQUIRE_FALSE(extract.empty());
    const auto j = nlohmann::json::parse(extract);
    bool found = false;
    for (const auto& row : j["activity"]["totals"]) {
        if (row["service"] != "jobcentre") continue;
        found = true;
        CHECK(row["missed"] == 1);
        CHECK(row["bookings"] == 2);
        CHECK(row["no_show_rate"].get<double>() == doctest::Approx(0.5));
    }
    CHECK(found);
}

TEST_CASE("an ended session: later bookings are the centre's to cancel and check-in says so") {
    Week w;
    const Booking later = w.at(hm(11, 0), w.next_tue);
    const Booking first = w.at(hm(11, 0), w.tue);
    const auto to_tell = end_session(*w.db, w.session, w.tue, w.monday);
    CHECK(ids(to_tell) == std::set<Id>{later.id});
    CHECK(get_booking(*w.db, first.id).status == BookingStatus::Booked);
    CHECK(error_of([&] { check_in(*w.db, w.site, later.code, may(12, 10, 50)); }) == ErrorCode::CentreCancelled);
    CHECK(mark_missed(*w.db, may(13, 9, 0)) == 1);   // only the one on the last day it ran
    CHECK(get_booking(*w.db, later.id).status == BookingStatus::CentreCancelled);
    // A session cannot be ended in the past (that would rewrite days that happened).
    CHECK(error_of([&] { end_session(*w.db, w.session, ymd(2026, 4, 7), w.monday); }) == ErrorCode::Invalid);
}

TEST_CASE("a booking that the database still calls booked on a cancelled day is never settled as missed") {
    // Older data, or a file edited by hand: the cancellation row exists, the booking still says
    // booked. Housekeeping must give the centre's status, not the visitor's no-show.
    Week w;
    const Booking b = w.at(hm(10, 0), w.tue);
    w.db->exec("INSERT INTO session_cancellation(session_id, date, reason, created_at) VALUES (1, '2026-05-05', '', 0)");
    CHECK(mark_missed(*w.db, may(6, 9, 0)) == 0);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::CentreCancelled);
}

TEST_CASE("no-show only once the slot has ended plus grace; before that, NotYet with the time") {
    Week w;
    const Booking b = w.at(hm(10, 20), w.tue);   // 10:20–10:40, grace 15 minutes
    try {
        mark_no_show(*w.db, b.id, may(5, 10, 30));
        FAIL("no-show accepted during the slot");
    } catch (const DomainError& e) {
        CHECK(e.code == ErrorCode::NotYet);
        CHECK(e.when == may(5, 10, 55));
    }
    CHECK(error_of([&] { mark_no_show(*w.db, b.id, may(5, 10, 54, 59)); }) == ErrorCode::NotYet);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Booked);
    mark_no_show(*w.db, b.id, may(5, 10, 55));
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Missed);
}

TEST_CASE("every status can be set back, and every change is in the audit trail") {
    Week w;
    const Instant after = may(5, 13, 0);
    // seen → undo → booked
    const Booking a = w.at(hm(10, 0), w.tue);
    mark_seen(*w.db, a.id, after, "staff:lene");
    CHECK(undo_status(*w.db, a.id, after + 60) == BookingStatus::Booked);
    // booked → no-show → seen → booked (each by hand), then undo walks back one step
    const Booking b = w.at(hm(10, 20), w.tue);
    mark_no_show(*w.db, b.id, after);
    mark_seen(*w.db, b.id, after + 1);
    set_booking_status(*w.db, b.id, BookingStatus::Booked, after + 2);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Booked);
    CHECK(undo_status(*w.db, b.id, after + 3) == BookingStatus::Seen);
    // checked in → seen → undo gives the check-in back
    const Booking c = w.at(hm(11, 0), w.tue);
    check_in(*w.db, w.site, c.code, may(5, 10, 45));
    mark_seen(*w.db, c.id, after);
    CHECK(undo_status(*w.db, c.id, after + 1) == BookingStatus::CheckedIn);
    // cancelled → undo → booked again, while the slot is free
    const Booking d = w.at(hm(10, 40), w.next_tue);
    cancel_booking(*w.db, d.code, w.monday, "staff");
    CHECK(undo_status(*w.db, d.id, w.monday + 60) == BookingStatus::Booked);
    // … but not when someone else took the slot meanwhile.
    cancel_booking(*w.db, d.code, w.monday + 120, "staff");
    const Booking taker = w.at(hm(10, 40), w.next_tue);
    CHECK(error_of([&] { undo_status(*w.db, d.id, w.monday + 180); }) == ErrorCode::SlotTaken);
    CHECK(get_booking(*w.db, taker.id).status == BookingStatus::Booked);
    // housekeeping's missed → undo (the visitor talked to the caseworker after all)
    const Booking e = w.at(hm(10, 0), w.next_tue);
    CHECK(mark_missed(*w.db, may(12, 13, 0)) >= 1);
    CHECK(get_booking(*w.db, e.id).status == BookingStatus::Missed);
    CHECK(undo_status(*w.db, e.id, may(12, 13, 5)) == BookingStatus::Booked);

    const auto hist = status_history(*w.db, b.id);
    REQUIRE(hist.size() == 4);
    CHECK(hist[0].from == BookingStatus::Booked);
    CHECK(hist[0].to == BookingStatus::Missed);
    CHECK(hist[1].to == BookingStatus::Seen);
    CHECK(hist[2].to == BookingStatus::Booked);
    CHECK(hist[3].to == BookingStatus::Seen);
    CHECK(hist[0].at == after);
    CHECK(status_history(*w.db, a.id)[0].actor == "staff:lene");
    const auto he = status_history(*w.db, e.id);
    REQUIRE(he.size() == 2);
    CHECK(he[0].actor == "housekeeping");
    // Nothing to undo on a fresh booking.
    const Booking fresh = w.at(hm(11, 20), w.next_tue);
    CHECK(error_of([&] { undo_status(*w.db, fresh.id, w.monday); }) == ErrorCode::Invalid);
}

TEST_CASE("timetable edits take effect from a date; the past keeps what happened") {
    Week w;
    const Booking past = w.at(hm(10, 0), w.tue);
    mark_seen(*w.db, past.id, may(5, 10, 30));
    const Booking keeps = w.at(hm(10, 20), w.next_tue);   // 10:20 exists in the new plan too
    const Booking loses = w.at(hm(11, 0), w.next_tue);    // 11:00 does not
    const Instant wednesday = may(6, 9, 0);

    Session changed = get_session(*w.db, w.session);
    changed.start_minute = hm(9, 0);
    changed.end_minute = hm(11, 0);               // 9:00–11:00, last 20 minutes walk-ins

    // Back-dated: refused.
    CHECK(error_of([&] { edit_session(*w.db, w.session, changed, w.tue, wednesday); }) == ErrorCode::Invalid);
    // Would drop a live booking: refused with the list.
    try {
        edit_session(*w.db, w.session, changed, ymd(2026, 5, 6), wednesday);
        FAIL("an edit dropping a live booking was applied");
    } catch (const TimetableConflict& e) {
        CHECK(ids(e.bookings) == std::set<Id>{loses.id});
    }
    CHECK(get_session(*w.db, w.session).start_minute == hm(10, 0));   // nothing changed
    // Staff chose: cancel the ones that lose their time, and tell them.
    const EditResult r = edit_session(*w.db, w.session, changed, ymd(2026, 5, 6), wednesday,
                                      OnConflict::CancelAndTell);
    CHECK(ids(r.to_tell) == std::set<Id>{loses.id});
    CHECK(ids(r.carried) == std::set<Id>{keeps.id});
    CHECK(r.session_id != w.session);
    CHECK(get_session(*w.db, r.session_id).replaces == w.session);
    CHECK(get_booking(*w.db, keeps.id).session_id == r.session_id);
    CHECK(get_booking(*w.db, loses.id).status == BookingStatus::CentreCancelled);
    // The Tuesday that happened still shows the old times and its seen visitor.
    const auto old_day = slots_for(*w.db, w.site, w.tue, w.tue);
    REQUIRE_FALSE(old_day.empty());
    CHECK(old_day.front().start_minute == hm(10, 0));
    CHECK(get_booking(*w.db, past.id).session_id == w.session);
    CHECK(get_booking(*w.db, past.id).status == BookingStatus::Seen);
    const auto new_day = slots_for(*w.db, w.site, w.next_tue, w.next_tue);
    REQUIRE_FALSE(new_day.empty());
    CHECK(new_day.front().start_minute == hm(9, 0));
}

TEST_CASE("sessions that cannot work are refused, closed days warned, walk-ins only is a real choice") {
    Week w;
    set_opening_hours(*w.db, w.site, {{1, hm(9, 0), hm(16, 0)}, {2, hm(9, 0), hm(16, 0)}});
    Session s;
    s.site_id = w.site;
    s.service_id = w.social;
    s.caseworker = "Karim";
    s.weekday = 2;
    s.first_date = ymd(2026, 5, 5);
    s.start_minute = hm(13, 0);
    s.end_minute = hm(15, 0);
    const Instant now = w.monday;

    Session past = s;
    past.weekday.reset();
    past.first_date = ymd(2026, 5, 1);
    CHECK(error_of([&] { add_session(*w.db, past, now); }) == ErrorCode::Invalid);
    Session ended = s;
    ended.last_date = ymd(2026, 5, 1);
    ended.first_date = ymd(2026, 4, 1);
    CHECK(error_of([&] { add_session(*w.db, ended, now); }) == ErrorCode::Invalid);
    Session short_one = s;
    short_one.end_minute = hm(13, 15);
    CHECK(error_of([&] { add_session(*w.db, short_one, now); }) == ErrorCode::Invalid);
    Session double_booked = s;
    double_booked.caseworker = "mette";   // Mette already has Tuesday 10–12 (any case)
    double_booked.start_minute = hm(11, 0);
    CHECK(error_of([&] { add_session(*w.db, double_booked, now); }) == ErrorCode::Invalid);
    CHECK(list_sessions(*w.db, w.site).size() == 1);

    Session saturday = s;
    saturday.weekday = 6;
    std::vector<std::string> warnings;
    add_session(*w.db, saturday, now, &warnings);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0].find("closed") != std::string::npos);

    Session walkins = s;
    walkins.walkin_only = true;
    walkins.service_id = w.skp;
    walkins.caseworker = "Lone";
    const Id wid = add_session(*w.db, walkins, now);
    CHECK(get_session(*w.db, wid).walkin_only);
    for (const auto& slot : slots_for(*w.db, w.site, w.tue, w.tue)) CHECK(slot.session_id != wid);
    CHECK(error_of([&] { book(*w.db, {wid, w.tue, hm(13, 0)}, "", now); }) == ErrorCode::SlotUnavailable);
    CHECK(take_number(*w.db, w.site, w.skp, may(5, 13, 30)).label == "E-01");
}

TEST_CASE("walk-ins follow the clock: to come, here now, gone home, not today") {
    Week w;
    CHECK(walkin_open(*w.db, w.site, w.jobcentre, may(5, 8, 0)) == WalkInOpen::Open);   // still to come
    CHECK(walkin_open(*w.db, w.site, w.jobcentre, may(5, 11, 59)) == WalkInOpen::Open);
    CHECK(walkin_open(*w.db, w.site, w.jobcentre, may(5, 20, 47)) == WalkInOpen::OverToday);
    CHECK(walkin_open(*w.db, w.site, w.jobcentre, may(6, 10, 0)) == WalkInOpen::NotToday);
    CHECK(walkin_services_now(*w.db, w.site, may(5, 10, 0)) == std::vector<Id>{w.jobcentre});
    CHECK(walkin_services_now(*w.db, w.site, may(5, 20, 47)).empty());
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(5, 20, 47)); }) == ErrorCode::SessionOverToday);
    CHECK(error_of([&] { take_number(*w.db, w.site, w.jobcentre, may(6, 10, 0)); }) == ErrorCode::NoSessionToday);
}

TEST_CASE("closures: one step for 24–26 December, the same list to tell, and open again") {
    World w;
    const Id tue = w.weekly(w.jobcentre, 4, hm(10, 0), hm(12, 0), 20);   // Thursdays: 24 Dec 2026
    const Id fri = w.weekly(w.social, 5, hm(13, 0), hm(15, 0), 30);      // Fridays: 25 Dec
    const Instant dec20 = cph(2026, 12, 20, 9, 0, 1);
    const Booking a = book(*w.db, {tue, ymd(2026, 12, 24), hm(10, 0)}, "", dec20);
    const Booking b = book(*w.db, {fri, ymd(2026, 12, 25), hm(13, 0)}, "", dec20);
    const Booking after = book(*w.db, {tue, ymd(2026, 12, 31), hm(10, 0)}, "", dec20);
    const ClosureResult c = close_centre(*w.db, w.site, ymd(2026, 12, 24), ymd(2026, 12, 26), "Jul", dec20);
    CHECK(ids(c.to_tell) == std::set<Id>{a.id, b.id});
    CHECK(get_booking(*w.db, after.id).status == BookingStatus::Booked);
    CHECK(slots_for(*w.db, w.site, ymd(2026, 12, 24), ymd(2026, 12, 26)).empty());
    CHECK(sessions_on(*w.db, w.site, ymd(2026, 12, 25)).empty());
    CHECK(error_of([&] { book(*w.db, {tue, ymd(2026, 12, 24), hm(10, 20)}, "", dec20); }) ==
          ErrorCode::SessionCancelled);
    CHECK(error_of([&] { check_in(*w.db, w.site, a.code, cph(2026, 12, 24, 9, 50, 1)); }) ==
          ErrorCode::CentreCancelled);
    // In the past: refused.
    CHECK(error_of([&] { close_centre(*w.db, w.site, ymd(2026, 12, 1), ymd(2026, 12, 2), "", dec20); }) ==
          ErrorCode::Invalid);
    const auto back = reopen_centre(*w.db, c.closure_id, dec20 + 60);
    CHECK(ids(back) == std::set<Id>{a.id, b.id});
    CHECK(get_booking(*w.db, a.id).status == BookingStatus::Booked);
    CHECK(list_closures(*w.db, w.site).empty());
}

TEST_CASE("a clock that jumps does not mark bookings missed or erase nicknames") {
    Week w;
    const Booking b = w.at(hm(10, 0), w.tue, "Bo");
    CHECK(run_housekeeping(*w.db, w.monday).ran);
    // A leftover INDGANG_NOW from last year: backwards.
    const HousekeepingResult back = run_housekeeping(*w.db, utc(2025, 5, 4, 9, 0));
    CHECK_FALSE(back.ran);
    CHECK(back.refused.find("earlier") != std::string::npos);
    // A wrong system time a year ahead.
    const HousekeepingResult ahead = run_housekeeping(*w.db, utc(2027, 5, 4, 9, 0));
    CHECK_FALSE(ahead.ran);
    CHECK(get_booking(*w.db, b.id).status == BookingStatus::Booked);
    CHECK(get_booking(*w.db, b.id).nickname == "Bo");
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'clock'") == 2);
    // A normal day later: it runs.
    const HousekeepingResult next = run_housekeeping(*w.db, may(6, 9, 0));
    CHECK(next.ran);
    CHECK(next.marked_missed == 1);
    CHECK(next.nicknames_erased == 1);
    // Staff confirm a long gap (a closed month): then it runs.
    CHECK_FALSE(run_housekeeping(*w.db, may(31, 9, 0)).ran);
    accept_clock(*w.db, may(31, 9, 0));
    CHECK(run_housekeeping(*w.db, may(31, 9, 0)).ran);
}

TEST_CASE("settings: every key declared once, ranges enforced, unknown keys refused") {
    World w;
    for (const auto& s : setting_specs()) {
        CHECK(find_setting_spec(s.key) == &s);
        CHECK_NOTHROW(validate_setting(s, s.fallback));   // every default is valid
        CHECK(std::string(s.help).size() > 10);
        const SettingValue v = setting_value(*w.db, s.key);
        CHECK(v.is_default);
    }
    CHECK(error_of([&] { set_setting_checked(*w.db, "checkin.before_minutes", "-5"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { set_setting_checked(*w.db, "retention.nickname_days", "0"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { set_setting_checked(*w.db, "kiosk.idle_seconds", "15s"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { set_setting_checked(*w.db, "kiosk.languages", "da,EN"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { set_setting_checked(*w.db, "no.such.key", "1"); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { set_setting_checked(*w.db, "upload.config", "/etc/\xC3"); }) == ErrorCode::Invalid);
    CHECK(w.count("SELECT count(*) FROM setting") == 0);
    set_setting_checked(*w.db, "kiosk.paused", "on");
    CHECK(setting_bool(*w.db, "kiosk.paused"));
    set_setting_checked(*w.db, "kiosk.languages", "da, en,ar");
    CHECK(setting_text(*w.db, "kiosk.languages") == "da,en,ar");
    // Hand-written past the checks: held to the range, the kiosk keeps running.
    set_setting(*w.db, "booking.window_days", "-3");
    CHECK(setting_int(*w.db, "booking.window_days") == 1);
    set_setting(*w.db, "booking.window_days", "lots");
    CHECK(setting_int(*w.db, "booking.window_days") == 14);
    reset_setting(*w.db, "kiosk.paused");
    CHECK_FALSE(setting_bool(*w.db, "kiosk.paused"));
}

TEST_CASE("docs/settings.md is the settings table") {
    const char* src = std::getenv("INDGANG_SOURCE_DIR");
    REQUIRE(src != nullptr);
    std::ifstream in(std::string(src) + "/docs/settings.md");
    REQUIRE(in.good());
    const std::string doc((std::istreambuf_iterator<char>(in)), {});
    // The generated table is in the document, whole and unchanged.
    CHECK(doc.find(settings_markdown()) != std::string::npos);
}

TEST_CASE("invalid UTF-8 and control characters are refused in every text a tool accepts") {
    World w;
    const std::string bad = "Kilde\xC3";          // cut in the middle of "ø"
    const std::string overlong = "\xC0\xAF";      // an overlong "/"
    const std::string surrogate = "\xED\xA0\x80";  // a UTF-16 surrogate
    for (const std::string& b : {bad, overlong, surrogate, std::string("a\x1b[31mb")}) {
        Site s;
        s.name = b;
        CHECK(error_of([&] { add_site(*w.db, s); }) == ErrorCode::Invalid);
        s.name = "ok";
        s.address = b;
        CHECK(error_of([&] { add_site(*w.db, s); }) == ErrorCode::Invalid);
        Site edit = get_site(*w.db, w.site);
        edit.name = b;
        CHECK(error_of([&] { update_site(*w.db, edit); }) == ErrorCode::Invalid);
        Service v{0, "housing", b, "", "", "H", 9, true};
        CHECK(error_of([&] { add_service(*w.db, v); }) == ErrorCode::Invalid);
        v = {0, "housing", "Bolig", b, "", "H", 9, true};
        CHECK(error_of([&] { add_service(*w.db, v); }) == ErrorCode::Invalid);
        Session sess;
        sess.site_id = w.site;
        sess.service_id = w.jobcentre;
        sess.caseworker = b;
        sess.weekday = 2;
        sess.first_date = ymd(2026, 5, 5);
        sess.start_minute = hm(10, 0);
        sess.end_minute = hm(12, 0);
        CHECK(error_of([&] { add_session(*w.db, sess); }) == ErrorCode::Invalid);
        CHECK(error_of([&] { clean_nickname(b); }) == ErrorCode::Invalid);
    }
    const Id s = w.weekly(w.jobcentre, 2, hm(10, 0), hm(12, 0));
    CHECK(error_of([&] { cancel_session_date(*w.db, s, ymd(2026, 5, 5), bad, may(4, 9, 0)); }) == ErrorCode::Invalid);
    CHECK(error_of([&] { close_centre(*w.db, w.site, ymd(2026, 5, 5), ymd(2026, 5, 5), bad, may(4, 9, 0)); }) ==
          ErrorCode::Invalid);
    CHECK(w.count("SELECT count(*) FROM site") == 1);
    CHECK(w.count("SELECT count(*) FROM session_cancellation") == 0);
    CHECK(w.count("SELECT count(*) FROM closure") == 0);
}

TEST_CASE("nicknames that are CPR or phone numbers, or show as blank, are refused kindly") {
    for (const char* cpr : {"010190-1234", "0101901234", "01 01 90 12 34", "010190 1234", "Bo 311299-4321",
                            "０１０１９０－１２３４", "01\xE2\x80\x91" "01\xE2\x80\x91" "90\xE2\x80\x91" "1234",
                            "0101\xC2\xAD" "901234"}) {
        INFO(cpr);
        CHECK(error_of([&] { clean_nickname(cpr); }) == ErrorCode::PersonalNumber);
    }
    for (const char* phone : {"20 30 40 50", "20304050", "+45 2030 4050", "0045 20304050", "+46 70 123 45 67",
                              "Ali 61 22 33 44", "+4520304050"}) {
        INFO(phone);
        CHECK(error_of([&] { clean_nickname(phone); }) == ErrorCode::PersonalNumber);
    }
    for (const char* blank : {"\xE2\x80\x8B", "\xE2\x80\x8B\xE2\x80\x8C", "\xE3\x85\xA4", "\xE2\xA0\x80",
                              "\xEF\xBE\xA0\xEF\xBE\xA0", "\xE1\x85\x9F"}) {
        INFO(blank);
        CHECK(error_of([&] { clean_nickname(blank); }) == ErrorCode::Invalid);
    }
    // Ordinary nicknames with a few digits stay fine.
    for (const char* ok : {"Bo", "Ali 2", "Mads1985", "سارة", "R2-D2", "Kim 45"}) {
        INFO(ok);
        CHECK(clean_nickname(ok).has_value());
    }
}

}  // TEST_SUITE
