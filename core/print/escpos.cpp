#include "core/print/escpos.hpp"

#include <algorithm>
#include <stdexcept>

namespace indgang::print {

namespace {
constexpr char ESC = 0x1B, GS = 0x1D, DLE = 0x10, EOT = 0x04;

void put_u16(std::string& out, int v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
}  // namespace

Raster Raster::blank(int width, int height) {
    Raster r;
    r.width = (width + 7) / 8 * 8;
    r.height = height;
    r.bits.assign(static_cast<size_t>(r.row_bytes()) * height, 0);
    return r;
}

int paper_dots(Paper p) { return p == Paper::Mm58 ? 384 : 576; }

std::string encode_slip(const Raster& slip) {
    std::string out{ESC, '@'};
    const int rb = slip.row_bytes();
    for (int y0 = 0; y0 < slip.height; y0 += kBandRows) {
        const int rows = std::min(kBandRows, slip.height - y0);
        out += {GS, 'v', '0', 0};          // m = 0: normal density, no doubling
        put_u16(out, rb);
        put_u16(out, rows);
        out.append(reinterpret_cast<const char*>(slip.bits.data()) + static_cast<size_t>(y0) * rb,
                   static_cast<size_t>(rows) * rb);
    }
    out += {ESC, 'd', static_cast<char>(kFeedLines)};
    out += {GS, 'V', 66, 0};               // function B: feed to the cutter, partial cut
    return out;
}

std::string status_request() { return {DLE, EOT, 1, DLE, EOT, 2, DLE, EOT, 4}; }

PrinterStatus parse_status(const std::string& reply) {
    PrinterStatus s;
    if (reply.size() < 3) return s;
    const auto b = [&](int i) { return static_cast<uint8_t>(reply[i]); };
    for (int i = 0; i < 3; ++i)
        if ((b(i) & 0x93) != 0x12) return s;   // fixed bits: 1 and 4 set, 0 and 7 clear
    s.answered = true;
    s.offline = b(0) & 0x08;
    s.cover_open = b(1) & 0x04;
    s.paper_out = (b(1) & 0x20) || (b(2) & 0x60);
    s.error = b(1) & 0x40;
    s.paper_low = b(2) & 0x0C;
    return s;
}

std::string status_reply(bool offline, bool cover_open, bool paper_out, bool paper_low) {
    std::string r(3, static_cast<char>(0x12));
    if (offline || cover_open || paper_out) r[0] |= 0x08;   // any of these takes it offline
    if (cover_open) r[1] |= 0x04;
    if (paper_out) { r[1] |= 0x20; r[2] |= 0x60; }
    if (paper_low) r[2] |= 0x0C;
    return r;
}

DecodedJob decode(const std::string& bytes) {
    DecodedJob job;
    size_t i = 0;
    const auto need = [&](size_t n) {
        if (i + n > bytes.size()) throw std::runtime_error("ESC/POS: truncated command at byte " + std::to_string(i));
    };
    const auto u8 = [&](size_t at) { return static_cast<uint8_t>(bytes[at]); };
    bool printed_since_cut = false;
    while (i < bytes.size()) {
        need(2);
        const char c0 = bytes[i], c1 = bytes[i + 1];
        if (c0 == ESC && c1 == '@') {
            ++job.inits; i += 2;
        } else if (c0 == DLE && c1 == EOT) {
            need(3); ++job.status_queries; i += 3;
        } else if (c0 == ESC && c1 == 'd') {
            need(3); job.feed_lines += u8(i + 2); i += 3;
        } else if (c0 == GS && c1 == 'V') {
            need(3);
            i += (u8(i + 2) == 65 || u8(i + 2) == 66) ? 4 : 3;   // functions A/B carry a feed byte
            if (i > bytes.size()) throw std::runtime_error("ESC/POS: truncated cut");
            ++job.cuts; printed_since_cut = false;
        } else if (c0 == GS && c1 == 'v') {
            need(8);
            if (bytes[i + 2] != '0') throw std::runtime_error("ESC/POS: GS v without '0'");
            const int rb = u8(i + 4) | u8(i + 5) << 8, rows = u8(i + 6) | u8(i + 7) << 8;
            i += 8;
            need(static_cast<size_t>(rb) * rows);
            if (job.bands == 0) job.image = Raster::blank(rb * 8, 0);
            if (rb * 8 != job.image.width) throw std::runtime_error("ESC/POS: bands of different widths");
            job.image.bits.insert(job.image.bits.end(), bytes.begin() + i, bytes.begin() + i + rb * rows);
            job.image.height += rows;
            i += static_cast<size_t>(rb) * rows;
            ++job.bands; printed_since_cut = true;
        } else {
            throw std::runtime_error("ESC/POS: unknown command at byte " + std::to_string(i));
        }
    }
    job.cut_last = job.cuts > 0 && !printed_since_cut;
    return job;
}

}  // namespace indgang::print
