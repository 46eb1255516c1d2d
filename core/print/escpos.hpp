// ESC/POS for receipt printers (Epson TM-T20/T88 class): the few commands a slip needs, written
// directly because CUPS raw queues are deprecated (CUPS 2.4 lpadmin), plus a decoder that tests
// and the docs screenshots use to read a job back. Every slip is ONE raster image (GS v 0), so
// any script the kiosk can draw prints, whatever code pages the printer has.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace indgang::print {

// A 1-bit image, rows top to bottom, each row packed MSB first (the bit order GS v 0 wants);
// a set bit is a black dot.
struct Raster {
    int width = 0;                     // dots; a multiple of 8
    int height = 0;
    std::vector<uint8_t> bits;         // height * width / 8 bytes

    int row_bytes() const { return width / 8; }
    bool dot(int x, int y) const { return bits[y * row_bytes() + x / 8] & (0x80 >> (x % 8)); }
    void set(int x, int y) { bits[y * row_bytes() + x / 8] |= static_cast<uint8_t>(0x80 >> (x % 8)); }
    static Raster blank(int width, int height);
    bool operator==(const Raster&) const = default;
};

// Printable width at 203 dpi: 58 mm paper → 384 dots, 80 mm → 576 dots (Epson's figures).
enum class Paper { Mm58, Mm80 };
int paper_dots(Paper p);

// The bytes of one slip: ESC @ (initialise), the raster in bands of at most kBandRows rows
// (GS v 0 — some printers' buffers overflow on one tall image), ESC d (feed past the cutter),
// GS V 66 0 (feed and partial cut).
inline constexpr int kBandRows = 256;
inline constexpr int kFeedLines = 4;
std::string encode_slip(const Raster& slip);

// Real-time status request (DLE EOT n) for n = 1 printer, 2 offline cause, 4 paper roll.
std::string status_request();

// What DLE EOT answers mean, bit by bit (Epson ESC/POS reference, DLE EOT).
struct PrinterStatus {
    bool answered = false;     // three well-formed bytes came back
    bool offline = false;      // n=1 bit 3
    bool cover_open = false;   // n=2 bit 2
    bool paper_out = false;    // n=2 bit 5 or n=4 bits 5-6
    bool paper_low = false;    // n=4 bits 2-3: near end, still prints
    bool error = false;        // n=2 bit 6 (cutter jam, overheating)
    bool ready() const { return answered && !offline && !cover_open && !paper_out && !error; }
};
// `reply` is what came back for status_request(): one byte per query. Bytes whose fixed bits are
// wrong (bit 1 and 4 set, 0 and 7 clear) mean "not an ESC/POS answer": answered stays false.
PrinterStatus parse_status(const std::string& reply);
// The three bytes a printer in that state would send (for test fixtures and the simulator).
std::string status_reply(bool offline, bool cover_open, bool paper_out, bool paper_low = false);

// A job read back. Throws std::runtime_error on bytes that are not one of the commands above.
struct DecodedJob {
    int inits = 0;             // ESC @
    int status_queries = 0;    // DLE EOT n
    int bands = 0;             // GS v 0 images
    int feed_lines = 0;        // ESC d n, summed
    int cuts = 0;              // GS V
    bool cut_last = false;     // nothing printed after the last cut
    Raster image;              // the bands stacked
};
DecodedJob decode(const std::string& bytes);

}  // namespace indgang::print
