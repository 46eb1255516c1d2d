// The threat of docs/privacy.md, tested on raw bytes: someone copies every file of the store (main
// file, its WAL and shared memory, the feedback file and its journal) right after each of several
// forms, bookings and check-ins. No copy may let them order or date the forms, or join a form to a
// booking; an erased nickname must be in no file.
#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/retention.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/aggregate.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <regex>

using namespace indgang;
using namespace indgang::feedback;
namespace fs = std::filesystem;

namespace {

constexpr Instant kNow = 1795528030;   // 2026-11-24 13:47 UTC, a Tuesday

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Everything a copier gets: the bytes of each file (missing files are empty) and its mtime.
struct Copy {
    std::string main, wal, shm, fb, fb_journal;
    std::time_t fb_mtime = 0, fb_journal_mtime = 0;
};

struct Centre {
    fs::path dir;
    std::unique_ptr<db::Db> db;
    Id site = 0, session = 0;
    Form the_form = load_default_form();
    SubmissionLimiter limiter{{1000, 1000, 0}};
    int64_t ms = 0;
    int next = 0;

    explicit Centre(const std::string& name) {
        dir = fs::temp_directory_path() / ("indgang-privacy-" + name + "-" + std::to_string(::getpid()));
        fs::remove_all(dir);
        fs::create_directories(dir);
        db = db::open_store((dir / "indgang.db").string());
        ensure_standard_services(*db);
        indgang::Site s;
        s.name = "Kilden";
        site = add_site(*db, s);
        db->cached("INSERT INTO session(site_id, service_id, caseworker, weekday, first_date, start_minute, "
                   "end_minute, slot_minutes) VALUES (?, ?, 'Mette', 2, '2026-01-06', 600, 720, 20)")
            .bind(site, get_service_by_key(*db, "jobcentre").id)
            .exec();
        session = db->last_insert_id();
        REQUIRE(attach_feedback_store(*db));
    }
    ~Centre() {
        db.reset();
        fs::remove_all(dir);
    }
    Copy copy() const {
        Copy c;
        c.main = slurp(dir / "indgang.db");
        c.wal = slurp(dir / "indgang.db-wal");
        c.shm = slurp(dir / "indgang.db-shm");
        c.fb = slurp(dir / "indgang.feedback.db");
        c.fb_journal = slurp(dir / "indgang.feedback.db-journal");
        struct stat st {};
        if (::stat((dir / "indgang.feedback.db").c_str(), &st) == 0) c.fb_mtime = st.st_mtime;
        if (::stat((dir / "indgang.feedback.db-journal").c_str(), &st) == 0) c.fb_journal_mtime = st.st_mtime;
        return c;
    }
    // A booking with a nickname on `date`, as the kiosk makes it (timestamps and all).
    Id booking(const char* date, const char* nickname) {
        ++next;
        const int64_t start = kNow - 3600 + next * 1200;
        db->cached("INSERT INTO booking(session_id, slot_date, slot_start, slot_end, nickname, code, status, "
                   "created_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?)")
            .bind(session, date, start, start + 1200, nickname, std::to_string(20000 + next), kNow - 86400)
            .exec();
        return db->last_insert_id();
    }
    // Check-in and seen, each with its audit row: the timestamps a copier would join forms against.
    void status(Id booking, const char* from, const char* to, Instant at) {
        db::Transaction tx(*db);
        db->cached("UPDATE booking SET status = ?, status_at = ?, checked_in_at = coalesce(checked_in_at, ?) WHERE id = ?")
            .bind(to, at, std::string(to) == "checked_in" ? std::optional<int64_t>(at) : std::nullopt, booking)
            .exec();
        db->cached("INSERT INTO booking_status_change(booking_id, at, from_status, to_status, actor) "
                   "VALUES (?, ?, ?, ?, 'kiosk')")
            .bind(booking, at, from, to)
            .exec();
        tx.commit();
    }
    void form(const Draft& d, Instant at) {
        ms += 60'000;
        REQUIRE(submit_feedback(*db, site, the_form, d, at, limiter, ms).stored);
    }
};

Draft draft(std::initializer_list<std::pair<const char*, const char*>> answers) {
    Draft d;
    for (const auto& [q, a] : answers) d.answer(q, a);
    return d;
}

std::vector<Draft> some_forms() {
    const char* svc[] = {"jobcentre", "social", "skp", "jobcentre", "benefits", "jobcentre"};
    std::vector<Draft> out;
    for (int i = 0; i < 12; ++i) {
        Draft d = draft({{"safe", std::to_string(1 + i % 5).c_str()}, {"again", std::to_string(1 + (i * 3) % 5).c_str()}});
        if (i % 4 != 3) d.answer("service", svc[i % 6]);   // every fourth skips the service question
        out.push_back(d);
    }
    return out;
}

std::time_t first_of_month_utc(int y, int m) {
    std::tm tm{};
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = 1;
    return ::timegm(&tm);
}

}  // namespace

