// The staff window end to end: the PIN gate, the first-run set-up on an empty database, and a
// week of timetable and front-desk work, each asserted on the database the window leaves.
#include "window_harness.hpp"

#include <string>

using admin_test::kFirstRun;
using admin_test::kUnlock;
using admin_test::Window;

namespace {

std::string code_of(Window& w, int64_t booking) {
    return w.text("SELECT code FROM booking WHERE id = " + std::to_string(booking));
}

}  // namespace

TEST_SUITE("gate") {

TEST_CASE("nothing but the gate is drawn before the PIN; the first PIN is asked for twice") {
    Window w;
    // No tab, no set-up form: a script that reaches for one stops with the gate on screen.
    const auto blocked = w.run("click today_tab\n", "2026-12-01T08:00");
    CHECK(blocked.exit == 5);
    CHECK(blocked.err.find("gate_pin") != std::string::npos);
    CHECK(blocked.err.find("setup_name") == std::string::npos);

    w.ok("fill gate_pin 2468\nfill gate_pin_again 2469\nclick gate_open\n"
         "expect De to PIN-koder er ikke ens\nrefuse Opret stedet\n",
         "2026-12-01T08:00");
    CHECK(w.count("SELECT count(*) FROM setting WHERE key = 'staff.pin_hash'") == 0);

    w.ok("fill gate_pin 12\nfill gate_pin_again 12\nclick gate_open\nexpect 4 til 12 cifre\n", "2026-12-01T08:00");
    CHECK(w.count("SELECT count(*) FROM setting WHERE key = 'staff.pin_hash'") == 0);

    w.ok("fill gate_pin 2468\nfill gate_pin_again 2468\nclick gate_open\nexpect Opret stedet\n",
         "2026-12-01T08:00");
    CHECK(w.count("SELECT count(*) FROM setting WHERE key = 'staff.pin_hash' AND value LIKE '$argon2id$%'") == 1);
}

TEST_CASE("wrong PINs lock the gate (stored, so a restart does not reset it); the right one opens it") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    const auto wrong = w.ok("fill gate_pin 1111\nclick gate_open\nexpect Forkert PIN\n"
                            "fill gate_pin 1112\nclick gate_open\n"
                            "fill gate_pin 1113\nclick gate_open\nexpect Prøv igen kl.\n"
                            // Locked: even the right PIN is not looked at.
                            "fill gate_pin 2468\nclick gate_open\nexpect Prøv igen kl.\nrefuse I dag\n",
                            "2026-12-01T09:00");
    CHECK(w.text("SELECT value FROM setting WHERE key = 'staff.pin_failures'") == "3");
    // A new window a second later is still locked.
    w.ok("fill gate_pin 2468\nclick gate_open\nrefuse Tidsplan\nexpect Prøv igen kl.\n", "2026-12-01T09:00");
    // Once the 30 s lock has passed, the right PIN opens the tabs.
    w.ok(std::string(kUnlock) + "expect Tidsplan\nexpect Testhuset\n", "2026-12-01T09:01");
    CHECK(w.text("SELECT value FROM setting WHERE key = 'staff.pin_failures'") == "0");
}

TEST_CASE("a touch screen with no keyboard: the on-screen keypad types the PIN") {
    Window w;
    // Both PIN fields by touch only: a wrong key, "Slet", then the field touched last gets the keys.
    w.ok("click gate_key_2\nclick gate_key_4\nclick gate_key_6\nclick gate_key_8\nclick gate_key_9\n"
         "click gate_key_del\nclick gate_pin_again\n"
         "click gate_key_2\nclick gate_key_4\nclick gate_key_6\nclick gate_key_8\n"
         "expect Slet\nclick gate_open\nexpect Opret stedet\n",
         "2026-12-01T08:00");
    CHECK(w.count("SELECT count(*) FROM setting WHERE key = 'staff.pin_hash' AND value LIKE '$argon2id$%'") == 1);
    // The PIN chosen by keypad is 2468: typed on a keyboard it opens the window.
    w.ok("fill gate_pin 2468\nclick gate_open\nexpect Opret stedet\n", "2026-12-01T08:01");
    // And by keypad again, once a PIN exists (one field only).
    w.ok("click gate_key_2\nclick gate_key_4\nclick gate_key_6\nclick gate_key_8\nclick gate_open\n"
         "expect Opret stedet\n",
         "2026-12-01T08:02");
    CHECK(w.text("SELECT value FROM setting WHERE key = 'staff.pin_failures'") == "0");
}

}  // TEST_SUITE("gate")

