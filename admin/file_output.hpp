// Files the admin tool writes for people (reports, extracts, unpacked bundles).
#pragma once

#include <string>

namespace indgang::admin {

// Writes `bytes` to `path.tmp` next to the target, then renames it over `path`: a full disk or a
// crash never leaves half a file under the real name. Throws std::runtime_error saying why.
void write_file_replacing(const std::string& path, const std::string& bytes);

}  // namespace indgang::admin