TEST_CASE("copies after each form, booking and check-in: forms touch only the feedback file, bookings never it") {
    Centre s("interleave");
    const auto forms = some_forms();
    std::mt19937 rng(11);
    int form_i = 0;
    std::vector<Id> booked;
    Copy before = s.copy();
    const std::regex full_date("20[0-9]{2}-[01][0-9]-[0-3][0-9]");
    const std::time_t nov = first_of_month_utc(2026, 11);
    int forms_done = 0, other_done = 0;
    for (int step = 0; step < 36; ++step) {
        const int what = static_cast<int>(rng() % 3);
        const Instant at = kNow + step * 97;
        const bool is_form = what == 0 && form_i < static_cast<int>(forms.size());
        if (is_form) {
            s.form(forms[static_cast<size_t>(form_i++)], at);
        } else if (what == 1 || booked.empty()) {
            booked.push_back(s.booking("2026-11-24", ("Visitor" + std::to_string(step)).c_str()));
        } else {
            s.status(booked.back(), "booked", "checked_in", at);
            s.status(booked.back(), "checked_in", "seen", at + 60);
        }
        // The kiosk re-reads the main file within a second of any change (its data_version poll),
        // which sets the WAL read mark in -shm to the newest frame. Without that read, a form's own
        // read of the settings would be the one to move it (docs/privacy.md, residuals).
        if (!is_form) s.db->cached("SELECT count(*) FROM booking").bind().exec();
        const Copy after = s.copy();
        INFO("step " << step << (is_form ? " (form)" : " (booking/check-in)"));
        if (is_form) {
            // The form left no trace in the main file, its WAL or its shared memory: nothing there
            // sits between, before or after the check-ins.
            CHECK(after.main == before.main);
            CHECK(after.wal == before.wal);
            CHECK(after.shm == before.shm);
            ++forms_done;
        } else {
            CHECK(after.fb == before.fb);
            ++other_done;
        }
        // The feedback file holds no day, its journal holds no page, and its times say only the month.
        CHECK_FALSE(std::regex_search(after.fb, full_date));
        CHECK(after.fb_journal.empty());
        CHECK(after.fb_mtime == nov);
        if (!after.fb_journal.empty() || after.fb_journal_mtime != 0) CHECK(after.fb_journal_mtime == nov);
        before = after;
    }
    CHECK(forms_done >= 8);
    CHECK(other_done >= 8);
}

TEST_CASE("the feedback file is the same bytes whatever order the forms came in") {
    const auto forms = some_forms();
    Centre a("order-a"), b("order-b");
    for (size_t i = 0; i < forms.size(); ++i) {
        a.form(forms[i], kNow + static_cast<Instant>(i) * 300);
        if (i % 3 == 0) a.booking("2026-11-24", "X");
    }
    std::vector<size_t> order(forms.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(7);
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t k = 0; k < order.size(); ++k) {
        if (k % 2 == 0) b.booking("2026-11-24", "Y");
        b.form(forms[order[k]], kNow + 7200 + static_cast<Instant>(k) * 41);
    }
    const Copy ca = a.copy(), cb = b.copy();
    REQUIRE(ca.fb.size() > 0);
    // Byte for byte: no cell position, freed space, page order or counter tells which came first.
    CHECK(ca.fb == cb.fb);
    // And the forms' answers are in there (so the comparison compares something).
    CHECK(a.db->cached("SELECT sum(n) FROM fb.form_count").bind().first([](db::Stmt& st) { return st.int64(0); }) == 12);
}

