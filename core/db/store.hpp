// Opening the Indgang database: integrity check, schema migrations, and the rule that a database
// failing its check is never written to.
#pragma once

#include "core/db/sqlite.hpp"

#include <memory>
#include <string>

namespace indgang::db {

constexpr int kApplicationId = 0x494e4447;  // "INDG"
// Up to this size open_store runs the full integrity_check (about 0.1 s per 10 MB here);
// beyond it, quick_check at open and integrity_check from housekeeping once a day.
constexpr uintmax_t kFullCheckBytes = 64ull << 20;

// The schema version this build knows. A database with a higher user_version is refused.
int schema_version();

// Thrown when the file is not usable: corrupt, not an Indgang database, or from a newer version.
class StoreError : public std::runtime_error {
public:
    enum class Kind { Corrupt, NotOurs, TooNew, Unavailable };
    StoreError(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
    Kind kind;
};

// Opens `path` (":memory:" for tests), runs integrity_check (quick_check above kFullCheckBytes),
// checks application_id, and migrates to the current schema. A database that fails its check
// raises StoreError::Corrupt before anything is written. ReadOnly writes nothing at all (no
// migration, no WAL switch), so a read-only copy can be inspected (or backed up) as it is.
std::unique_ptr<Db> open_store(const std::string& path, Db::Mode mode = Db::Mode::ReadWrite);

// Migrates an open database up to `target` (defaults to the newest). Each migration runs in its
// own transaction ending in PRAGMA user_version = N. Exposed for the migration tests.
void migrate(Db& db, int target = -1);

// "ok" or the first problem PRAGMA integrity_check reports.
std::string integrity_check(Db& db);

}  // namespace indgang::db
