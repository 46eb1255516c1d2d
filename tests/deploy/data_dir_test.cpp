// The data dir (core/install/data_dir): found beside the program as installed, overridable,
// and a clear error instead of English-only screens when the files are missing.
#include "core/install/data_dir.hpp"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using indgang::install::resolve_data_dir;

TEST_SUITE("data-dir") {
TEST_CASE("found at bin/../share/indgang of wherever the program is; the override wins") {
    const fs::path root = fs::path(DEPLOY_WORK) / "data-dir" / "usr";
    fs::remove_all(root.parent_path());
    fs::create_directories(root / "share/indgang/i18n");
    fs::create_directories(root / "bin");
    std::ofstream(root / "share/indgang/i18n/languages.json") << "{}";
    CHECK(resolve_data_dir(nullptr, (root / "bin/indgang-admin").string()) == (root / "share/indgang").string());
    CHECK(resolve_data_dir("", (root / "bin/indgang-admin").string()) == (root / "share/indgang").string());
    CHECK(resolve_data_dir((root / "share/indgang").c_str(), "/nowhere/bin/x") == (root / "share/indgang").string());
}

TEST_CASE("missing data is an error naming where it looked") {
    const fs::path root = fs::path(DEPLOY_WORK) / "data-dir-missing";
    fs::remove_all(root);
    fs::create_directories(root / "bin");
    try {
        resolve_data_dir(nullptr, (root / "bin/indgang-kiosk").string());
        FAIL("no error");
    } catch (const std::runtime_error& e) {
        CHECK(std::string(e.what()).find((root / "share/indgang").string()) != std::string::npos);
    }
    CHECK_THROWS_AS(resolve_data_dir((root / "nothing").c_str(), "/usr/bin/x"), std::runtime_error);
}
}
