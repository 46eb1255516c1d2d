#include "core/export/tar_archive.hpp"

#include <algorithm>
#include <cstdio>
#include <cstring>

namespace indgang::exporting {

namespace {

constexpr size_t kBlock = 512;

void octal(char* field, size_t width, uint64_t value) {
    // width-1 digits, zero padded, NUL terminated (the classic ustar layout).
    std::snprintf(field, width, "%0*llo", static_cast<int>(width - 1), static_cast<unsigned long long>(value));
}

uint64_t parse_octal(const char* field, size_t width) {
    uint64_t v = 0;
    for (size_t i = 0; i < width && field[i]; ++i) {
        if (field[i] == ' ') continue;
        if (field[i] < '0' || field[i] > '7') throw ArchiveError("bundle archive: bad number in a header");
        v = v * 8 + static_cast<uint64_t>(field[i] - '0');
    }
    return v;
}

unsigned checksum(const char* header) {
    unsigned sum = 0;
    for (size_t i = 0; i < kBlock; ++i)
        sum += (i >= 148 && i < 156) ? ' ' : static_cast<unsigned char>(header[i]);
    return sum;
}

}  // namespace

std::string write_tar(const std::vector<ArchiveFile>& files, int64_t mtime) {
    std::string out;
    for (const auto& f : files) {
        if (f.name.empty() || f.name.size() > 99 || f.name.front() == '/')
            throw ArchiveError("bundle archive: unusable file name \"" + f.name + "\"");
        char h[kBlock] = {};
        std::memcpy(h, f.name.data(), f.name.size());
        octal(h + 100, 8, 0644);
        octal(h + 108, 8, 0);
        octal(h + 116, 8, 0);
        octal(h + 124, 12, f.bytes.size());
        octal(h + 136, 12, static_cast<uint64_t>(mtime));
        h[156] = '0';
        std::memcpy(h + 257, "ustar", 6);
        std::memcpy(h + 263, "00", 2);
        std::memcpy(h + 265, "indgang", 7);
        std::memcpy(h + 297, "indgang", 7);
        std::snprintf(h + 148, 8, "%06o", checksum(h));
        h[155] = ' ';
        out.append(h, kBlock);
        out += f.bytes;
        out.append((kBlock - f.bytes.size() % kBlock) % kBlock, '\0');
    }
    out.append(2 * kBlock, '\0');             // end-of-archive marker
    return out;
}

std::vector<ArchiveFile> read_tar(std::string_view a) {
    std::vector<ArchiveFile> files;
    size_t pos = 0;
    while (true) {
        if (pos + kBlock > a.size()) throw ArchiveError("bundle archive is truncated");
        const char* h = a.data() + pos;
        if (std::all_of(h, h + kBlock, [](char c) { return c == 0; })) break;
        if (std::memcmp(h + 257, "ustar", 5) != 0) throw ArchiveError("bundle archive: not a ustar header");
        if (parse_octal(h + 148, 8) != checksum(h)) throw ArchiveError("bundle archive: header checksum mismatch");
        const uint64_t size = parse_octal(h + 124, 12);
        pos += kBlock;
        if (size > a.size() - pos) throw ArchiveError("bundle archive is truncated");
        if (h[156] == '0' || h[156] == '\0')
            files.push_back({std::string(h, strnlen(h, 100)), std::string(a.substr(pos, size))});
        pos += (size + kBlock - 1) / kBlock * kBlock;
    }
    return files;
}

}  // namespace indgang::exporting
