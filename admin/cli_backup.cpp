// `indgang-admin backup`, `restore` and `migrate`: the nightly copy of the database (the backup
// timer), putting one back, and the package upgrade's backup-then-migrate step (postinst).
#include "commands.hpp"

#include "core/db/backup.hpp"
#include "core/db/store.hpp"
#include "core/db/upgrade.hpp"
#include "core/domain/settings.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace indgang::admin {

namespace {

struct BackupOptions {
    std::string dir;           // "" = <database folder>/backups
    int keep_days = -1;        // -1: the backup.keep_days setting; 0 keeps everything
    std::string label;
    bool list = false;
};

struct RestoreOptions {
    std::string file;
    std::string backup_dir;    // where the copy of the replaced database goes
};

struct MigrateOptions {
    std::string backup_dir;
    std::string label = "before-upgrade";
};

// A label goes into a file name: Debian version characters (0.1.0+deb12u1~rc1) and nothing else.
const CLI::Validator kLabel(
    [](std::string& s) {
        return s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.+~-") ==
                       std::string::npos
                   ? std::string()
                   : std::string("letters, digits and . + ~ - only");
    },
    "LABEL");

std::string or_default(const std::string& dir, const Context& ctx) {
    return dir.empty() ? db::default_backup_dir(ctx.db_path) : dir;
}

nlohmann::json to_json(const db::BackupFile& f) {
    return {{"path", f.path}, {"taken_at", f.taken_at}, {"label", f.label}, {"schema", f.schema}};
}

void run_list(const Context& ctx, const std::string& dir) {
    const auto all = db::list_backups(dir);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& f : all) out.push_back(to_json(f));
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    if (all.empty()) std::printf("no backups in %s\n", dir.c_str());
    for (const auto& f : all) std::printf("%s  schema %d\n", f.path.c_str(), f.schema);
}

void run_backup(const Context& ctx, const BackupOptions& o) {
    const std::string dir = or_default(o.dir, ctx);
    if (o.list) return run_list(ctx, dir);
    // Read-only: a backup never migrates or purges, it copies what is there.
    auto db = db::open_store(ctx.db_path, db::Db::Mode::ReadOnly);
    const db::BackupFile f = db::backup_to(*db, dir, ctx.now(), o.label);
    const int keep = o.keep_days >= 0 ? o.keep_days : static_cast<int>(setting_int(*db, settings_key::kBackupKeepDays));
    const auto pruned = keep > 0 ? db::prune_backups(dir, keep, ctx.now()) : std::vector<std::string>{};
    if (ctx.json) {
        std::printf("%s\n", nlohmann::json{{"backup", to_json(f)}, {"pruned", pruned}}.dump(2).c_str());
        return;
    }
    std::printf("backup written and checked: %s\n", f.path.c_str());
    for (const auto& p : pruned) std::printf("removed (older than %d days): %s\n", keep, p.c_str());
}

void run_restore(const Context& ctx, const RestoreOptions& o) {
    const auto r = db::restore_from(o.file, ctx.db_path, or_default(o.backup_dir, ctx), ctx.now());
    if (ctx.json) {
        nlohmann::json out{{"restored", o.file}, {"schema_before", r.schema_before}, {"schema_after", r.schema_after}};
        if (r.previous) out["previous"] = to_json(*r.previous);
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    std::printf("restored %s into %s (schema %d, now %d)\n", o.file.c_str(), ctx.db_path.c_str(), r.schema_before,
                r.schema_after);
    if (r.previous) std::printf("the database it replaced is kept as %s\n", r.previous->path.c_str());
}

void run_migrate(const Context& ctx, const MigrateOptions& o) {
    const auto r = db::upgrade_database(ctx.db_path, or_default(o.backup_dir, ctx), ctx.now(), o.label);
    if (ctx.json) {
        nlohmann::json out{{"from", r.from}, {"to", r.to}};
        if (r.backup) out["backup"] = to_json(*r.backup);
        std::printf("%s\n", out.dump(2).c_str());
        return;
    }
    if (!r.backup) std::printf("database schema %d is current; nothing to do\n", r.to);
    else std::printf("database migrated from schema %d to %d; the old one is kept as %s\n", r.from, r.to,
                     r.backup->path.c_str());
}

}  // namespace

void add_backup_commands(CLI::App& app, Context& ctx) {
    {
        auto o = std::make_shared<BackupOptions>();
        auto* cmd = app.add_subcommand("backup", "Copy the database while it is in use, check the copy, drop old ones");
        cmd->add_option("--to", o->dir, "Folder for backups (default: backups/ beside the database)");
        cmd->add_option("--keep-days", o->keep_days,
                        "Delete backups older than this (default: the backup.keep_days setting, 14; 0 keeps all; "
                        "the newest stays)")
            ->check(CLI::Range(0, 3650));
        cmd->add_option("--label", o->label, "Word added to the file name, e.g. before-move")->check(kLabel);
        cmd->add_flag("--list", o->list, "List the backups (newest first) instead of taking one");
        cmd->callback([&ctx, o] { run_backup(ctx, *o); });
    }
    {
        auto o = std::make_shared<RestoreOptions>();
        auto* cmd = app.add_subcommand("restore", "Put a backup back (refuses a damaged or foreign file); the kiosk "
                                                  "shows 'out of order' meanwhile and comes back by itself");
        cmd->add_option("file", o->file, "The backup file (see 'backup --list')")->required();
        cmd->add_option("--backup-dir", o->backup_dir, "Where the replaced database is kept (default: backups/)");
        cmd->callback([&ctx, o] { run_restore(ctx, *o); });
    }
    {
        auto o = std::make_shared<MigrateOptions>();
        auto* cmd = app.add_subcommand("migrate", "Bring the database to this version's schema, backing it up first "
                                                  "(the package does this on upgrade)");
        cmd->add_option("--backup-dir", o->backup_dir, "Folder for the backup (default: backups/ beside the database)");
        cmd->add_option("--label", o->label, "Word in the backup's name")->capture_default_str()->check(kLabel);
        cmd->callback([&ctx, o] { run_migrate(ctx, *o); });
    }
}

}  // namespace indgang::admin
