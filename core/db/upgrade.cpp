#include "core/db/upgrade.hpp"

#include "core/db/store.hpp"

namespace indgang::db {

std::string downgrade_advice(const std::string& db_path, const std::string& backup_dir) {
    const auto b = newest_restorable(backup_dir);
    if (!b)
        return "No backup in " + backup_dir + " fits this version: install the newer Indgang package again.";
    return "Install the newer Indgang package again, or restore the last backup this version can read: "
           "indgang-admin --db " + db_path + " restore " + b->path;
}

UpgradeResult upgrade_database(const std::string& db_path, const std::string& backup_dir, int64_t now,
                               const std::string& label) {
    UpgradeResult r;
    r.to = schema_version();
    {
        auto db = open_store(db_path, Db::Mode::ReadOnly);   // checks it; migrates nothing
        r.from = static_cast<int>(db->pragma_int("user_version"));
        if (r.from == r.to) return r;
        r.backup = backup_to(*db, backup_dir, now, label);
    }
    open_store(db_path);   // migrates, one transaction per step
    return r;
}

}  // namespace indgang::db
