// The rest of the staff job in the window, each asserted on what it leaves behind: the printable
// "visitors to tell" list, the report saved for a month, the upload target as a form (refused
// in Danish when wrong, stored owner-only, tested without sending anything), the check-in
// proof's code checked (yes or no, nothing else), and the staff login on every change.
#include "window_harness.hpp"

#include "core/domain/arrival_proof.hpp"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

using admin_test::kFirstRun;
using admin_test::kUnlock;
using admin_test::slurp;
using admin_test::Window;

namespace fs = std::filesystem;

namespace {

// Seven "next day" clicks: from Tuesday 1 December to Tuesday 8 December.
const char* kToNextTuesday =
    "click next_day\nclick next_day\nclick next_day\nclick next_day\nclick next_day\nclick next_day\nclick next_day\n";

}  // namespace

TEST_SUITE("job") {

TEST_CASE("the visitors-to-tell list is saved as a print-ready page with every booking the centre cancelled") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    const auto r = w.ok(std::string(kUnlock) + kToNextTuesday +
                            "expect tirsdag 8. december\n"
                            "fill nick Ravn & Co\nclick book_1_600\nfill nick Ugle\nclick book_1_640\n"
                            "tab timetable\nclick dates_1\nfill session_date 8.12.2026\nfill cancel_reason Mette er syg\n"
                            "click cancel_date\nclick confirm_yes\nexpect Ugle\n"
                            "click print_to_tell\nexpect Gemt som\n",
                        "2026-12-01T08:30");
    const fs::path file = w.dir / "udskrifter" / "give-besked-2026-12-01-0830.html";
    INFO(r.err);
    REQUIRE(fs::exists(file));
    const std::string html = slurp(file.string());
    CHECK(html.find("<html lang=\"da\"") != std::string::npos);
    CHECK(html.find("@media print") != std::string::npos);
    CHECK(html.find("aflyst") != std::string::npos);               // the Danish heading
    CHECK(html.find("Testhuset") != std::string::npos);
    CHECK(html.find("tirsdag 8. december") != std::string::npos);
    CHECK(html.find("10.00") != std::string::npos);
    CHECK(html.find("10.40") != std::string::npos);
    CHECK(html.find("Ravn &amp; Co") != std::string::npos);       // escaped, never raw markup
    CHECK(html.find("Ravn & Co") == std::string::npos);
    CHECK(html.find("Ugle") != std::string::npos);
    for (int64_t id : {1, 2}) {
        const std::string code = w.text("SELECT code FROM booking WHERE id = " + std::to_string(id));
        CHECK(html.find(code) != std::string::npos);
    }
    // Both bookings are the centre's to tell, and the audit trail says who cancelled the date.
    CHECK(w.count("SELECT count(*) FROM booking WHERE status = 'centre_cancelled'") == 2);
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE to_status = 'centre_cancelled' "
                  "AND actor = 'staff:anne'") == 2);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' "
                  "AND message = 'staff:anne: date 2026-12-08 of session 1 cancelled'") == 1);
}

TEST_CASE("the report for a month is saved as HTML and CSV from the window") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    w.ok(std::string(kUnlock) + "fill nick Ravn\nclick book_1_600\nclick book_1_620\n", "2026-12-01T08:30");
    w.ok(std::string(kUnlock) +
             "tab reports\nfill period 2026-12\nclick save_report_html\nexpect Gemt som\n"
             "click save_report_csv\nexpect Gemt som\n"
             "fill period 2026-Q4\nclick save_report_html\n"
             "fill period december\nclick save_report_html\nexpect Perioden\n",
         "2026-12-02T09:00");
    const fs::path html_file = w.dir / "udskrifter" / "rapport-1-2026-12.html";
    const fs::path csv_file = w.dir / "udskrifter" / "rapport-1-2026-12.csv";
    REQUIRE(fs::exists(html_file));
    REQUIRE(fs::exists(csv_file));
    CHECK(fs::exists(w.dir / "udskrifter" / "rapport-1-2026-Q4.html"));
    const std::string html = slurp(html_file.string());
    CHECK(html.find("<html lang=\"da\"") != std::string::npos);
    CHECK(html.find("Testhuset") != std::string::npos);
    // Two bookings on 1 December, both no-shows by the next morning: the figures are in the file.
    CHECK(w.count("SELECT count(*) FROM booking WHERE status = 'missed'") == 2);
    const std::string csv = slurp(csv_file.string());
    CHECK(csv.find("2026-12") != std::string::npos);
    // A spreadsheet for the project lead: Danish column names, measures and answers.
    CHECK(csv.rfind("Afsnit,Periode,Sted,Spørgsmål,Gruppe,Svar,Værdi,Skjult\r\n", 0) == 0);
    CHECK(csv.find(",Jobcenter,2026-12,Udeblevet,2,\r\n") != std::string::npos);
    for (const char* key : {"centre_cancelled", "no_show_rate", "activity_total", "not_stated"})
        CHECK(csv.find(key) == std::string::npos);
    CHECK(csv.find("Ravn") == std::string::npos);   // counts only, never a nickname
    CHECK(html.find("Ravn") == std::string::npos);
    // No half-written file is left beside them.
    for (const auto& e : fs::directory_iterator(w.dir / "udskrifter"))
        CHECK(e.path().extension() != ".tmp");
    // A saved file can leave the centre: each is a publication in the feedback file's ledger
    // (December as HTML and CSV, the quarter as HTML); showing on screen records nothing.
    indgang::db::Db fb((w.dir / "staff.feedback.db").string(), indgang::db::Db::Mode::ReadOnly);
    auto pubs = fb.prepare("SELECT group_concat(period || ':' || channel, ' ') FROM "
                           "(SELECT period, channel FROM publication ORDER BY period, channel)");
    REQUIRE(pubs.step());
    CHECK(pubs.text(0) == "2026-12:csv 2026-12:html 2026-Q4:html");
}

