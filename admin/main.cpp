// indgang-admin: the staff and project-lead tool. Subcommands for scripts and staff at a
// terminal; without one it opens the staff window.
#include "commands.hpp"

#include "core/db/store.hpp"
#include "core/db/upgrade.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/timetable.hpp"
#include "core/install/data_dir.hpp"
#include "core/text/staff_text.hpp"

#include <cstdio>
#include <cstdlib>

namespace indgang::admin {

std::unique_ptr<db::Db> Context::open() const {
    if (db_path.empty() || db_path == ":memory:" || db_path.rfind("file::memory:", 0) == 0)
        throw DomainError(ErrorCode::Invalid,
                          text::st_fill("--db needs a database file; \"{path}\" would lose every change on exit", {{"path", db_path}}));
    auto db = db::open_store(db_path);
    // Every run of the tool keeps the data honest: overdue nicknames erased, no-shows marked
    // (unless the clock looks wrong, see housekeeping.hpp).
    run_housekeeping(*db, now());
    return db;
}

std::unique_ptr<db::Db> Context::open_read() const {
    if (db_path.empty()) throw DomainError(ErrorCode::Invalid, text::st("--db needs a database file"));
    auto db = db::open_store(db_path, db::Db::Mode::ReadOnly);
    // Reading an older schema with today's queries would fail on a missing column; say what to do.
    if (const int64_t v = db->pragma_int("user_version"); v > 0 && v < db::schema_version())
        throw db::StoreError(db::StoreError::Kind::TooNew,
                             text::st_fill("{path} is from an older Indgang (schema {version}); run 'indgang-admin --db "
                                           "{path} migrate' (it backs the file up first) before reading it",
                                           {{"path", db_path}, {"version", std::to_string(v)}}));
    return db;
}
Instant Context::now() const { return now_utc(); }

Id resolve_site(db::Db& db, Id site) {
    if (site != 0) return get_site(db, site).id;
    const auto sites = list_sites(db);
    if (sites.size() == 1) return sites.front().id;
    throw DomainError(ErrorCode::Invalid, sites.empty() ? text::st("no site yet: add one with 'sites add' or open the staff window")
                                                        : text::st("several sites: choose one with --site"));
}

Id resolve_service(db::Db& db, const std::string& key_or_id) {
    if (!key_or_id.empty() && key_or_id.size() <= 12 &&
        key_or_id.find_first_not_of("0123456789") == std::string::npos)
        return get_service(db, std::strtoll(key_or_id.c_str(), nullptr, 10)).id;
    return get_service_by_key(db, key_or_id).id;
}

Date parse_date_arg(const std::string& s) {
    if (auto d = parse_date(s)) return *d;
    throw DomainError(ErrorCode::Invalid, text::st_fill("'{text}' is not a date (YYYY-MM-DD)", {{"text", s}}));
}

int parse_time_arg(const std::string& s) {
    if (auto m = parse_minute(s)) return *m;
    throw DomainError(ErrorCode::Invalid, text::st_fill("'{text}' is not a time (HH:MM)", {{"text", s}}));
}

}  // namespace indgang::admin

int main(int argc, char** argv) {
    using namespace indgang;
    admin::Context ctx;
    CLI::App app{"Indgang admin: timetable, bookings, reports and the municipality extract"};
    app.set_help_all_flag("--help-all", "Show every subcommand's help");
    app.add_option("--db", ctx.db_path, "Database file")->capture_default_str();
    app.add_flag("--json", ctx.json, "Machine-readable JSON on stdout");
    app.add_option("--screenshots", ctx.screenshots_dir,
                   "Staff window only: write a PNG of every tab to this folder and exit");
    app.add_option("--site", ctx.site_id, "Staff window only: the site to manage");
    app.add_option("--script", ctx.script_path, "Staff window only: run a script of steps headless (tests)");
    app.add_option("--dump-texts", ctx.dump_texts, "Staff window only: write every string shown to this file");
    // Staff read Danish; INDGANG_STAFF_LANG=en (or --staff-lang en) for English.
    std::string staff_lang = std::getenv("INDGANG_STAFF_LANG") ? std::getenv("INDGANG_STAFF_LANG") : "da";
    app.add_option("--staff-lang", staff_lang, "Language of staff messages and the staff window (da, en)");
    app.parse_complete_callback([&staff_lang] { text::init_staff_text(install::i18n_dir(), staff_lang); });
    admin::add_timetable_commands(app, ctx);
    admin::add_booking_commands(app, ctx);
    admin::add_i18n_commands(app, ctx);
    admin::add_report_commands(app, ctx);
    admin::add_upload_commands(app, ctx);
    admin::add_backup_commands(app, ctx);
    admin::add_print_commands(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const DomainError& e) {
        // The core's fixed messages are in the staff catalog (admin/gui/staff_errors.cpp lists them).
        std::fprintf(stderr, "indgang-admin: %s\n", text::st(e.what()));
        return 1;
    } catch (const db::StoreError& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", e.what());
        if (e.kind == db::StoreError::Kind::TooNew)   // a downgrade: say which backup fits
            std::fprintf(stderr, "indgang-admin: %s\n",
                         db::downgrade_advice(ctx.db_path, db::default_backup_dir(ctx.db_path)).c_str());
        return 3;
    } catch (const db::BackupError& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", e.what());
        return 3;
    } catch (const db::Error& e) {
        std::fprintf(stderr, "indgang-admin: %s %s\n", text::st("database error:"), e.what());
        return e.is_busy() ? 4 : 3;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", e.what());
        return 1;
    }
    if (app.get_subcommands().empty()) return admin::run_gui(ctx);
    return 0;
}
