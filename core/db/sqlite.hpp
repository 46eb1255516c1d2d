// Small RAII layer over the SQLite C API: a connection, a prepared statement with a checked
// variadic bind, and a transaction guard. Modelled on Bitcoin Core's wallet/sqlite.cpp and the
// shape of MPD's wrapper; written for this project.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>

namespace indgang::db {

// Any SQLite failure. `code` is the extended result code, so callers can tell a constraint
// violation (SQLITE_CONSTRAINT_UNIQUE) or a full disk (SQLITE_FULL) from other failures.
class Error : public std::runtime_error {
public:
    Error(int code, const std::string& what) : std::runtime_error(what), code(code) {}
    int code;
    bool is_constraint() const { return (code & 0xff) == SQLITE_CONSTRAINT; }
    bool is_busy() const { return (code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED; }
};

// Blob wrapper so bytes are bound as BLOB, not TEXT.
struct Blob {
    std::string_view bytes;
};

class Stmt {
public:
    Stmt() = default;
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(Stmt&& o) noexcept : db_(o.db_), stmt_(o.stmt_) { o.stmt_ = nullptr; }
    Stmt& operator=(Stmt&& o) noexcept;
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    // Binds every parameter at once; throws if the count differs from the SQL's parameters.
    template <typename... Args>
    Stmt& bind(const Args&... args) {
        reset();
        const int expected = sqlite3_bind_parameter_count(stmt_);
        if (expected != static_cast<int>(sizeof...(Args)))
            throw Error(SQLITE_RANGE, "bind: statement wants " + std::to_string(expected) +
                                          " parameters, got " + std::to_string(sizeof...(Args)) +
                                          ": " + sqlite3_sql(stmt_));
        int i = 1;
        (bind_one(i++, args), ...);
        return *this;
    }

    bool step();                  // true when a row is available, false when done
    // The first row as read(*this), or empty. Resets the statement either way, so a cached
    // statement never keeps a read transaction (and an old snapshot) open.
    template <typename F>
    auto first(F&& read) -> std::optional<std::invoke_result_t<F, Stmt&>> {
        std::optional<std::invoke_result_t<F, Stmt&>> out;
        if (step()) out = read(*this);
        reset();
        return out;
    }
    void exec() { while (step()) {} }   // run to completion, ignoring rows
    void reset();

    int64_t int64(int col) const { return sqlite3_column_int64(stmt_, col); }
    int integer(int col) const { return sqlite3_column_int(stmt_, col); }
    double real(int col) const { return sqlite3_column_double(stmt_, col); }
    bool is_null(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
    std::string text(int col) const;
    std::optional<std::string> opt_text(int col) const;
    std::optional<int64_t> opt_int64(int col) const;
    std::string blob(int col) const;

    sqlite3_stmt* raw() const { return stmt_; }

private:
    void bind_one(int i, std::nullptr_t);
    void bind_one(int i, int v);
    void bind_one(int i, int64_t v);
    void bind_one(int i, double v);
    void bind_one(int i, bool v) { bind_one(i, v ? 1 : 0); }
    void bind_one(int i, std::string_view v);
    void bind_one(int i, const std::string& v) { bind_one(i, std::string_view(v)); }
    void bind_one(int i, const char* v) { bind_one(i, std::string_view(v)); }
    void bind_one(int i, Blob v);
    template <typename T>
    void bind_one(int i, const std::optional<T>& v) {
        if (v) bind_one(i, *v); else bind_one(i, nullptr);
    }
    void check(int rc) const;

    sqlite3* db_ = nullptr;
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
public:
    enum class Mode { ReadWrite, ReadOnly };

    // Opens (creating if needed in ReadWrite mode) and applies the connection pragmas:
    // synchronous=FULL, foreign_keys=ON, busy timeout. WAL is switched on by open_store once the
    // file is known to be ours (switching rewrites the header of someone else's file).
    explicit Db(const std::string& path, Mode mode = Mode::ReadWrite, int busy_timeout_ms = 5000);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(std::string_view sql);   // statements without parameters (DDL, pragmas)
    Stmt prepare(std::string_view sql) { return Stmt(db_, sql); }
    // Prepared once per connection and kept; reset happens on the next bind().
    Stmt& cached(const char* sql);

    int64_t last_insert_id() const { return sqlite3_last_insert_rowid(db_); }
    int changes() const { return sqlite3_changes(db_); }
    int64_t pragma_int(const char* name);
    // Changes whenever another connection commits: the kiosk polls it to see admin edits.
    int64_t data_version() { return pragma_int("data_version"); }
    bool read_only() const { return mode_ == Mode::ReadOnly; }
    const std::string& path() const { return path_; }
    sqlite3* raw() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    Mode mode_;
    std::string path_;
    std::map<const char*, Stmt> cache_;
};

// BEGIN IMMEDIATE (takes the write lock up front, so two writers never deadlock on upgrade);
// rolls back unless commit() was called. Inside an open transaction it becomes a savepoint, so
// domain functions compose.
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

private:
    Db& db_;
    bool nested_ = false;
    bool done_ = false;
};

}  // namespace indgang::db
