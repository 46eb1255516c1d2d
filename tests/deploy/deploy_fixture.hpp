// Shared by the deploy tests: a fresh folder per test case, a demo database in it, and reading
// whole files.
#pragma once

#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace deploy_test {

namespace fs = std::filesystem;

// Tuesday 24 November 2026, 10:05 in Copenhagen (the demo week's busy morning).
inline indgang::Instant tuesday_morning() {
    return *indgang::TimeZone("Europe/Copenhagen").to_utc(*indgang::parse_date("2026-11-24"), 10 * 60 + 5);
}

inline fs::path fresh_dir(const std::string& name) {
    const fs::path d = fs::path(DEPLOY_WORK) / name;
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

inline std::string make_demo_db(const fs::path& dir) {
    const std::string path = (dir / "indgang.db").string();
    auto db = indgang::db::open_store(path);
    indgang::ensure_demo_data(*db, tuesday_morning());
    return path;
}

inline std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

inline int64_t count(const std::string& db_path, const char* sql) {
    indgang::db::Db db(db_path, indgang::db::Db::Mode::ReadOnly);
    auto st = db.prepare(sql);
    return st.step() ? st.int64(0) : -1;
}

// Overwrites the b-tree header of page 2 (the first table's root): integrity_check and every
// read of that table fail, as after a torn write or a bad sector.
inline void damage(const std::string& path) {
    std::fstream f(path, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(4096);
    const std::string junk(64, '\x5a');
    f.write(junk.data(), static_cast<std::streamsize>(junk.size()));
}

}  // namespace deploy_test
