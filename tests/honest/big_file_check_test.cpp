// A database too big for integrity_check at every open (core/db/store.hpp: kFullCheckBytes) gets
// quick_check at open and the full check from housekeeping once a day. Attacked as an outsider
// would: a file just over the limit with an index that quick_check cannot see is wrong.
#include "core/db/store.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/housekeeping.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

using namespace indgang;
namespace fs = std::filesystem;

namespace {

constexpr Instant kTuesday = 1796126400;   // 2026-12-01 12:00 UTC

// A demo database grown past the limit by one blob, with a small indexed table of its own.
std::string big_db(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("indgang-bigcheck-" + name);
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string path = (dir / "indgang.db").string();
    {
        auto db = db::open_store(path);
        ensure_demo_data(*db, kTuesday);
        db->exec("CREATE TABLE ballast(x BLOB)");
        auto s = db->prepare("INSERT INTO ballast VALUES (zeroblob(?))");
        s.bind(static_cast<int64_t>(db::kFullCheckBytes + (1 << 20)));
        s.step();
        db->exec("CREATE TABLE pairs(a, b)");
        db->exec("CREATE INDEX pairs_a ON pairs(a)");
        db->exec("INSERT INTO pairs VALUES (1, 2), (3, 4)");
        db->exec("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    REQUIRE(fs::file_size(path) > db::kFullCheckBytes);
    return path;
}

// The index now claims to be on b while its entries are a's: every page is well-formed.
void damage_index(const std::string& path) {
    db::Db raw(path);
    raw.exec("PRAGMA writable_schema=ON");
    raw.exec("UPDATE sqlite_schema SET sql = 'CREATE INDEX pairs_a ON pairs(b)' WHERE name = 'pairs_a'");
    raw.exec("PRAGMA writable_schema=OFF");
}

}  // namespace

TEST_SUITE("honest") {
TEST_CASE("a file over the open-time limit: quick_check at open lets a damaged index through, housekeeping's daily check stops it") {
    const std::string path = big_db("damaged");
    damage_index(path);
    auto db = db::open_store(path);   // opens: quick_check cannot see this damage
    CHECK(db::integrity_check(*db) != "ok");
    bool refused = false;
    try {
        run_housekeeping(*db, kTuesday + 3600);
    } catch (const db::StoreError& e) {
        refused = e.kind == db::StoreError::Kind::Corrupt;
        CHECK(std::string(e.what()).find("integrity") != std::string::npos);
    }
    CHECK(refused);
    db.reset();
    fs::remove_all(fs::path(path).parent_path());
}

TEST_CASE("a healthy file over the limit is checked once a day, not at every housekeeping run") {
    const std::string path = big_db("healthy");
    auto db = db::open_store(path);
    const auto first = run_housekeeping(*db, kTuesday + 60);
    CHECK(first.ran);
    CHECK(first.integrity_checked);
    const auto hour_later = run_housekeeping(*db, kTuesday + 3600);
    CHECK(hour_later.ran);
    CHECK_FALSE(hour_later.integrity_checked);
    const auto next_day = run_housekeeping(*db, kTuesday + 60 + 86400);
    CHECK(next_day.ran);
    CHECK(next_day.integrity_checked);
    fs::remove_all(fs::path(path).parent_path());
}
}
