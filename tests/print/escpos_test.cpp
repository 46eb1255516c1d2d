// The ESC/POS byte stream and the status bits, without any printer.
#include "core/domain/model.hpp"
#include "core/print/escpos.hpp"
#include "core/print/printer_link.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::print;

namespace {
Raster checker(int w, int h) {
    Raster r = Raster::blank(w, h);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x)
            if ((x / 3 + y / 5) % 2) r.set(x, y);
    return r;
}
}  // namespace

TEST_CASE("escpos: init, raster in bands, feed, cut; decoded back to the same image") {
    const Raster r = checker(384, 600);
    const std::string bytes = encode_slip(r);
    CHECK(bytes.substr(0, 2) == "\x1b@");
    CHECK(bytes.substr(2, 4) == std::string("\x1dv0\0", 4));
    CHECK(bytes.substr(bytes.size() - 4) == std::string("\x1dV\x42\0", 4));
    const DecodedJob job = decode(bytes);
    CHECK(job.inits == 1);
    CHECK(job.bands == 3);                 // 256 + 256 + 88 rows
    CHECK(job.cuts == 1);
    CHECK(job.cut_last);
    CHECK(job.feed_lines == kFeedLines);
    CHECK(job.image.width == 384);
    CHECK(job.image.height == 600);
    CHECK(job.image == r);
    // 48 bytes a row, plus 8-byte band headers and 2 + 3 + 4 bytes of commands.
    CHECK(bytes.size() == 600u * 48 + 3 * 8 + 9);
}

TEST_CASE("escpos: the decoder refuses what is not a slip") {
    CHECK_THROWS(decode("hello"));
    std::string cut_off = encode_slip(checker(64, 10));
    cut_off.resize(cut_off.size() - 20);
    CHECK_THROWS(decode(cut_off));
    // Printed after the cut: cut_last is false.
    const std::string two = encode_slip(checker(64, 4)) + std::string("\x1dv0\0\x08\0\x01\0", 8) + std::string(8, '\xff');
    CHECK_FALSE(decode(two).cut_last);
}

TEST_CASE("escpos: DLE EOT answers, bit by bit") {
    CHECK(parse_status(status_reply(false, false, false)).ready());
    const auto out = parse_status(status_reply(false, false, true));
    CHECK(out.answered);
    CHECK(out.paper_out);
    CHECK(out.offline);
    CHECK_FALSE(out.ready());
    const auto cover = parse_status(status_reply(false, true, false));
    CHECK(cover.cover_open);
    CHECK_FALSE(cover.paper_out);
    CHECK_FALSE(cover.ready());
    const auto low = parse_status(status_reply(false, false, false, true));
    CHECK(low.paper_low);
    CHECK(low.ready());                    // near end still prints
    CHECK(parse_status(status_reply(true, false, false)).offline);
    // Epson's own example answers: 0x12 = online; 0x16 = drawer pin high, still online.
    CHECK(parse_status("\x16\x12\x12").ready());
    // Not an ESC/POS answer (fixed bits wrong), too short: not answered, so not "not ready".
    CHECK_FALSE(parse_status("abc").answered);
    CHECK_FALSE(parse_status("\x12\x12").answered);
}

TEST_CASE("printer.device: empty, tcp://host:port, an absolute device path") {
    CHECK(parse_printer_target("").kind == PrinterTarget::Kind::None);
    const auto t = parse_printer_target("tcp://192.168.1.50:9100");
    CHECK(t.kind == PrinterTarget::Kind::Tcp);
    CHECK(t.host == "192.168.1.50");
    CHECK(t.port == 9100);
    CHECK(parse_printer_target("tcp://printer").port == 9100);
    CHECK(parse_printer_target("/dev/usb/lp0").path == "/dev/usb/lp0");
    CHECK_THROWS_AS(parse_printer_target("lp0"), DomainError);
    CHECK_THROWS_AS(parse_printer_target("tcp://printer:0"), DomainError);
    CHECK_THROWS_AS(parse_printer_target("tcp://printer:99999"), DomainError);
    CHECK_THROWS_AS(parse_printer_target("tcp://:9100"), DomainError);
}