TEST_SUITE("setup") {

TEST_CASE("an empty database gets the set-up form, not an error, and leaves a working centre") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    CHECK(w.text("SELECT name FROM site") == "Testhuset");
    CHECK(w.text("SELECT address FROM site") == "Prøvevej 1");
    CHECK(w.count("SELECT count(*) FROM opening_hours") == 5);
    CHECK(w.count("SELECT count(*) FROM opening_hours WHERE open_minute = 540 AND close_minute = 960") == 5);
    CHECK(w.count("SELECT count(*) FROM service WHERE active = 1") == 5);
    CHECK(w.count("SELECT count(*) FROM session") == 1);
    CHECK(w.count("SELECT count(*) FROM session WHERE caseworker = 'Mette' AND weekday = 2 AND start_minute = 600 "
                  "AND end_minute = 720 AND slot_minutes = 20 AND first_date = '2026-12-01'") == 1);
}

TEST_CASE("a set-up the core refuses leaves no half-made centre, and says why in Danish") {
    Window w;
    // 10.00–10.10 is too short for one 20-minute time.
    w.ok("fill gate_pin 2468\nfill gate_pin_again 2468\nclick gate_open\n"
         "fill setup_name Testhuset\nset svc 0\nfill cw Mette\nset wd 1\nfill from 10.00\nfill to 10.10\n"
         "click setup_create\nexpect for kort\nexpect Opret stedet\n",
         "2026-12-01T08:00");
    CHECK(w.count("SELECT count(*) FROM site") == 0);
    CHECK(w.count("SELECT count(*) FROM session") == 0);
}

}  // TEST_SUITE("setup")

