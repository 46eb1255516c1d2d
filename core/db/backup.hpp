// Backups of the one file that holds every booking: an online copy through SQLite's backup API,
// checked with integrity_check before it gets its name, kept N days; and the restore, which
// refuses a damaged file and tells the kiosk to step aside while it runs.
#pragma once

#include "core/db/sqlite.hpp"

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace indgang::db {

// Why a backup or restore did not happen. The database being restored into is left untouched.
class BackupError : public std::runtime_error {
public:
    enum class Kind { Damaged, NotOurs, TooNew, Io };
    BackupError(Kind kind, const std::string& what) : std::runtime_error(what), kind(kind) {}
    Kind kind;
};

struct BackupFile {
    std::string path;
    int64_t taken_at = 0;     // UTC seconds, from the name (indgang-20261124T030000Z[-label].db)
    std::string label;        // "", "before-upgrade-0.1.0", "before-restore"
    int schema = -1;          // its user_version; -1 when it could not be read
    int64_t written_ns = 0;   // file time: orders two copies taken in the same second
};

// <folder of the database>/backups: where the timer, upgrades and restores keep their copies.
std::string default_backup_dir(const std::string& db_path);

// Copies the open database to `dir` while others keep using it (the backup API copies a
// consistent snapshot), checks the copy with integrity_check, syncs it to disk and only then
// renames it to its final name, so a file with a backup's name is always a whole, good copy.
// The file is owner-only (it holds nicknames). Throws BackupError.
BackupFile backup_to(Db& db, const std::string& dir, int64_t now, const std::string& label = "");

// The backups in `dir`, newest first; their schema is read from each file.
std::vector<BackupFile> list_backups(const std::string& dir);

// Deletes backups taken more than keep_days before `now`; the newest backup is always kept, so a
// box whose clock jumped cannot lose its last copy. Returns the deleted paths.
std::vector<std::string> prune_backups(const std::string& dir, int keep_days, int64_t now);

// A file fit to restore passes integrity_check, is an Indgang database (application_id), and is
// not newer than this build's schema. Returns its schema version; throws BackupError otherwise.
int check_restorable(const std::string& path);

// While this file exists the kiosk shows "out of order" and keeps its hands off the database.
std::string restore_marker(const std::string& db_path);

struct RestoreResult {
    std::optional<BackupFile> previous;   // the copy of what was replaced (none when no database)
    int schema_before = 0;                // the restored file's schema
    int schema_after = 0;                 // after migrating it to this build's
};

// Restores `backup` into `db_path`: checks it, raises the marker, waits `settle_ms` for the kiosk
// to let go, copies the current database to `backup_dir` ("before-restore"), writes the backup
// into the live file through the backup API (other connections see the new content; nothing is
// renamed under them), migrates it, and lowers the marker. Throws BackupError before anything
// is touched when the file is not fit to restore.
RestoreResult restore_from(const std::string& backup, const std::string& db_path, const std::string& backup_dir,
                           int64_t now, int settle_ms = 2500);

// For a database newer than this build: the newest backup in `dir` this build can open, which is
// the one to restore after a downgrade.
std::optional<BackupFile> newest_restorable(const std::string& dir);

}  // namespace indgang::db
