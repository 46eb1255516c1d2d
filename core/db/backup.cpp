#include "core/db/backup.hpp"

#include "core/db/store.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <thread>

namespace fs = std::filesystem;

namespace indgang::db {

namespace {

constexpr const char* kPrefix = "indgang-";
constexpr const char* kSuffix = ".db";

std::string utc_stamp(int64_t t) {
    const std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y%m%dT%H%M%SZ", &tm);
    return buf;
}

// "indgang-20261124T030000Z-label.db" → taken_at and label; nullopt for other files.
std::optional<BackupFile> parse_name(const fs::path& p) {
    const std::string n = p.filename().string();
    const size_t pre = std::char_traits<char>::length(kPrefix), stamp = 16;
    if (n.size() < pre + stamp + 3 || n.rfind(kPrefix, 0) != 0 || !n.ends_with(kSuffix)) return std::nullopt;
    std::tm tm{};
    const std::string s = n.substr(pre, stamp);
    if (!strptime(s.c_str(), "%Y%m%dT%H%M%SZ", &tm)) return std::nullopt;
    BackupFile f;
    f.path = p.string();
    f.taken_at = static_cast<int64_t>(timegm(&tm));
    const std::string rest = n.substr(pre + stamp, n.size() - pre - stamp - 3);
    if (!rest.empty() && rest[0] != '-') return std::nullopt;
    if (!rest.empty()) f.label = rest.substr(1);
    return f;
}

int read_schema(const std::string& path) {
    try {
        Db db(path, Db::Mode::ReadOnly);
        return static_cast<int>(db.pragma_int("user_version"));
    } catch (const Error&) {
        return -1;
    }
}

void sync_path(const std::string& path, int flags) {
    const int fd = ::open(path.c_str(), flags | O_CLOEXEC);
    if (fd < 0) throw BackupError(BackupError::Kind::Io, "cannot open " + path + " to sync it");
    const int rc = ::fsync(fd);
    ::close(fd);
    if (rc != 0) throw BackupError(BackupError::Kind::Io, "cannot sync " + path + " to disk");
}

// Runs the backup API from `src` into `dst` to the end, waiting out short locks (the kiosk
// writing a booking holds the write lock for milliseconds).
void copy_pages(sqlite3* dst, sqlite3* src, const std::string& what) {
    sqlite3_backup* b = sqlite3_backup_init(dst, "main", src, "main");
    if (!b) throw BackupError(BackupError::Kind::Io, what + ": " + sqlite3_errmsg(dst));
    int rc = SQLITE_OK;
    for (int tries = 0; tries < 100; ++tries) {
        rc = sqlite3_backup_step(b, -1);
        if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE)
        throw BackupError(rc == SQLITE_CORRUPT || rc == SQLITE_NOTADB ? BackupError::Kind::Damaged : BackupError::Kind::Io,
                          what + ": " + sqlite3_errstr(rc));
}

}  // namespace

std::string default_backup_dir(const std::string& db_path) {
    return (fs::absolute(db_path).parent_path() / "backups").string();
}

BackupFile backup_to(Db& db, const std::string& dir, int64_t now, const std::string& label) {
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) throw BackupError(BackupError::Kind::Io, "cannot create " + dir + ": " + ec.message());
    std::string base = std::string(kPrefix) + utc_stamp(now) + (label.empty() ? "" : "-" + label);
    fs::path final_path = fs::path(dir) / (base + kSuffix);
    for (int n = 2; fs::exists(final_path); ++n) final_path = fs::path(dir) / (base + "-" + std::to_string(n) + kSuffix);
    const std::string part = final_path.string() + ".part";
    fs::remove(part, ec);

    int schema = 0;
    {
        // Owner-only from the first byte: the copy holds today's nicknames.
        const mode_t old = ::umask(077);
        std::unique_ptr<Db> out;
        try {
            out = std::make_unique<Db>(part);
        } catch (const Error& e) {
            ::umask(old);
            throw BackupError(BackupError::Kind::Io, "cannot create " + part + ": " + e.what());
        }
        ::umask(old);
        try {
            copy_pages(out->raw(), db.raw(), "backup of " + db.path());
            // A self-contained file: no -wal beside it, readable from a read-only place.
            out->exec("PRAGMA journal_mode=DELETE");
            const std::string check = integrity_check(*out);
            if (check != "ok")
                throw BackupError(BackupError::Kind::Damaged, db.path() + " failed its integrity check: " + check);
            schema = static_cast<int>(out->pragma_int("user_version"));
        } catch (...) {
            out.reset();
            fs::remove(part, ec);
            throw;
        }
    }
    sync_path(part, O_RDONLY);
    fs::rename(part, final_path, ec);
    if (ec) throw BackupError(BackupError::Kind::Io, "cannot name " + final_path.string() + ": " + ec.message());
    sync_path(dir, O_RDONLY | O_DIRECTORY);   // the new name survives a power cut

    BackupFile f = *parse_name(final_path);
    f.schema = schema;
    return f;
}

