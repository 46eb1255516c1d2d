// indgang-kiosk: the touchscreen check-in kiosk. Parses the command line and hands over to the
// platform loop; a headless start without a script runs the screenshot tour.
#include "app/kiosk_app.hpp"
#include "app/script_runner.hpp"
#include "platform/sdl_platform.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/install/data_dir.hpp"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace indgang::kiosk;

int main(int argc, char** argv) {
    CLI::App cli{"Indgang kiosk: book a time, check in, take a number"};
    KioskOptions k;
    PlatformOptions p;
    std::string script_file, size;
    cli.add_option("--db", k.db_path, "SQLite database")->required();
    cli.add_flag("--demo", k.demo, "create the demo site (Værestedet Kilden) if the database has none");
    cli.add_flag("--windowed", p.windowed, "a normal window instead of fullscreen kiosk mode");
    cli.add_option("--script", script_file, "run a script of taps and checks (see docs/kiosk.md)");
    cli.add_option("--screenshots", p.screenshots_dir, "directory for PNG screenshots");
    cli.add_option("--size", size, "window size WxH, e.g. 1080x1920 for portrait");
    cli.add_option("--screen-inches", p.screen_inches, "screen diagonal in inches (sizes are in mm)")
        ->check(CLI::Range(5.0f, 100.0f));
    cli.add_option("--lang", k.language, "language code (overrides the default language)");
    cli.add_option("--i18n", k.i18n_dir, "directory with languages.json and the PO catalogs");
    cli.add_option("--idle-seconds", k.idle_seconds, "idle time before the reset prompt (default: setting, 90)");
    cli.add_flag("--bench", p.print_timings, "print first-frame time, per-frame CPU and peak RSS at exit");
    cli.add_option("--run-seconds", p.run_seconds, "leave after this many seconds and print the CPU used");
    cli.add_flag("--full-redraw", p.full_redraw, "draw every changed frame whole instead of only what changed");
    cli.add_option("--admin-bin", k.admin_bin,
                   "the staff window program (default: indgang-admin next to this binary, else on PATH)");
    cli.add_option("--staff-window-script", k.staff_window_script,
                   "scripted runs: the staff window opened from staff mode runs this script headless");
    bool opening_hours = false;
    cli.add_flag("--opening-hours", opening_hours,
                 "scripted runs: show the closed screen outside opening hours, as the real kiosk always does");
    CLI11_PARSE(cli, argc, argv);

    if (k.i18n_dir.empty()) {
        try {
            k.i18n_dir = indgang::install::i18n_dir();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "indgang-kiosk: %s\n", e.what());
            return 2;
        }
    }
    if (!size.empty()) {
        if (std::sscanf(size.c_str(), "%dx%d", &p.width, &p.height) != 2 || p.width < 320 || p.height < 320) {
            std::fprintf(stderr, "indgang-kiosk: --size wants WxH, e.g. 1920x1080\n");
            return 2;
        }
    }

    bool tour = false;
    if (!script_file.empty()) {
        std::ifstream in(script_file);
        if (!in) {
            std::fprintf(stderr, "indgang-kiosk: cannot read script %s\n", script_file.c_str());
            return 2;
        }
        std::stringstream ss;
        ss << in.rdbuf();
        p.scripted = true;
        p.script = ss.str();
        p.script_name = script_file;
        p.signal_dir = fs::absolute(script_file).parent_path().string();
    } else if (headless() && p.run_seconds <= 0) {
        // No screen and nothing to do: show every screen once, as PNGs, on a throw-away
        // demo database so the real one is never touched.
        tour = true;
        p.scripted = true;
        p.script = tour_script();
        p.script_name = "tour";
        if (p.screenshots_dir.empty()) {
            char tmpl[] = "/tmp/indgang-kiosk-tour-XXXXXX";
            if (!mkdtemp(tmpl)) return 3;
            p.screenshots_dir = tmpl;
        }
        fs::create_directories(p.screenshots_dir);
        p.signal_dir = p.screenshots_dir;
        k.db_path = (fs::path(p.screenshots_dir) / "tour.sqlite").string();
        fs::remove(k.db_path);
        k.demo = true;
        if (k.language.empty()) k.language = "da";
        // The tour walks every screen, so it runs at a moment when the demo week has someone in
        // the house: at 20:47 on a Tuesday nobody is, and the walk-in step would have nothing to
        // show. Its database is its own, so its clock can be its own too.
        p.start_now = indgang::demo_showcase_time(indgang::now_utc());
    }
    if (p.screenshots_dir.empty()) p.screenshots_dir = ".";
    // Scripted runs (tests, the tour, benchmarks) drive flows at fixed times, the tour at any hour
    // a newcomer runs it: they see the closed screen only when they ask for it.
    k.opening_hours = !p.scripted || opening_hours;

    KioskApp app(k);
    const int rc = run_platform(app, p);
    if (tour) std::printf("%s\n", fs::absolute(p.screenshots_dir).c_str());
    return rc;
}
