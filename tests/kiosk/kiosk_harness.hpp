// The real kiosk binary on a script, headless, on a demo database of its own: what the newer
// kiosk test files share (kiosk_flows.cpp predates it and keeps its own copy for now).
#pragma once

#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace indgang::kiosk_test {

// Tuesday 24 November 2026, 10:05 in Copenhagen (the demo's Mette is in 10:00–12:00).
inline constexpr const char* kNow = "2026-11-24T10:05";

inline Instant local(const char* ymd_hm) {
    const auto d = parse_date(std::string_view(ymd_hm, 10));
    const auto m = parse_minute(std::string_view(ymd_hm + 11));
    return *TimeZone("Europe/Copenhagen").to_utc(*d, *m);
}

inline std::string read_file(const std::filesystem::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

struct Kiosk {
    std::filesystem::path dir;
    std::string db_path;

    explicit Kiosk(const std::string& name) {
        dir = std::filesystem::path(KIOSK_SHOTS) / name;
        std::filesystem::remove_all(dir);
        std::filesystem::create_directories(dir);
        db_path = (dir / "kiosk.sqlite").string();
        ensure_demo_data(*open(), local(kNow));
    }
    std::unique_ptr<db::Db> open() const { return db::open_store(db_path); }

    // Runs the kiosk on `script`; returns its exit code. Output (and failures) go to kiosk.log.
    int run(const std::string& script, const std::string& extra = "", const std::string& env = "") const {
        const auto s = dir / "run.kiosk";
        std::ofstream(s) << script;
        const std::string cmd = env + " INDGANG_NOW=" + kNow + " SDL_VIDEODRIVER=offscreen '" + KIOSK_BIN + "' --db '" +
                                db_path + "' --script '" + s.string() + "' --screenshots '" + (dir / "shots").string() +
                                "' " + extra + " >>'" + (dir / "kiosk.log").string() + "' 2>&1";
        const int rc = std::system(cmd.c_str());
        return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
    }
    std::string log() const { return read_file(dir / "kiosk.log"); }
};

}  // namespace indgang::kiosk_test
