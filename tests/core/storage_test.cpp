// Storage: connection pragmas, application id and schema version, migrations from every earlier
// version, and the files open_store must refuse (newer, not ours, corrupt) without touching them.
#include "world.hpp"

#include "core/db/migrations.hpp"

#include <fstream>
#include <iterator>
#include <random>

using namespace indgang;
using namespace world;

namespace {

std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::optional<db::StoreError::Kind> store_error_of(const std::string& path,
                                                   db::Db::Mode mode = db::Db::Mode::ReadWrite) {
    try {
        db::open_store(path, mode);
    } catch (const db::StoreError& e) {
        return e.kind;
    }
    return std::nullopt;
}

std::string journal_mode(db::Db& db) {
    auto s = db.prepare("PRAGMA journal_mode");
    REQUIRE(s.step());
    return s.text(0);
}

void check_connection_pragmas(db::Db& db) {
    CHECK(journal_mode(db) == "wal");
    CHECK(db.pragma_int("synchronous") == 2);   // FULL
    CHECK(db.pragma_int("foreign_keys") == 1);
    CHECK(db.pragma_int("busy_timeout") >= 1000);
}

// A plain SQLite file written by some other program (rollback journal, its own table).
void write_foreign_db(const std::string& path, int application_id = 0) {
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    std::string sql = "CREATE TABLE notes(id INTEGER PRIMARY KEY, text TEXT);"
                      "INSERT INTO notes(text) VALUES ('indkøbsliste'), ('mælk');";
    if (application_id) sql += "PRAGMA application_id = " + std::to_string(application_id) + ";";
    REQUIRE(sqlite3_exec(raw, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
}

// Representative rows that are valid from schema version 1 on (every table of migration 1).
// When a migration adds a table or column, add rows for it here under `if (k >= N)`.
void insert_representative(db::Db& db, int k) {
    if (k < 1) return;   // version 0: an empty file, nothing to keep
    db.exec(R"sql(
INSERT INTO site(id, name, address) VALUES (1, 'Værestedet Kilden', 'Kildevej 12');
INSERT INTO opening_hours VALUES (1, 2, 540, 960);
INSERT INTO service(id, key, name, walkin_prefix) VALUES (1, 'jobcentre', 'Jobcenter', 'A');
INSERT INTO session(id, site_id, service_id, caseworker, weekday, first_date, start_minute,
                    end_minute, slot_minutes, walkin_minutes)
    VALUES (1, 1, 1, 'Mette', 2, '2026-04-07', 600, 720, 20, 20);
INSERT INTO session_cancellation VALUES (1, '2026-05-12', 'syg', 1777000000);
INSERT INTO booking(id, session_id, slot_date, slot_start, slot_end, nickname, code, status,
                    created_at)
    VALUES (1, 1, '2026-05-05', 1777968000, 1777969200, 'سارة', '48213', 'booked', 1777870000),
           (2, 1, '2026-05-05', 1777969200, 1777970400, NULL, '90817', 'checked_in', 1777870000);
INSERT INTO walkin(site_id, service_id, day, number, created_at)
    VALUES (1, 1, '2026-05-05', 1, 1777968300);
INSERT INTO feedback_response VALUES ('00112233445566778899aabbccddeeff', 1, '2026-05-05', 'f', 1);
INSERT INTO feedback_answer VALUES ('00112233445566778899aabbccddeeff', 'safe', '4');
INSERT INTO setting VALUES ('booking.window_days', '10');
INSERT INTO event_log(at, kind, message) VALUES (1777000000, 'test', 'representative');
)sql");
}

void check_representative(db::Db& db, int k) {
    if (k < 1) {
        CHECK(list_sites(db).empty());
        return;
    }
    const auto sites = list_sites(db);
    REQUIRE(sites.size() == 1);
    CHECK(sites[0].name == "Værestedet Kilden");
    REQUIRE(sites[0].hours.size() == 1);
    CHECK(sites[0].hours[0].open_minute == 540);
    const Session s = get_session(db, 1);
    CHECK(s.caseworker == "Mette");
    CHECK(s.walkin_minutes == 20);
    CHECK(is_session_cancelled(db, 1, ymd(2026, 5, 12)));
    const Booking b = get_booking(db, 1);
    CHECK(b.nickname == "سارة");
    CHECK(b.code == "48213");
    CHECK(get_booking(db, 2).status == BookingStatus::CheckedIn);
    CHECK(find_live_booking(db, "90817").has_value());
    CHECK(get_setting(db, "booking.window_days") == "10");
    auto q = db.prepare("SELECT (SELECT count(*) FROM walkin), (SELECT count(*) FROM feedback_answer), "
                        "(SELECT count(*) FROM event_log WHERE kind = 'test')");
    REQUIRE(q.step());
    CHECK(q.int64(0) == 1);
    CHECK(q.int64(1) == 1);
    CHECK(q.int64(2) == 1);
}

// A real Indgang database with enough rows to span many pages.
void write_real_db(const std::string& path) {
    World w(path);
    const Id s = w.weekly(w.jobcentre, 2, hm(8, 0), hm(20, 0), 5);
    for (int m = hm(8, 0); m < hm(20, 0); m += 5)
        book(*w.db, {s, ymd(2026, 5, 5), m}, "Besøgende med et ret langt kaldenavn", may(4, 9, 0));
    for (int i = 0; i < 200; ++i)
        log_event(*w.db, i, "filler", std::string(300, static_cast<char>('a' + i % 26)));
}

// Overwrites every page but the first (the header) with pseudo-random bytes.
void corrupt_pages(const std::string& path, int page_size = 4096) {
    std::string bytes = read_bytes(path);
    REQUIRE(bytes.size() >= static_cast<size_t>(4 * page_size));
    std::mt19937 rng(42);
    for (size_t i = static_cast<size_t>(page_size); i < bytes.size(); ++i)
        bytes[i] = static_cast<char>(rng() & 0xff);
    write_bytes(path, bytes);
}

}  // namespace

TEST_SUITE("storage") {

TEST_CASE("every connection: WAL, synchronous=FULL, foreign_keys=ON, a busy timeout") {
    TempDir dir;
    const std::string path = dir.file("pragmas.db");
    auto db = db::open_store(path);
    check_connection_pragmas(*db);
    {
        auto second = db::open_store(path);   // a second process or the kiosk next to the admin
        check_connection_pragmas(*second);
    }
    db::Db plain(path);
    check_connection_pragmas(plain);
    auto ro = db::open_store(path, db::Db::Mode::ReadOnly);
    check_connection_pragmas(*ro);
    CHECK(ro->read_only());

    // foreign_keys is enforced, not just reported.
    try {
        db->exec("INSERT INTO session(site_id, service_id, first_date, start_minute, end_minute, "
                 "slot_minutes) VALUES (999, 999, '2026-05-05', 600, 660, 20)");
        FAIL("a session for a missing site was stored");
    } catch (const db::Error& e) {
        CHECK(e.is_constraint());
    }
}

TEST_CASE("application_id and user_version mark the file as Indgang's, current schema") {
    TempDir dir;
    auto db = db::open_store(dir.file("ids.db"));
    CHECK(db->pragma_int("application_id") == db::kApplicationId);
    CHECK(db->pragma_int("user_version") == db::schema_version());
    CHECK(db::schema_version() == static_cast<int>(db::migrations().size()));
    CHECK(db::schema_version() >= 1);
    CHECK(db::integrity_check(*db) == "ok");
    // An in-memory store is migrated too.
    auto mem = db::open_store(":memory:");
    CHECK(mem->pragma_int("user_version") == db::schema_version());
}

TEST_CASE("migrations from every earlier version keep the data") {
    for (int k = 0; k <= db::schema_version(); ++k) {
        CAPTURE(k);
        TempDir dir;
        const std::string path = dir.file("v" + std::to_string(k) + ".db");
        {
            db::Db raw(path);
            db::migrate(raw, k);
            REQUIRE(raw.pragma_int("user_version") == k);
            insert_representative(raw, k);
        }
        {
            auto db = db::open_store(path);
            CHECK(db->pragma_int("user_version") == db::schema_version());
            CHECK(db->pragma_int("application_id") == db::kApplicationId);
            check_representative(*db, k);
            CHECK(db::integrity_check(*db) == "ok");
        }
        {
            auto db = db::open_store(path);   // opening again is a no-op
            CHECK(db->pragma_int("user_version") == db::schema_version());
            check_representative(*db, k);
        }
    }
}

TEST_CASE("a migration runs in one transaction: a failure leaves the version and schema as they were") {
    TempDir dir;
    db::Db raw(dir.file("half.db"));
    // A table that migration 1 also creates, so it fails part-way through.
    raw.exec("CREATE TABLE walkin(x)");
    CHECK_THROWS_AS(db::migrate(raw), db::Error);
    CHECK(raw.pragma_int("user_version") == 0);
    auto s = raw.prepare("SELECT count(*) FROM sqlite_master WHERE name IN ('site', 'booking')");
    REQUIRE(s.step());
    CHECK(s.int64(0) == 0);   // the tables created before the failure were rolled back
}

TEST_CASE("a database from a newer Indgang is refused (TooNew) and left alone") {
    TempDir dir;
    const std::string path = dir.file("newer.db");
    {
        auto db = db::open_store(path);
        db->exec("PRAGMA user_version = " + std::to_string(db::schema_version() + 1));
    }
    const std::string before = read_bytes(path);
    CHECK(store_error_of(path) == db::StoreError::Kind::TooNew);
    CHECK(store_error_of(path, db::Db::Mode::ReadOnly) == db::StoreError::Kind::TooNew);
    CHECK(read_bytes(path) == before);
    db::Db raw(path, db::Db::Mode::ReadOnly);
    CHECK(raw.pragma_int("user_version") == db::schema_version() + 1);
}

TEST_CASE("another program's SQLite file is refused (NotOurs)") {
    TempDir dir;
    const std::string path = dir.file("notes.db");
    write_foreign_db(path);
    CHECK(store_error_of(path) == db::StoreError::Kind::NotOurs);
    // Its data is untouched: no Indgang tables were added.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
    sqlite3_stmt* st = nullptr;
    REQUIRE(sqlite3_prepare_v2(raw, "SELECT count(*) FROM sqlite_master", -1, &st, nullptr) == SQLITE_OK);
    REQUIRE(sqlite3_step(st) == SQLITE_ROW);
    CHECK(sqlite3_column_int(st, 0) == 1);
    sqlite3_finalize(st);
    sqlite3_close(raw);

    const std::string other = dir.file("other-app.db");
    write_foreign_db(other, 0x12345678);
    CHECK(store_error_of(other) == db::StoreError::Kind::NotOurs);
}

TEST_CASE("refusing another program's SQLite file does not modify it") {
    // open_store must not write to a file it refuses; switching it to WAL rewrites its header.
    TempDir dir;
    const std::string path = dir.file("notes.db");
    write_foreign_db(path);
    const std::string before = read_bytes(path);
    CHECK(store_error_of(path) == db::StoreError::Kind::NotOurs);
    CHECK(read_bytes(path) == before);
}

TEST_CASE("a corrupted database is refused (Corrupt) and never written to") {
    TempDir dir;
    const std::string path = dir.file("damaged.db");
    write_real_db(path);
    {
        auto db = db::open_store(path);
        CHECK(db::integrity_check(*db) == "ok");
        CHECK(journal_mode(*db) == "wal");
    }
    corrupt_pages(path);
    const std::string before = read_bytes(path);
    CHECK(store_error_of(path) == db::StoreError::Kind::Corrupt);
    CHECK(read_bytes(path) == before);
    CHECK(store_error_of(path, db::Db::Mode::ReadOnly) == db::StoreError::Kind::Corrupt);
    CHECK(read_bytes(path) == before);
    // Trying again gives the same answer: nothing was "repaired" behind our back.
    CHECK(store_error_of(path) == db::StoreError::Kind::Corrupt);
    CHECK(read_bytes(path) == before);
}

TEST_CASE("a file that is not SQLite at all is refused and left as it was") {
    TempDir dir;
    const std::string path = dir.file("garbage.db");
    std::string junk(8192, '\0');
    std::mt19937 rng(7);
    for (auto& c : junk) c = static_cast<char>(rng() & 0xff);
    write_bytes(path, junk);
    CHECK(store_error_of(path) == db::StoreError::Kind::Corrupt);
    CHECK(read_bytes(path) == junk);
}

TEST_CASE("a corrupted database in rollback-journal mode (e.g. a copy) is not written to either") {
    // A backup copy or a file from another tool may not be in WAL mode. quick_check must come
    // before anything that writes, including switching the journal mode.
    TempDir dir;
    const std::string path = dir.file("damaged-copy.db");
    write_real_db(path);
    {
        sqlite3* raw = nullptr;
        REQUIRE(sqlite3_open(path.c_str(), &raw) == SQLITE_OK);
        REQUIRE(sqlite3_exec(raw, "PRAGMA journal_mode=DELETE", nullptr, nullptr, nullptr) == SQLITE_OK);
        sqlite3_close(raw);
    }
    corrupt_pages(path);
    const std::string before = read_bytes(path);
    CHECK(store_error_of(path) == db::StoreError::Kind::Corrupt);
    CHECK(read_bytes(path) == before);
}

TEST_CASE("opening a missing file read-only is Unavailable and creates nothing") {
    TempDir dir;
    const std::string path = dir.file("missing.db");
    CHECK(store_error_of(path, db::Db::Mode::ReadOnly) == db::StoreError::Kind::Unavailable);
    CHECK_FALSE(std::filesystem::exists(path));
}

}  // TEST_SUITE