TEST_SUITE("week") {

TEST_CASE("a week of timetable and front-desk work through the window") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");

    // Tuesday 1 December, 8.30: two bookings on visitors' behalf, a walk-ins-only session on
    // Thursdays and a one-off on Friday.
    w.ok(std::string(kUnlock) +
             "expect tirsdag 1. december\n"
             "fill nick Ravn\nclick book_1_600\nexpect Booket kl. 10.00\n"
             "click book_1_620\n"
             "tab timetable\n"
             "set svc 1\nfill cw Jonas\nset wd 3\nfill from 13.00\nfill to 15.00\nclick walkin_only\n"
             "click add_session\nexpect Træffetiden er tilføjet\n"
             "set svc 2\nfill cw Sara\nclick weekly\nfill date 4.12.2026\nfill from 10.00\nfill to 11.00\n"
             "click add_session\nexpect Træffetiden er tilføjet\n",
         "2026-12-01T08:30");
    CHECK(w.count("SELECT count(*) FROM booking WHERE status = 'booked' AND source = 'staff'") == 2);
    CHECK(w.text("SELECT nickname FROM booking WHERE id = 1") == "Ravn");
    CHECK(w.count("SELECT count(*) FROM session WHERE caseworker = 'Jonas' AND walkin_only = 1 AND weekday = 4") == 1);
    CHECK(w.count("SELECT count(*) FROM session WHERE caseworker = 'Sara' AND weekday IS NULL "
                  "AND first_date = '2026-12-04'") == 1);

    // 10.05: check-in by code, seen, undo, seen again; a no-show is refused before the time has
    // ended; a walk-in number handed out and called.
    w.ok(std::string(kUnlock) + "fill checkin_code " + code_of(w, 1) + "\nclick check_in\nexpect Tjekket ind\n" +
             "click seen_1\nclick undo_1\nexpect Fortrudt\nclick seen_1\n"
             "click noshow_2\nexpect kan først markeres\n"
             "click take_jobcentre\nexpect Nummer A-01\nclick call_next\n",
         "2026-12-01T10:05");
    CHECK(w.text("SELECT status FROM booking WHERE id = 1") == "seen");
    CHECK(w.text("SELECT status FROM booking WHERE id = 2") == "booked");
    CHECK(w.count("SELECT count(*) FROM walkin WHERE status = 'seen'") == 1);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'walkin' AND message = 'staff:anne: A-01 waiting -> seen'") == 1);

    // 11.00: the 10.20 time has ended plus grace, so housekeeping made it a no-show when the
    // window opened; staff know the visitor came after all: seen, then undo, then seen.
    w.ok(std::string(kUnlock) + "expect udeblevet\nclick seen_2\nclick undo_2\nexpect udeblevet igen\nclick seen_2\n",
         "2026-12-01T11:00");
    CHECK(w.text("SELECT status FROM booking WHERE id = 2") == "seen");
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 2 AND to_status = 'missed' "
                  "AND actor = 'housekeeping'") == 1);
    // The audit trail names the staff login for every change made in the window.
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 2 AND actor = 'staff:anne'") == 3);
    // Booking 1: checked in at the desk, seen, undone, seen again.
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 1 AND actor = 'staff:anne'") == 4);
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE actor = 'kiosk'") == 0);
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE actor = 'staff'") == 0);

    // Wednesday: a booking for next Tuesday; the caseworker calls in sick for that day (asked
    // first, visitors to tell listed), then it is restored; Christmas closed; the session gets
    // longer from the 15th; a service renamed, another retired; a setting changed in range and
    // refused out of it.
    w.ok(std::string(kUnlock) +
             "click next_day\nclick next_day\nclick next_day\nclick next_day\nclick next_day\nclick next_day\n"
             "expect tirsdag 8. december\nfill nick Ugle\nclick book_1_600\n"
             "tab timetable\nclick dates_1\nfill session_date 8.12.2026\nfill cancel_reason Mette er syg\n"
             "click cancel_date\nexpect Er du sikker\nclick confirm_yes\nexpect Ugle\n"
             "click told\nclick dates_1\nfill session_date 8.12.2026\nclick restore_date\nexpect holder alligevel\n"
             "fill closure_from 24.12.2026\nfill closure_to 26.12.2026\nfill closure_reason Jul\n"
             "click add_closure\nclick confirm_yes\nexpect Jul\n"
             "click edit_1\nfill to 13.00\nfill change_from 15.12.2026\nclick save_session\nexpect ændret fra\n"
             "fill svc_name_social Socialrådgivningen\nclick svc_save_social\n"
             "click svc_active_substance\n"
             "fill site_name Testhuset Nord\nclick save_site\n"
             "tab settings\nset set_kiosk.idle_seconds 120\nclick save_kiosk.idle_seconds\nexpect Indstillingen er gemt\n"
             "set set_kiosk.volume 140\nclick save_kiosk.volume\nexpect Ikke gemt\n",
         "2026-12-02T09:00");
    CHECK(w.text("SELECT status FROM booking WHERE nickname = 'Ugle'") == "booked");
    CHECK(w.count("SELECT count(*) FROM booking_status_change bc JOIN booking b ON b.id = bc.booking_id "
                  "WHERE b.nickname = 'Ugle' AND bc.to_status = 'centre_cancelled'") == 1);
    CHECK(w.count("SELECT count(*) FROM session_cancellation") == 0);
    CHECK(w.count("SELECT count(*) FROM closure WHERE first_date = '2026-12-24' AND last_date = '2026-12-26' "
                  "AND reason = 'Jul'") == 1);
    CHECK(w.text("SELECT last_date FROM session WHERE id = 1") == "2026-12-14");
    CHECK(w.count("SELECT count(*) FROM session WHERE replaces = 1 AND end_minute = 780 "
                  "AND first_date = '2026-12-15'") == 1);
    CHECK(w.text("SELECT name FROM service WHERE key = 'social'") == "Socialrådgivningen");
    CHECK(w.count("SELECT active FROM service WHERE key = 'substance'") == 0);
    CHECK(w.text("SELECT name FROM site") == "Testhuset Nord");
    CHECK(w.text("SELECT value FROM setting WHERE key = 'kiosk.idle_seconds'") == "120");
    CHECK(w.count("SELECT count(*) FROM setting WHERE key = 'kiosk.volume'") == 0);

    // Thursday: Jonas's walk-ins session ends (asked first); Sara's one-off, never booked, is
    // deleted; Mette's, which has bookings, cannot be deleted and the window says to end it.
    w.ok(std::string(kUnlock) + "tab timetable\n"
             "click end_2\nexpect kan ikke fortrydes\nclick confirm_yes\n"
             "click delete_3\nclick confirm_yes\nexpect Træffetiden er slettet\n"
             "click delete_1\nclick confirm_yes\nexpect Afslut den i stedet\n",
         "2026-12-03T09:00");
    CHECK(w.text("SELECT last_date FROM session WHERE id = 2") == "2026-12-03");
    CHECK(w.count("SELECT count(*) FROM session WHERE id = 3") == 0);
    CHECK(w.count("SELECT count(*) FROM session WHERE id = 1") == 1);

    // Friday: the booking made for next Tuesday is cancelled on the visitor's behalf (asked
    // first) and the undo books it again.
    w.ok(std::string(kUnlock) + "click next_day\nclick next_day\nclick next_day\nclick next_day\n"
             "expect tirsdag 8. december\nclick cancel_3\nclick confirm_yes\nexpect aflyst\nclick undo_3\n",
         "2026-12-04T09:00");
    CHECK(w.text("SELECT status FROM booking WHERE id = 3") == "booked");
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 3 AND to_status = 'cancelled' "
                  "AND actor = 'staff:anne'") == 1);

    // The week ends with the project lead's report for December, saved from the window.
    w.ok(std::string(kUnlock) + "tab reports\nfill period 2026-12\nclick show_report\n"
             "expect Bookinger, drop-in og udeblivelser\nclick save_report_html\nexpect Gemt som\nclick save_report_csv\n",
         "2026-12-04T15:00");
    const std::string html = admin_test::slurp((w.dir / "udskrifter" / "rapport-1-2026-12.html").string());
    CHECK(html.find("Testhuset Nord") != std::string::npos);
    CHECK_FALSE(admin_test::slurp((w.dir / "udskrifter" / "rapport-1-2026-12.csv").string()).empty());
    // Every timetable change of the week is in the event log under anne's login.
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable'") >= 8);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' AND message NOT LIKE 'staff:anne: %'") == 0);
}

}  // TEST_SUITE("week")
