// Upgrades and downgrades (core/db/upgrade): a database from an older schema is copied aside and
// migrated; one from a newer Indgang is refused, and the message names the backup to restore.
#include "deploy_fixture.hpp"

#include "core/db/upgrade.hpp"
#include "core/domain/settings.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace deploy_test;

namespace {

// A database as the previous schema left it: every migration but the last. With one migration
// in the schema that is a blank file (a box that never ran the kiosk).
std::string make_old_db(const fs::path& dir) {
    const std::string path = (dir / "indgang.db").string();
    db::Db raw(path);
    db::migrate(raw, db::schema_version() - 1);
    return path;
}

}  // namespace

TEST_SUITE("upgrade") {
TEST_CASE("an older database is backed up, then migrated; a current one is left alone") {
    const fs::path dir = fresh_dir("upgrade-older");
    const std::string path = make_old_db(dir);
    const std::string bdir = (dir / "backups").string();
    const auto r = db::upgrade_database(path, bdir, tuesday_morning(), "before-upgrade-from-0.0.9");
    CHECK(r.from == db::schema_version() - 1);
    CHECK(r.to == db::schema_version());
    REQUIRE(r.backup);
    CHECK(r.backup->label == "before-upgrade-from-0.0.9");
    CHECK(r.backup->schema == db::schema_version() - 1);   // the copy is of the old schema
    CHECK(count(path, "PRAGMA user_version") == db::schema_version());
    // The migrated database works: the demo site goes in.
    ensure_demo_data(*db::open_store(path), tuesday_morning());
    CHECK(count(path, "SELECT count(*) FROM site") == 1);

    const auto again = db::upgrade_database(path, bdir, tuesday_morning() + 10, "before-upgrade-from-0.1.0");
    CHECK_FALSE(again.backup);
    CHECK(again.from == again.to);
    CHECK(db::list_backups(bdir).size() == 1);
}

TEST_CASE("a database newer than this build is refused, naming the last backup this build can read") {
    const fs::path dir = fresh_dir("upgrade-newer");
    const std::string path = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    // What the newer package's upgrade left: its pre-upgrade backup, then a migrated database.
    const db::BackupFile before = db::backup_to(*db::open_store(path, db::Db::Mode::ReadOnly), bdir,
                                                tuesday_morning(), "before-upgrade-from-0.1.0");
    {
        db::Db raw(path);
        raw.exec("CREATE TABLE from_the_future(x)");
        raw.exec("PRAGMA user_version = " + std::to_string(db::schema_version() + 1));
    }
    // …and a later nightly backup of the newer schema, which this build must not suggest.
    fs::copy_file(path, fs::path(bdir) / "indgang-20261125T031500Z.db");

    bool refused = false;
    try {
        db::upgrade_database(path, bdir, tuesday_morning() + 60, "before-upgrade");
    } catch (const db::StoreError& e) {
        refused = e.kind == db::StoreError::Kind::TooNew;
        CHECK(std::string(e.what()).find("newer Indgang") != std::string::npos);
    }
    CHECK(refused);
    CHECK(count(path, "PRAGMA user_version") == db::schema_version() + 1);   // untouched
    const std::string advice = db::downgrade_advice(path, bdir);
    CAPTURE(advice);
    CHECK(advice.find(before.path) != std::string::npos);
    CHECK(advice.find("indgang-admin --db " + path + " restore ") != std::string::npos);
    CHECK(advice.find("20261125T031500Z") == std::string::npos);
    // Following the advice: the restore keeps the newer database aside and brings the old one back.
    const auto r = db::restore_from(before.path, path, bdir, tuesday_morning() + 120, 0);
    REQUIRE(r.previous);
    CHECK(r.previous->schema == db::schema_version() + 1);
    CHECK(count(path, "PRAGMA user_version") == db::schema_version());
    CHECK(count(path, "SELECT count(*) FROM site") == 1);
    // With no backup at all the advice still says what to do.
    CHECK(db::downgrade_advice(path, (dir / "none").string()).find("install the newer") != std::string::npos);
}
TEST_CASE("two upgrades in the same second: the advice names the later copy, whatever the names sort to") {
    const fs::path dir = fresh_dir("upgrade-same-second");
    const std::string path = make_old_db(dir);
    const std::string bdir = (dir / "backups").string();
    const int64_t now = tuesday_morning();
    // 0.1.0 -> 0.1.0+upgrade1 copies the old schema aside and migrates; then +upgrade1 -> a newer
    // build copies the current schema, in the same second ('+' sorts before '.').
    const auto first = db::upgrade_database(path, bdir, now, "before-upgrade-from-0.1.0");
    REQUIRE(first.backup);
    const db::BackupFile second = db::backup_to(*db::open_store(path, db::Db::Mode::ReadOnly), bdir, now,
                                                "before-upgrade-from-0.1.0+upgrade1");
    CHECK(second.taken_at == first.backup->taken_at);
    {
        db::Db raw(path);
        raw.exec("PRAGMA user_version = " + std::to_string(db::schema_version() + 1));
    }
    const auto all = db::list_backups(bdir);
    REQUIRE(all.size() == 2);
    CHECK(all[0].path == second.path);
    const std::string advice = db::downgrade_advice(path, bdir);
    CAPTURE(advice);
    CHECK(advice.find(second.path) != std::string::npos);
}
}
