// Staff mode on the kiosk by touch (issue 13 "From the kiosk", issue 15's printer line): the
// real kiosk headless on a script; the database is prepared and checked through the core API.
// The staff window test runs the real indgang-admin as the kiosk's child, on a script of its own.
#include "kiosk_harness.hpp"

#include "../print/printer_fixture.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/feedback/tally_store.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::kiosk_test;

namespace {

const Date kToday{std::chrono::year{2026}, std::chrono::month{11}, std::chrono::day{24}};
const std::string kPin = "2468";
const std::string kOpen = "staff-gesture\ntype " + kPin + "\ntap ###ok\nexpect-screen staff\n";

// Runs the kiosk at `now` (the harness runs at kNow).
int run_at(const Kiosk& k, const std::string& script, const std::string& now, const std::string& extra = "") {
    const auto s = k.dir / "run.kiosk";
    std::ofstream(s) << script;
    const std::string cmd = "INDGANG_NOW=" + now + " SDL_VIDEODRIVER=offscreen '" + KIOSK_BIN + "' --db '" + k.db_path +
                            "' --script '" + s.string() + "' --screenshots '" + (k.dir / "shots").string() + "' " +
                            extra + " >>'" + (k.dir / "kiosk.log").string() + "' 2>&1";
    const int rc = std::system(cmd.c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

Id site(const Kiosk& k) { return list_sites(*k.open()).front().id; }

Booking book_at(const Kiosk& k, const char* service, int minute, const char* nick) {
    auto db = k.open();
    const Id sv = get_service_by_key(*db, service).id;
    for (const auto& s : slots_for(*db, site(k), kToday, kToday, sv))
        if (s.start_minute == minute) return book(*db, {s.session_id, kToday, minute}, nick, local("2026-11-24T08:00"));
    FAIL("no slot at that time");
    return {};
}

std::string last_actor(const Kiosk& k, Id booking) {
    const auto h = status_history(*k.open(), booking);
    return h.empty() ? "" : h.back().actor;
}

}  // namespace

TEST_SUITE("staff-mode") {

TEST_CASE("staff mode shows the printer's state from its DLE EOT answer") {
    struct Case { const char* name; std::string status; const char* want; };
    for (const Case& c : {Case{"ready", print::status_reply(false, false, false), "Printer: ready"},
                          Case{"paper out", print::status_reply(false, false, true), "Printer: out of paper"},
                          Case{"cover open", print::status_reply(false, true, false), "Printer: cover open"},
                          Case{"offline", print::status_reply(true, false, false), "Printer: offline or not reachable"},
                          // n=2 bit 6: cutter jam or overheating
                          Case{"error", std::string("\x12\x52\x12", 3), "Printer: error (paper jam or too hot)"}}) {
        CAPTURE(c.name);
        Kiosk k(std::string("staff-printer-") + c.name);
        PrinterFixture printer(c.status);
        set_staff_pin(*k.open(), kPin);
        set_setting_checked(*k.open(), "printer.device", printer.url());
        const int rc = k.run(kOpen + "sleep 1\nwait 0.5\nexpect-text \"" + c.want + "\"\n", "--lang en");
        INFO(k.log());
        CHECK(rc == 0);
        // The staff screen asked the printer: one connection that is only the status query.
        REQUIRE_FALSE(printer.connections().empty());
        CHECK(printer.connections().front() == print::status_request());
    }
    Kiosk none("staff-printer-none");
    set_staff_pin(*none.open(), kPin);
    CHECK(none.run(kOpen + "expect-text \"Printer: none set\"\n", "--lang en") == 0);

    // Unplugged: nothing listens any more.
    int gone_port = 0;
    { PrinterFixture gone(""); gone_port = gone.port; }
    Kiosk off("staff-printer-unplugged");
    set_staff_pin(*off.open(), kPin);
    set_setting_checked(*off.open(), "printer.device", "tcp://127.0.0.1:" + std::to_string(gone_port));
    const int rc = off.run(kOpen + "sleep 1\nwait 0.5\nexpect-text \"Printer: offline or not reachable\"\n", "--lang en");
    INFO(off.log());
    CHECK(rc == 0);

    // Paper put back: the next check (every 15 s) says ready, without leaving staff mode.
    Kiosk back("staff-printer-refilled");
    PrinterFixture empty(print::status_reply(false, false, true));
    set_staff_pin(*back.open(), kPin);
    set_setting_checked(*back.open(), "printer.device", empty.url());
    const int rc2 = back.run(kOpen + "sleep 1\nwait 0.5\nexpect-text \"Printer: papiret er sluppet op\"\nshot staff-printer\n"
                             "expect-touch-targets\n",
                             "");   // Danish, the screenshot for docs
    INFO(back.log());
    CHECK(rc2 == 0);
}

TEST_CASE("daily work by touch: seen, no-show, undo, call the next walk-in, cancel today with whom to tell") {
    Kiosk k("staff-daily");
    set_staff_pin(*k.open(), kPin);
    const Booking early = book_at(k, "jobcentre", 10 * 60, "Ali");        // 10.00–10.20: over by 10.50
    const Booking later = book_at(k, "jobcentre", 11 * 60 + 20, "Mona");  // still to come
    const Id jobcentre = get_service_by_key(*k.open(), "jobcentre").id;
    const WalkInTicket first = take_number(*k.open(), site(k), jobcentre, local("2026-11-24T10:10"));
    const WalkInTicket second = take_number(*k.open(), site(k), jobcentre, local("2026-11-24T10:12"));
    const std::string e = std::to_string(early.id), l = std::to_string(later.id);
    const std::string script = kOpen + "expect-touch-targets\nshot staff-daily\n"
        // seen, then undo: back to booked
        "tap ###seen_b" + l + "\nexpect-text seen\ntap ###undo_b" + l + "\n"
        // a time still to come cannot be a no-show yet
        "expect-disabled ###noshow_b" + l + "\n"
        // the walk-in queue: the first waiting number is called
        "expect-text \"" + first.label + "\"\ntap ###call_next\nexpect-text \"" + second.label + "\"\n"
        // cancel today: pick, confirm, the list of visitors to tell
        "tap ###staff_cancel\nexpect-screen staff-cancel\nexpect-touch-targets\nshot staff-cancel\n"
        "tap-first cancel_\nexpect-text \"visitors are booked\"\nexpect-touch-targets\ntap ###cancel_no\nexpect-no-button ###cancel_yes\n"
        "tap-first cancel_\ntap ###cancel_yes\nexpect-text Mona\nexpect-text " + later.code + "\nshot staff-tell\n"
        "tap ###back\nexpect-screen staff\n";
    const int rc = run_at(k, script, "2026-11-24T10:50", "--lang en");
    INFO(k.log());
    REQUIRE(rc == 0);
    auto db = k.open();
    CHECK(get_booking(*db, early.id).status != BookingStatus::Seen);
    // Seen then undone, then the date was cancelled: the centre called it off, and Mona is told.
    const auto h = status_history(*db, later.id);
    REQUIRE(h.size() >= 3);
    CHECK(h[0].to == BookingStatus::Seen);
    CHECK(h[0].actor == "staff:kiosk");
    CHECK(h[1].to == BookingStatus::Booked);
    CHECK(get_booking(*db, later.id).status == BookingStatus::CentreCancelled);
    CHECK(is_session_cancelled(*db, later.session_id, kToday));
    CHECK(get_walkin(*db, first.id).status == WalkInStatus::Seen);
    CHECK(get_walkin(*db, second.id).status == WalkInStatus::Waiting);

    // The staff screens keep the touch rules on a portrait and a small panel too.
    for (const char* size : {"1080x1920", "1366x768"}) {
        CAPTURE(size);
        Kiosk s(std::string("staff-targets-") + size);
        set_staff_pin(*s.open(), kPin);
        book_at(s, "jobcentre", 10 * 60 + 40, "Bo");
        const int r = run_at(s, kOpen + "expect-touch-targets\ntap ###staff_cancel\nexpect-touch-targets\n"
                                        "tap-first cancel_\nexpect-touch-targets\n",
                             "2026-11-24T10:50", std::string("--lang en --size ") + size);
        INFO(s.log());
        CHECK(r == 0);
    }
}

TEST_CASE("staff mode opens the full staff window and comes back when it closes") {
    Kiosk k("staff-window");
    set_staff_pin(*k.open(), kPin);
    const Booking b = book_at(k, "jobcentre", 10 * 60 + 20, "Ali");
    // The staff window's own script: its PIN gate, mark the booking seen, done (the window closes).
    const auto admin_script = k.dir / "window.script";
    std::ofstream(admin_script) << "fill gate_pin " << kPin << "\nclick gate_open\nclick seen_" << b.id << "\n";
    const std::string extra = std::string("--lang en --admin-bin '") + ADMIN_BIN + "' --staff-window-script '" +
                              admin_script.string() + "'";
    const int rc = run_at(k, kOpen + "tap ###staff_window\nexpect-screen staff-window\nshot staff-window\n"
                                     "await-screen staff 120\nexpect-text seen\nexpect-no-text error\n",
                          "2026-11-24T10:30", extra);
    INFO(k.log());
    REQUIRE(rc == 0);
    CHECK(get_booking(*k.open(), b.id).status == BookingStatus::Seen);
    CHECK(last_actor(k, b.id).starts_with("staff"));
    // The kiosk kept drawing while the window was open (its loop, and so its watchdog, alive).
    const std::string log = k.log();
    const auto at = log.find("await-screen staff: ");
    REQUIRE(at != std::string::npos);
    CHECK(std::stoi(log.substr(at + 20)) >= 1);
    CHECK(log.find("staff window closed (exit code 0)") != std::string::npos);

    // A window that fails (its script cannot be done) still brings staff mode back, with a reason.
    std::ofstream(admin_script) << "fill gate_pin " << kPin << "\nclick gate_open\nclick no_such_button\n";
    const int rc2 = run_at(k, kOpen + "tap ###staff_window\nawait-screen staff 120\nexpect-text \"closed with an error\"\n",
                           "2026-11-24T10:30", extra);
    INFO(k.log());
    CHECK(rc2 == 0);

    // No staff window program: a clear message, staff mode stays.
    const int rc3 = run_at(k, kOpen + "tap ###staff_window\nexpect-screen staff\nexpect-text \"could not be opened\"\n",
                           "2026-11-24T10:30", "--lang en --admin-bin /nonexistent/indgang-admin");
    INFO(k.log());
    CHECK(rc3 == 0);
}
}

TEST_SUITE("comment") {
TEST_CASE("feedback.free_text on: the kiosk asks 'anything else?' on the keyboard; stored scrubbed; skippable") {
    std::string skips;
    for (int i = 0; i < 5; ++i) skips += "wait 1\ntap ###skip\n";
    const std::string to_comment = "tap ###lang_en\ntap ###feedback\nexpect-screen feedback-question\n" + skips +
                                   "expect-screen feedback-comment\nexpect-text \"anything else\"\n";
    Kiosk k("comment");
    set_setting_checked(*k.open(), "feedback.free_text", "1");
    int rc = k.run(to_comment + "expect-touch-targets\ntype \"Good place\"\n"
                                "wait 1\ntap ###send\nexpect-screen feedback-thanks\n");
    INFO(k.log());
    REQUIRE(rc == 0);
    auto db = k.open();
    feedback::attach_feedback_store(*db);
    auto st = db->prepare("SELECT group_concat(text, '|') FROM fb.comment");
    REQUIRE(st.step());
    const std::string stored = st.text(0);
    CHECK(stored.find("Good place") != std::string::npos);

    // Skipped: nothing stored for it; Back from the comment returns to the last question.
    Kiosk s("comment-skip");
    set_setting_checked(*s.open(), "feedback.free_text", "1");
    rc = s.run(to_comment + "type abc\ntap ###back\nexpect-screen feedback-question\nwait 1\ntap ###skip\n"
                            "expect-screen feedback-comment\nwait 1\ntap ###skip\nexpect-screen feedback-thanks\n");
    INFO(s.log());
    REQUIRE(rc == 0);
    auto sdb = s.open();
    feedback::attach_feedback_store(*sdb);
    auto c = sdb->prepare("SELECT count(*) FROM fb.comment");
    REQUIRE(c.step());
    CHECK(c.integer(0) == 0);

    // Off (the default): the form ends without the question.
    Kiosk off("comment-off");
    rc = off.run("tap ###lang_en\ntap ###feedback\n" + skips + "expect-screen feedback-thanks\n");
    INFO(off.log());
    CHECK(rc == 0);

    // In Danish, for the docs screenshot.
    Kiosk da("comment-da");
    set_setting_checked(*da.open(), "feedback.free_text", "1");
    std::string da_skips;
    for (int i = 0; i < 5; ++i) da_skips += "wait 1\ntap ###skip\n";
    rc = da.run("tap ###lang_da\ntap ###feedback\n" + da_skips + "expect-screen feedback-comment\ntype Rart sted\n"
                "shot feedback-comment\n");
    INFO(da.log());
    CHECK(rc == 0);
}
}