TEST_CASE("an erased nickname is in no file: main, WAL or feedback") {
    Centre s("erase");
    const std::string nick = "Zebrafinke";
    const Id b = s.booking("2026-11-10", nick.c_str());
    s.status(b, "booked", "checked_in", kNow - 14 * 86400);
    s.form(draft({{"safe", "2"}, {"service", "jobcentre"}}), kNow);
    // Sanity: before the erasure the nickname is in the bytes, so the check below can fail.
    Copy c = s.copy();
    CHECK((c.main + c.wal).find(nick) != std::string::npos);
    CHECK(purge_personal_data(*s.db, kNow) == 1);
    c = s.copy();
    CHECK(c.main.find(nick) == std::string::npos);
    CHECK(c.wal.find(nick) == std::string::npos);
    CHECK(c.shm.find(nick) == std::string::npos);
    CHECK(c.fb.find(nick) == std::string::npos);
    CHECK(c.wal.empty());   // checkpointed and truncated, not waiting for the next checkpoint
}

TEST_CASE("forms stored one row each by an earlier version are counted over and leave no copy") {
    const fs::path dir = fs::temp_directory_path() / ("indgang-privacy-legacy-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    {
        auto db = db::open_store((dir / "indgang.db").string());
        ensure_standard_services(*db);
        indgang::Site s;
        s.name = "Kilden";
        const Id site = add_site(*db, s);
        // As the old code wrote them (the main schema still has the tables).
        db->cached("INSERT INTO feedback_response(id, site_id, day, form_id, form_version) VALUES "
                   "('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', ?, '2026-11-03', 'conversation', 1)")
            .bind(site)
            .exec();
        db->exec("INSERT INTO feedback_answer VALUES ('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'safe', '1'), "
                 "('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'service', 'skp')");
    }
    {
        auto db = db::open_store((dir / "indgang.db").string());
        REQUIRE(attach_feedback_store(*db));
        CHECK(db->cached("SELECT n FROM fb.tally WHERE grp = 'skp' AND question = 'safe' AND answer = '1' "
                         "AND month = '2026-11'")
                  .bind()
                  .first([](db::Stmt& st) { return st.int64(0); }) == 1);
        CHECK(db->cached("SELECT count(*) FROM main.feedback_response").bind().first([](db::Stmt& st) {
                  return st.int64(0);
              }) == 0);
    }
    const std::string main = slurp(dir / "indgang.db") + slurp(dir / "indgang.db-wal");
    CHECK(main.find("aaaaaaaaaaaaaaaa") == std::string::npos);
    CHECK(main.find("2026-11-03") == std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("a publication between forms leaves the feedback file the same bytes whatever their order") {
    // The ledger is in the feedback file: a copy must not tell which forms came before and which
    // after a report went out, beyond the month they are counted in (forms after the November
    // report count in December, as the ledger's rule says).
    const auto forms = some_forms();
    auto run = [&](Centre& c, unsigned seed) {
        std::vector<size_t> order(forms.size());
        for (size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::mt19937 rng(seed);
        std::shuffle(order.begin(), order.begin() + 6, rng);
        std::shuffle(order.begin() + 6, order.end(), rng);
        for (size_t k = 0; k < order.size(); ++k) {
            if (k == 6) {
                report::ReportOptions o;
                o.record = true;
                (void)report::build_report(*c.db, c.site, report::parse_period("2026-11"), c.the_form, o);
            }
            c.form(forms[order[k]], kNow + static_cast<Instant>(k) * 300);
        }
        return c.db->cached("SELECT id FROM fb.publication").bind().first([](db::Stmt& st) { return st.text(0); }).value_or("");
    };
    Centre a("pub-a"), b("pub-b");
    const std::string ida = run(a, 3), idb = run(b, 11);
    REQUIRE(ida.size() == 32);
    REQUIRE(idb.size() == 32);
    Copy ca = a.copy(), cb = b.copy();
    // The publication's random key is the one thing that differs; put the same one in both.
    for (auto* c : {&ca, &cb}) {
        const std::string& id = c == &ca ? ida : idb;
        for (size_t at = c->fb.find(id); at != std::string::npos; at = c->fb.find(id, at + 1))
            c->fb.replace(at, id.size(), std::string(32, 'k'));
    }
    CHECK(ca.fb == cb.fb);
    CHECK(a.db->cached("SELECT sum(n) FROM fb.form_count WHERE month = '2026-12'").bind().first([](db::Stmt& st) {
        return st.int64(0);
    }) == 6);
    CHECK_FALSE(std::regex_search(ca.fb, std::regex("20[0-9][0-9]-[01][0-9]-[0-3][0-9]")));
}
