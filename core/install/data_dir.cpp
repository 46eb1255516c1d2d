#include "core/install/data_dir.hpp"

#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;

namespace indgang::install {

std::string resolve_data_dir(const char* env_override, const std::string& program_path) {
    if (env_override && *env_override) {
        if (!fs::exists(fs::path(env_override) / "i18n" / "languages.json"))
            throw std::runtime_error(std::string("INDGANG_DATA_DIR=") + env_override +
                                     " has no i18n/languages.json");
        return fs::path(env_override).lexically_normal().string();
    }
    // INDGANG_BIN_TO_DATA is CMake's relative path from the install bindir to the data dir
    // ("../share/indgang" with GNUInstallDirs): relocatable, so a DESTDIR copy works too.
    const fs::path root = (fs::path(program_path).parent_path() / INDGANG_BIN_TO_DATA).lexically_normal();
    if (!fs::exists(root / "i18n" / "languages.json"))
        throw std::runtime_error("no data files at " + root.string() +
                                 " (is the package complete? tests may set INDGANG_DATA_DIR)");
    return root.string();
}

const std::string& data_dir() {
    // Resolved once: the answer cannot change while the program runs.
    static const std::string dir = [] {
        std::error_code ec;
        const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
        return resolve_data_dir(std::getenv("INDGANG_DATA_DIR"), ec ? std::string() : exe.string());
    }();
    return dir;
}

std::string i18n_dir() { return data_dir() + "/i18n"; }
std::string assets_dir() { return data_dir() + "/assets"; }

}  // namespace indgang::install
