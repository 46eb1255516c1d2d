// The admin command line: one registration function per area, each in its own file.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <CLI/CLI.hpp>

#include <memory>
#include <string>

namespace indgang::admin {

struct Context {
    std::string db_path = "indgang.db";
    bool json = false;                 // --json: machine-readable output on stdout
    std::string screenshots_dir;       // staff window: render every tab to PNGs here and exit
    Id site_id = 0;                    // staff window: which site (0 = the only one)
    std::string script_path;           // staff window: run this script headless (window_script.hpp)
    std::string dump_texts;            // staff window: write every string it showed to this file
    // Opens the database read-write (migrating it, then housekeeping); throws db::StoreError with
    // a clear message. Refuses "" and ":memory:", where a write would vanish on exit.
    std::unique_ptr<db::Db> open() const;
    // Opens to read only: no migration, no housekeeping, nothing written, so a read-only copy
    // (a backup, a file handed to an auditor) can be inspected.
    std::unique_ptr<db::Db> open_read() const;
    Instant now() const;               // now_utc(): honours INDGANG_NOW
};

// --site may be left out when the database has exactly one site.
Id resolve_site(db::Db& db, Id site_or_zero);
// A service by key ("jobcentre") or numeric id.
Id resolve_service(db::Db& db, const std::string& key_or_id);
Date parse_date_arg(const std::string& s);      // throws DomainError::Invalid with the input
int parse_time_arg(const std::string& s);       // HH:MM

void add_timetable_commands(CLI::App& app, Context& ctx);   // admin/cli_timetable.cpp
void add_booking_commands(CLI::App& app, Context& ctx);     // admin/cli_booking.cpp
void add_i18n_commands(CLI::App& app, Context& ctx);        // admin/cli_i18n.cpp
void add_report_commands(CLI::App& app, Context& ctx);      // admin/cli_report.cpp
void add_upload_commands(CLI::App& app, Context& ctx);      // admin/cli_upload.cpp
void add_backup_commands(CLI::App& app, Context& ctx);      // admin/cli_backup.cpp
void add_print_commands(CLI::App& app, Context& ctx);       // admin/cli_print.cpp
// Without a subcommand, indgang-admin opens the staff GUI (admin/gui/).
int run_gui(Context& ctx);

}  // namespace indgang::admin