TEST_CASE("the upload target is a form: refused in Danish when wrong, stored owner-only, tested without sending") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    const fs::path config = w.dir / "upload.json";
    // Plain http would send the extract and the token in the clear: refused, nothing written.
    w.ok(std::string(kUnlock) + "tab upload\nfill up_url http://filer.kommune.dk/indgang/\nclick up_save\n"
                                "expect skal begynde med https://\n",
         "2026-12-01T09:00");
    CHECK_FALSE(fs::exists(config));
    // A PUT target names a folder.
    w.ok(std::string(kUnlock) + "tab upload\nfill up_url https://127.0.0.1:9/indgang\nclick up_save\nexpect '/'\n",
         "2026-12-01T09:00");
    CHECK_FALSE(fs::exists(config));

    // A good one is stored owner-only with the token, which the window never shows again.
    const std::string texts = (w.dir / "upload-texts.txt").string();
    w.ok(std::string(kUnlock) +
             "tab upload\nfill up_url https://127.0.0.1:9/indgang/\nfill up_token s3cret-T0ken\nclick up_save\n"
             "expect kun denne bruger\n"
             // Port 9 (discard) is closed here: the test says so in plain words, sends nothing.
             "click up_test\nexpect Ingen forbindelse\n",
         "2026-12-01T09:00", {"--dump-texts", texts});
    REQUIRE(fs::exists(config));
    struct stat st {};
    REQUIRE(::stat(config.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const std::string json = slurp(config.string());
    CHECK(json.find("\"url\": \"https://127.0.0.1:9/indgang/\"") != std::string::npos);
    CHECK(json.find("s3cret-T0ken") != std::string::npos);
    CHECK(slurp(texts).find("s3cret-T0ken") == std::string::npos);
    CHECK(w.text("SELECT value FROM setting WHERE key = 'upload.config'") == fs::absolute(config).string());
    CHECK(w.count("SELECT count(*) FROM upload_attempt") == 0);   // a test is not an attempt

    // Saved again without a token: the saved one stays; the form shows it is there.
    w.ok(std::string(kUnlock) + "tab upload\nexpect gemt; lad feltet stå tomt\nclick up_save\n", "2026-12-01T09:05");
    CHECK(slurp(config.string()).find("s3cret-T0ken") != std::string::npos);

    // Someone made the file readable by others and added a timeout by hand: the tab says it is
    // refused; saving the form keeps the timeout and makes the file owner-only again.
    {
        std::ofstream(config, std::ios::trunc)
            << "{\"url\": \"https://127.0.0.1:9/indgang/\", \"connect_timeout_seconds\": 7}\n";
    }
    ::chmod(config.c_str(), 0644);
    w.ok(std::string(kUnlock) + "tab upload\nexpect afvises\nclick up_save\nrefuse afvises\n", "2026-12-01T09:10");
    REQUIRE(::stat(config.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    CHECK(slurp(config.string()).find("\"connect_timeout_seconds\": 7") != std::string::npos);
}

TEST_CASE("the check-in proof's code is checked in the window: yes or no for that minute, nothing else") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    w.ok(std::string(kUnlock) + "fill nick Ravn\nclick book_1_600\n", "2026-12-01T08:30");
    const std::string code = w.text("SELECT code FROM booking WHERE id = 1");
    w.ok(std::string(kUnlock) + "fill checkin_code " + code + "\nclick check_in\nexpect Tjekket ind\n", "2026-12-01T09:45");
    // The front desk checked the visitor in: the audit trail names the login, not "kiosk".
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 1 AND to_status = 'checked_in' "
                  "AND actor = 'staff:anne'") == 1);
    std::string proof;
    {
        auto db = indgang::db::open_store(w.db);
        const int64_t at = w.count("SELECT checked_in_at FROM booking WHERE id = 1");
        proof = indgang::arrival_code(*db, 1, 1, at);
    }
    // The next day a jobcentre calls about the slip.
    const std::string ask = std::string(kUnlock) + "fill proof_code " + proof + "\nfill proof_date 1.12.2026\n";
    const auto yes = w.ok(ask + "fill proof_time 9.45\nclick proof_check\nexpect Ja:\nrefuse Nej:\n"
                                "refuse Ravn\nrefuse " + code + "\nrefuse Mette\n",
                          "2026-12-02T10:00");
    w.ok(ask + "fill proof_time 9.46\nclick proof_check\nexpect Nej:\nrefuse Ja:\n", "2026-12-02T10:00");
    w.ok(std::string(kUnlock) + "fill proof_code ABC-DEF\nfill proof_date 1.12.2026\nfill proof_time 9.45\n"
                                "click proof_check\nexpect Nej:\n",
         "2026-12-02T10:00");
    w.ok(std::string(kUnlock) + "fill proof_code " + proof + "\nfill proof_date 1.12.2026\nfill proof_time ni\n"
                                "click proof_check\nexpect som på kvitteringen\nrefuse Ja:\n",
         "2026-12-02T10:00");
}

