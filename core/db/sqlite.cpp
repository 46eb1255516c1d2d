#include "core/db/sqlite.hpp"

#include <cstdio>
#include <filesystem>

namespace indgang::db {

static std::string message(sqlite3* db, int rc, std::string_view context) {
    std::string m(context);
    m += ": ";
    m += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    return m;
}

Stmt::Stmt(sqlite3* db, std::string_view sql) : db_(db) {
    const int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr);
    if (rc != SQLITE_OK)
        throw Error(sqlite3_extended_errcode(db), message(db, rc, "prepare " + std::string(sql)));
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Stmt& Stmt::operator=(Stmt&& o) noexcept {
    if (this != &o) {
        sqlite3_finalize(stmt_);
        db_ = o.db_;
        stmt_ = o.stmt_;
        o.stmt_ = nullptr;
    }
    return *this;
}

void Stmt::check(int rc) const {
    if (rc != SQLITE_OK) throw Error(sqlite3_extended_errcode(db_), message(db_, rc, "bind"));
}

void Stmt::bind_one(int i, std::nullptr_t) { check(sqlite3_bind_null(stmt_, i)); }
void Stmt::bind_one(int i, int v) { check(sqlite3_bind_int(stmt_, i, v)); }
void Stmt::bind_one(int i, int64_t v) { check(sqlite3_bind_int64(stmt_, i, v)); }
void Stmt::bind_one(int i, double v) { check(sqlite3_bind_double(stmt_, i, v)); }
void Stmt::bind_one(int i, std::string_view v) {
    check(sqlite3_bind_text(stmt_, i, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT));
}
void Stmt::bind_one(int i, Blob v) {
    check(sqlite3_bind_blob(stmt_, i, v.bytes.data(), static_cast<int>(v.bytes.size()),
                            SQLITE_TRANSIENT));
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    const int ext = sqlite3_extended_errcode(db_);
    std::string m = message(db_, rc, "step");
    sqlite3_reset(stmt_);
    throw Error(ext, m);
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string Stmt::text(int col) const {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

std::optional<std::string> Stmt::opt_text(int col) const {
    if (is_null(col)) return std::nullopt;
    return text(col);
}

std::optional<int64_t> Stmt::opt_int64(int col) const {
    if (is_null(col)) return std::nullopt;
    return int64(col);
}

std::string Stmt::blob(int col) const {
    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt_, col));
    return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, col))) : std::string();
}

// A read-only open must write nothing, not even the -wal and -shm files SQLite creates next to a
// WAL database. Without a -wal file no writer is connected (the last one removes it on close), so
// the file is opened immutable: SQLite then takes no locks and creates no side files. With a -wal
// file a writer is live, and the normal read-only open shares its -shm.
static std::string read_only_uri(const std::string& path) {
    std::string uri = "file:";
    for (char c : path) {
        if (c == '%' || c == '?' || c == '#') {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", static_cast<unsigned char>(c));
            uri += buf;
        } else {
            uri += c;
        }
    }
    uri += "?mode=ro";
    std::error_code ec;
    if (path != ":memory:" && !std::filesystem::exists(path + "-wal", ec)) uri += "&immutable=1";
    return uri;
}

Db::Db(const std::string& path, Mode mode, int busy_timeout_ms) : mode_(mode), path_(path) {
    const bool ro = mode == Mode::ReadOnly && path != ":memory:";
    const int flags = (ro ? SQLITE_OPEN_READONLY | SQLITE_OPEN_URI : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) |
                      SQLITE_OPEN_NOMUTEX;
    const std::string name = ro ? read_only_uri(path) : path;
    const int rc = sqlite3_open_v2(name.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string m = message(db_, rc, "open " + path);
        sqlite3_close(db_);
        db_ = nullptr;
        throw Error(rc, m);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    try {
        exec("PRAGMA synchronous=FULL");
        exec("PRAGMA foreign_keys=ON");
    } catch (...) {
        cache_.clear();
        sqlite3_close(db_);
        throw;
    }
}

Db::~Db() {
    cache_.clear();  // statements must be finalized before the connection closes
    // _v2: a statement that outlives us (a bug) must not leak the connection.
    sqlite3_close_v2(db_);
}

void Db::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    const int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string m = "exec " + s + ": " + (err ? err : sqlite3_errstr(rc));
        sqlite3_free(err);
        throw Error(sqlite3_extended_errcode(db_), m);
    }
}

Stmt& Db::cached(const char* sql) {
    auto it = cache_.find(sql);
    if (it == cache_.end()) it = cache_.emplace(sql, Stmt(db_, sql)).first;
    return it->second;
}

int64_t Db::pragma_int(const char* name) {
    Stmt s(db_, std::string("PRAGMA ") + name);
    return s.step() ? s.int64(0) : 0;
}

Transaction::Transaction(Db& db) : db_(db), nested_(sqlite3_get_autocommit(db.raw()) == 0) {
    db_.exec(nested_ ? "SAVEPOINT nested" : "BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        if (nested_) {
            db_.exec("ROLLBACK TO nested");
            db_.exec("RELEASE nested");
        } else if (sqlite3_get_autocommit(db_.raw()) == 0) {
            db_.exec("ROLLBACK");
        }
    } catch (...) {
    }
}

void Transaction::commit() {
    db_.exec(nested_ ? "RELEASE nested" : "COMMIT");
    done_ = true;
}

}  // namespace indgang::db
