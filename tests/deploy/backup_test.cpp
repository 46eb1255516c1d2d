// Backups and restores (core/db/backup): an online copy while the kiosk writes, a checked,
// owner-only file, N days kept, and a restore that refuses what it cannot trust.
#include "deploy_fixture.hpp"

#include "core/db/backup.hpp"
#include "core/domain/settings.hpp"

#include <doctest/doctest.h>

#include <sys/stat.h>

#include <atomic>
#include <thread>

using namespace indgang;
using namespace deploy_test;

TEST_SUITE("backup") {
TEST_CASE("a backup taken while another connection writes is whole, checked and owner-only") {
    const fs::path dir = fresh_dir("backup-online");
    const std::string path = make_demo_db(dir);
    auto writer = db::open_store(path);
    std::atomic<bool> stop{false};
    std::atomic<int> written{0};
    std::thread t([&] {
        // The kiosk at its busiest: a write every few milliseconds.
        for (int i = 0; !stop; ++i) {
            log_event(*writer, tuesday_morning() + i, "test", "write " + std::to_string(i));
            ++written;
        }
    });
    std::vector<db::BackupFile> taken;
    {
        auto reader = db::open_store(path, db::Db::Mode::ReadOnly);
        for (int i = 0; i < 5; ++i) taken.push_back(db::backup_to(*reader, (dir / "backups").string(), tuesday_morning() + i));
    }
    stop = true;
    t.join();
    CHECK(written > 0);
    for (const auto& b : taken) {
        CAPTURE(b.path);
        CHECK(db::check_restorable(b.path) == db::schema_version());
        CHECK(b.schema == db::schema_version());
        struct stat st {};
        REQUIRE(stat(b.path.c_str(), &st) == 0);
        CHECK((st.st_mode & 0777) == 0600);
        CHECK_FALSE(fs::exists(b.path + "-wal"));   // self-contained, not WAL
        CHECK(count(b.path, "SELECT count(*) FROM site") == 1);
    }
    const auto listed = db::list_backups((dir / "backups").string());
    REQUIRE(listed.size() == 5);
    CHECK(listed.front().taken_at == tuesday_morning() + 4);   // newest first
    CHECK(listed.back().taken_at == tuesday_morning());
    // No half-written file is left with a backup's name or beside one.
    for (const auto& e : fs::directory_iterator(dir / "backups")) CHECK(e.path().extension() == ".db");
}

TEST_CASE("backups older than N days are removed, the newest never") {
    const fs::path dir = fresh_dir("backup-prune");
    const std::string path = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    auto db = db::open_store(path, db::Db::Mode::ReadOnly);
    const Instant day = 86400, t0 = tuesday_morning();
    for (int d = 0; d < 20; ++d) db::backup_to(*db, bdir, t0 + d * day);
    const auto removed = db::prune_backups(bdir, 14, t0 + 19 * day);
    CHECK(removed.size() == 5);   // days 0–4 are more than 14 days before day 19
    CHECK(db::list_backups(bdir).size() == 15);
    // A clock far ahead (a box with a flat CMOS battery, then corrected) keeps the last copy.
    CHECK(db::prune_backups(bdir, 14, t0 + 400 * day).size() == 14);
    REQUIRE(db::list_backups(bdir).size() == 1);
    CHECK(db::list_backups(bdir).front().taken_at == t0 + 19 * day);
}

TEST_CASE("restore refuses a damaged, truncated, foreign or newer file and leaves the database as it was") {
    const fs::path dir = fresh_dir("backup-refuse");
    const std::string path = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    db::BackupFile good;
    {
        auto db = db::open_store(path, db::Db::Mode::ReadOnly);
        good = db::backup_to(*db, bdir, tuesday_morning());
    }
    const fs::path damaged = dir / "damaged.db", truncated = dir / "truncated.db", foreign = dir / "foreign.db",
                   newer = dir / "newer.db";
    fs::copy_file(good.path, damaged);
    damage(damaged.string());
    fs::copy_file(good.path, truncated);
    fs::resize_file(truncated, fs::file_size(truncated) / 2);
    { db::Db f(foreign.string()); f.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)"); }
    fs::copy_file(good.path, newer);
    { db::Db n(newer.string()); n.exec("PRAGMA user_version = " + std::to_string(db::schema_version() + 1)); }

    auto before = [&] { return count(path, "SELECT count(*) FROM booking") * 1000 + count(path, "SELECT count(*) FROM event_log"); };
    {
        auto db = db::open_store(path);
        log_event(*db, tuesday_morning(), "test", "after the backup");
    }
    const int64_t live = before();
    const struct { fs::path file; db::BackupError::Kind kind; } cases[] = {
        {damaged, db::BackupError::Kind::Damaged}, {truncated, db::BackupError::Kind::Damaged},
        {foreign, db::BackupError::Kind::NotOurs}, {newer, db::BackupError::Kind::TooNew},
        {dir / "missing.db", db::BackupError::Kind::Io}};
    for (const auto& c : cases) {
        CAPTURE(c.file);
        bool thrown = false;
        try {
            db::restore_from(c.file.string(), path, bdir, tuesday_morning(), 0);
        } catch (const db::BackupError& e) {
            thrown = true;
            CHECK(e.kind == c.kind);
        }
        CHECK(thrown);
        CHECK(before() == live);
        CHECK_FALSE(fs::exists(db::restore_marker(path)));
    }
    CHECK(db::list_backups(bdir).size() == 1);   // no safety copy either: nothing was started
}

TEST_CASE("restore into a database another program has open: it sees the restored content") {
    const fs::path dir = fresh_dir("backup-restore");
    const std::string path = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    db::BackupFile good;
    {
        auto db = db::open_store(path, db::Db::Mode::ReadOnly);
        good = db::backup_to(*db, bdir, tuesday_morning());
    }
    auto kiosk = db::open_store(path);   // stays open throughout, as a kiosk that missed the marker
    set_setting(*kiosk, "kiosk.idle_seconds", "123");
    log_event(*kiosk, tuesday_morning(), "test", "lost on restore");
    const int64_t events_before = count(path, "SELECT count(*) FROM event_log");

    std::atomic<bool> saw_marker{false}, done{false};
    std::thread watch([&] {
        while (!done) {
            if (fs::exists(db::restore_marker(path))) saw_marker = true;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
    });
    const auto r = db::restore_from(good.path, path, bdir, tuesday_morning() + 60, 300);
    done = true;
    watch.join();
    CHECK(saw_marker);
    CHECK_FALSE(fs::exists(db::restore_marker(path)));
    REQUIRE(r.previous);
    CHECK(r.previous->label == "before-restore");
    CHECK(count(r.previous->path, "SELECT count(*) FROM event_log") == events_before);   // what it replaced
    CHECK(get_setting(*kiosk, "kiosk.idle_seconds", "") == "");    // the open connection sees the backup
    CHECK(count(path, "SELECT count(*) FROM event_log") == events_before - 1);
    CHECK(db::integrity_check(*kiosk) == "ok");
    CHECK(r.schema_after == db::schema_version());
}

TEST_CASE("restore over a damaged database keeps the damaged file aside and restores") {
    const fs::path dir = fresh_dir("backup-over-damaged");
    const std::string path = make_demo_db(dir);
    const std::string bdir = (dir / "backups").string();
    db::BackupFile good;
    {
        auto db = db::open_store(path, db::Db::Mode::ReadOnly);
        good = db::backup_to(*db, bdir, tuesday_morning());
    }
    damage(path);
    const auto r = db::restore_from(good.path, path, bdir, tuesday_morning() + 5, 0);
    CHECK_FALSE(r.previous);
    CHECK(fs::exists(path + ".damaged-" + std::to_string(tuesday_morning() + 5)));
    CHECK(count(path, "SELECT count(*) FROM site") == 1);
}
}
