// Package upgrades and downgrades of the database: a newer build copies the database aside
// before migrating it; an older build refuses it and names the backup to restore.
#pragma once

#include "core/db/backup.hpp"

#include <optional>
#include <string>

namespace indgang::db {

struct UpgradeResult {
    int from = 0;                       // schema before
    int to = 0;                         // schema after (this build's)
    std::optional<BackupFile> backup;   // taken only when there was something to migrate
};

// Brings the database at `db_path` to this build's schema. When it is older, it is first copied
// to `backup_dir` (labelled `label`, e.g. "before-upgrade-0.1.0"); when it is current nothing is
// written. A database newer than this build throws StoreError::TooNew (see downgrade_advice).
UpgradeResult upgrade_database(const std::string& db_path, const std::string& backup_dir, int64_t now,
                               const std::string& label);

// What to tell staff when the database is newer than this build: the newest backup in
// `backup_dir` that this build can open, and the command that restores it.
std::string downgrade_advice(const std::string& db_path, const std::string& backup_dir);

}  // namespace indgang::db
