#include "core/db/store.hpp"

#include "core/db/migrations.hpp"

#include <filesystem>

namespace indgang::db {

int schema_version() { return static_cast<int>(migrations().size()); }

std::string integrity_check(Db& db) {
    Stmt s = db.prepare("PRAGMA integrity_check");
    std::string result = s.step() ? s.text(0) : "no result";
    return result;
}

void migrate(Db& db, int target) {
    const auto& list = migrations();
    if (target < 0) target = static_cast<int>(list.size());
    for (int v = static_cast<int>(db.pragma_int("user_version")); v < target; ++v) {
        Transaction tx(db);
        db.exec(list[static_cast<size_t>(v)]);
        db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
        db.exec("PRAGMA user_version = " + std::to_string(v + 1));
        tx.commit();
    }
}

std::unique_ptr<Db> open_store(const std::string& path, Db::Mode mode) {
    if (mode == Db::Mode::ReadOnly && path != ":memory:" && !std::filesystem::exists(path))
        throw StoreError(StoreError::Kind::Unavailable, "database " + path + " does not exist");
    std::unique_ptr<Db> db;
    try {
        db = std::make_unique<Db>(path, mode);
    } catch (const Error& e) {
        if ((e.code & 0xff) == SQLITE_NOTADB || (e.code & 0xff) == SQLITE_CORRUPT)
            throw StoreError(StoreError::Kind::Corrupt, path + " is damaged: " + e.what());
        throw StoreError(StoreError::Kind::Unavailable, e.what());
    }
    // Checked before any write; a damaged file is left exactly as it is. A file small enough to
    // check in well under a second gets the full integrity_check, which also compares every index
    // with its table (quick_check does not: a damaged booking_one_per_slot would let a slot be
    // booked twice). Larger files get quick_check here and the full check from housekeeping.
    std::string check;
    try {
        std::error_code ec;
        const auto bytes = path == ":memory:" ? 0 : std::filesystem::file_size(path, ec);
        Stmt s = db->prepare(!ec && bytes <= kFullCheckBytes ? "PRAGMA integrity_check" : "PRAGMA quick_check");
        check = s.step() ? s.text(0) : "no result";
    } catch (const Error& e) {
        if (e.is_busy()) throw StoreError(StoreError::Kind::Unavailable, e.what());
        throw StoreError(StoreError::Kind::Corrupt, path + " is damaged: " + e.what());
    }
    if (check != "ok")
        throw StoreError(StoreError::Kind::Corrupt, path + " failed its integrity check: " + check);

    const int64_t app = db->pragma_int("application_id");
    const int64_t version = db->pragma_int("user_version");
    if (app != 0 && app != kApplicationId)
        throw StoreError(StoreError::Kind::NotOurs, path + " is not an Indgang database");
    if (app == 0 && version != 0)
        throw StoreError(StoreError::Kind::NotOurs, path + " is not an Indgang database");
    if (app == 0) {
        Stmt s = db->prepare("SELECT count(*) FROM sqlite_master");
        s.step();
        if (s.int64(0) != 0)
            throw StoreError(StoreError::Kind::NotOurs, path + " is not an Indgang database");
    }
    if (version > schema_version())
        throw StoreError(StoreError::Kind::TooNew,
                         path + " was written by a newer Indgang (schema " +
                             std::to_string(version) + ", this build knows " +
                             std::to_string(schema_version()) + ")");
    if (mode == Db::Mode::ReadWrite) {
        db->exec("PRAGMA journal_mode=WAL");
        // Set by the code, not left to how the system SQLite was built: a deleted or overwritten
        // value (an erased nickname) is zeroed in the page, not merely marked free.
        db->exec("PRAGMA secure_delete=ON");
        migrate(*db);
    }
    return db;
}

}  // namespace indgang::db
