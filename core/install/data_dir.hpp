// Where the programs find their data files (catalogs, forms, docs): resolved once, one way.
// Installed, they sit beside the binaries' prefix (bin/../share/indgang); the build tree stages
// the same layout (build/share/indgang), so a build runs exactly as an installed copy does.
// $INDGANG_DATA_DIR overrides, for tests that want another set of files.
#pragma once

#include <string>

namespace indgang::install {

// The data root: $INDGANG_DATA_DIR, else <directory of the running program>/<bin-to-data path
// fixed at configure time>. Throws std::runtime_error naming the places tried when it has no
// i18n/languages.json, so a broken install says so instead of showing English.
const std::string& data_dir();

std::string i18n_dir();     // data_dir()/i18n: languages.json, indgang.pot, <lang>.po
std::string assets_dir();   // data_dir()/assets: forms

// Resolves the root from explicit inputs; data_dir() calls it with the environment and
// /proc/self/exe. Exposed for tests.
std::string resolve_data_dir(const char* env_override, const std::string& program_path);

}  // namespace indgang::install
