// A minimal POSIX ustar archive: the bundle is one file the municipality opens with any `tar`.
// Written deterministically (fixed owner, mode and mtime) so the same data gives the same bytes.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace indgang::exporting {

struct ArchiveFile {
    std::string name;                         // ≤ 100 bytes, no leading '/'
    std::string bytes;
};

class ArchiveError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Files in the order given; every header has `mtime` and mode 0644, owner 0/0.
std::string write_tar(const std::vector<ArchiveFile>& files, int64_t mtime);
// Regular files of a ustar archive, in archive order. Throws ArchiveError when damaged.
std::vector<ArchiveFile> read_tar(std::string_view archive);

}  // namespace indgang::exporting