std::vector<BackupFile> list_backups(const std::string& dir) {
    std::vector<BackupFile> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        if (!e.is_regular_file()) continue;
        if (auto f = parse_name(e.path())) {
            f->schema = read_schema(f->path);
            std::error_code tec;
            const auto t = fs::last_write_time(e.path(), tec);
            if (!tec)
                f->written_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(t.time_since_epoch()).count();
            out.push_back(std::move(*f));
        }
    }
    std::sort(out.begin(), out.end(), [](const BackupFile& a, const BackupFile& b) {
        // An upgrade and the next one can run in the same second: the name's time ties, so the
        // file's own time decides (sorting by name would put "0.1.0.db" after "0.1.0+1.db").
        if (a.taken_at != b.taken_at) return a.taken_at > b.taken_at;
        if (a.written_ns != b.written_ns) return a.written_ns > b.written_ns;
        return a.path > b.path;
    });
    return out;
}

std::vector<std::string> prune_backups(const std::string& dir, int keep_days, int64_t now) {
    std::vector<std::string> removed;
    const auto all = list_backups(dir);
    const int64_t cutoff = now - static_cast<int64_t>(keep_days) * 86400;
    for (size_t i = 1; i < all.size(); ++i) {   // i = 0 is the newest: always kept
        if (all[i].taken_at >= cutoff) continue;
        std::error_code ec;
        if (fs::remove(all[i].path, ec)) removed.push_back(all[i].path);
    }
    return removed;
}

int check_restorable(const std::string& path) {
    using K = BackupError::Kind;
    if (!fs::is_regular_file(path)) throw BackupError(K::Io, path + " does not exist");
    std::unique_ptr<Db> db;
    std::string check;
    try {
        db = std::make_unique<Db>(path, Db::Mode::ReadOnly);
        check = integrity_check(*db);
    } catch (const Error& e) {
        throw BackupError(K::Damaged, path + " is damaged: " + e.what());
    }
    if (check != "ok") throw BackupError(K::Damaged, path + " failed its integrity check: " + check);
    if (db->pragma_int("application_id") != kApplicationId)
        throw BackupError(K::NotOurs, path + " is not an Indgang database");
    const int schema = static_cast<int>(db->pragma_int("user_version"));
    if (schema > schema_version())
        throw BackupError(K::TooNew, path + " was written by a newer Indgang (schema " + std::to_string(schema) +
                                         ", this build knows " + std::to_string(schema_version()) + ")");
    return schema;
}

std::string restore_marker(const std::string& db_path) { return db_path + ".restoring"; }

RestoreResult restore_from(const std::string& backup, const std::string& db_path, const std::string& backup_dir,
                           int64_t now, int settle_ms) {
    using K = BackupError::Kind;
    RestoreResult r;
    r.schema_before = check_restorable(backup);
    std::error_code same_ec;
    if (fs::equivalent(backup, db_path, same_ec))
        throw BackupError(K::Io, backup + " is the database itself");

    const std::string marker = restore_marker(db_path);
    const int fd = ::open(marker.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0)
        throw BackupError(K::Io, "a restore is already running (" + marker + " exists; remove it if it is not)");
    ::close(fd);
    struct Lower {
        std::string path;
        ~Lower() { std::error_code ec; fs::remove(path, ec); }
    } lower{marker};
    // The kiosk polls about once a second: give it time to close its connection, so no booking
    // is written between the safety copy and the restore and then lost.
    std::this_thread::sleep_for(std::chrono::milliseconds(settle_ms));

    if (fs::exists(db_path)) {
        try {
            auto live = open_store(db_path, Db::Mode::ReadOnly);
            r.previous = backup_to(*live, backup_dir, now, "before-restore");
        } catch (const StoreError& e) {
            // A database from a newer Indgang is the downgrade case: keep a copy all the same.
            if (e.kind == StoreError::Kind::TooNew) {
                Db live(db_path, Db::Mode::ReadOnly);
                r.previous = backup_to(live, backup_dir, now, "before-restore");
            } else if (e.kind != StoreError::Kind::Corrupt) {
                throw;
            }
        } catch (const BackupError& e) {
            if (e.kind != K::Damaged) throw;
        }
        if (!r.previous) {
            // The live file is damaged (likely why we restore): keep it aside, start clean.
            const std::string aside = db_path + ".damaged-" + std::to_string(now);
            std::error_code ec;
            fs::rename(db_path, aside, ec);
            if (ec) throw BackupError(K::Io, "cannot move the damaged " + db_path + " aside: " + ec.message());
            for (const char* side : {"-wal", "-shm"}) fs::rename(db_path + side, aside + side, ec);
        }
    }
    {
        Db src(backup, Db::Mode::ReadOnly);
        Db dst(db_path);
        copy_pages(dst.raw(), src.raw(), "restore of " + backup);
    }
    auto db = open_store(db_path);   // WAL on, migrated to this build's schema
    const std::string check = integrity_check(*db);
    if (check != "ok") throw BackupError(K::Damaged, "the restored " + db_path + " failed its check: " + check);
    r.schema_after = static_cast<int>(db->pragma_int("user_version"));
    return r;
}

std::optional<BackupFile> newest_restorable(const std::string& dir) {
    for (auto& f : list_backups(dir))
        if (f.schema >= 0 && f.schema <= schema_version()) return f;
    return std::nullopt;
}

}  // namespace indgang::db