TEST_CASE("a booking made on a visitor's behalf by mistake is undone in one click, and the time is free again") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    w.ok(std::string(kUnlock) + "fill nick Ravn\nclick book_1_600\nexpect Booket kl. 10.00\n"
                                "click undo_book\nexpect er fortrudt\nrefuse lige lavede\n"
                                "fill nick Ugle\nclick book_1_600\nexpect Booket kl. 10.00\n",
         "2026-12-01T08:30");
    CHECK(w.text("SELECT status FROM booking WHERE id = 1") == "cancelled");
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 1 AND to_status = 'cancelled' "
                  "AND actor = 'staff:anne'") == 1);
    CHECK(w.text("SELECT status FROM booking WHERE id = 2") == "booked");
    CHECK(w.text("SELECT nickname FROM booking WHERE id = 2") == "Ugle");
}

TEST_CASE("every timetable change made in the window names the staff login in the audit trail") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    w.ok(std::string(kUnlock) + kToNextTuesday + "fill nick Ugle\nclick book_1_600\n" +
             "tab timetable\n"
             "click dates_1\nfill session_date 8.12.2026\nclick cancel_date\nclick confirm_yes\nclick told\n"
             "click dates_1\nfill session_date 8.12.2026\nclick restore_date\n"
             "fill closure_from 8.12.2026\nfill closure_to 8.12.2026\nfill closure_reason Kursus\n"
             "click add_closure\nclick confirm_yes\nclick reopen_1\n"
             "set svc 1\nfill cw Jonas\nset wd 3\nfill from 13.00\nfill to 15.00\nclick add_session\n"
             "click edit_1\nfill to 13.00\nfill change_from 15.12.2026\nclick save_session\n"
             "click end_2\nclick confirm_yes\n",
         "2026-12-01T08:30");
    // The booking went centre-cancelled and back twice (date, closure), each by anne.
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 1") == 4);
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE booking_id = 1 AND actor = 'staff:anne'") == 4);
    CHECK(w.text("SELECT status FROM booking WHERE id = 1") == "booked");
    // One event per change, each naming anne: first-run session, cancel, restore, close, reopen,
    // add, edit, end.
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable'") == 8);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' AND message LIKE 'staff:anne: %'") == 8);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' AND message LIKE '%session 2 ended%'") == 1);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' AND message LIKE '%closure 1 removed%'") == 1);
    // Nobody is the anonymous "staff" when the window knows the login.
    CHECK(w.count("SELECT count(*) FROM booking_status_change WHERE actor = 'staff'") == 0);
    CHECK(w.count("SELECT count(*) FROM event_log WHERE kind = 'timetable' AND message LIKE 'staff: %'") == 0);
}

}  // TEST_SUITE("job")
