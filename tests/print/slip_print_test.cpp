// Slips end to end: built and drawn by kiosk/print in Danish, Arabic and Tigrinya, sent through
// the real link to a loopback TCP "printer" and to a file standing in for /dev/usb/lp0, decoded,
// and compared dot for dot with the kiosk's own rendering. Status bytes from the fixture stand in
// for paper out, cover open and offline.
#include "printer_fixture.hpp"

#include "core/print/printer_link.hpp"
#include "print/slips.hpp"

#include <doctest/doctest.h>

#include <stb/stb_image_write.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace indgang;
using namespace indgang::print;
using namespace indgang::kiosk;

namespace {

std::string i18n_dir() { return std::string(std::getenv("INDGANG_SOURCE_DIR") ? std::getenv("INDGANG_SOURCE_DIR") : INDGANG_SOURCE_DIR) + "/i18n"; }

// Tuesday 24 November 2026, 10:20 in Copenhagen (CET, +01:00).
constexpr Instant kTue1020 = 1795512000;

Slip booking_in(const std::string& lang) {
    text::Translator t(i18n_dir());
    t.set_language(lang);
    return booking_slip(t, {"48213", t.tr("Jobcentre"), "Mette", "Værestedet Kilden, Kildevej 12, 5000 Odense C", kTue1020});
}
Slip arrival_in(const std::string& lang) {
    text::Translator t(i18n_dir());
    t.set_language(lang);
    return arrival_slip(t, {t.tr("Jobcentre"), "Værestedet Kilden, Kildevej 12, 5000 Odense C", "K7Q-4MX", kTue1020 - 480});
}
Slip walkin_in(const std::string& lang) {
    text::Translator t(i18n_dir());
    t.set_language(lang);
    return walkin_slip(t, {"A-07", t.tr("Social centre"), "Værestedet Kilden", 2, kTue1020});
}

void save_png(const Raster& r, const std::string& name) {
    std::vector<unsigned char> grey(static_cast<size_t>(r.width) * r.height);
    for (int y = 0; y < r.height; ++y)
        for (int x = 0; x < r.width; ++x) grey[static_cast<size_t>(y) * r.width + x] = r.dot(x, y) ? 0 : 255;
    std::filesystem::create_directories(PRINT_SHOTS);
    const std::string path = std::string(PRINT_SHOTS) + "/" + name + ".png";
    CHECK(stbi_write_png(path.c_str(), r.width, r.height, 1, grey.data(), r.width) != 0);
    // INDGANG_UPDATE_SHOTS=1 refreshes the images in docs/screenshots.
    if (const char* u = std::getenv("INDGANG_UPDATE_SHOTS"); u && std::string(u) == "1")
        std::filesystem::copy_file(path, std::string(INDGANG_SOURCE_DIR) + "/docs/screenshots/" + name + ".png",
                                   std::filesystem::copy_options::overwrite_existing);
}

int ink(const Raster& r, int x0, int x1) {
    int n = 0;
    for (int y = 0; y < r.height; ++y)
        for (int x = x0; x < x1; ++x) n += r.dot(x, y);
    return n;
}

}  // namespace

TEST_CASE("slips: every script has its glyphs; Arabic lines start on the right") {
    for (const char* lang : {"da", "ar", "ti", "kl", "so", "uk"}) {
        CAPTURE(lang);
        for (const Slip& s : {booking_in(lang), arrival_in(lang), walkin_in(lang)}) {
            SlipRenderInfo info;
            const Raster r = render_slip(s, paper_dots(Paper::Mm80), &info);
            CHECK(info.missing.empty());
            CHECK(r.width == 576);
            CHECK(r.height > 300);
            CHECK(r.height < 1400);        // 17 cm of paper at most
        }
    }
    // The title line of the Arabic receipt: its ink is right of centre, the Danish one's left.
    const Slip ar = booking_in("ar"), da = booking_in("da");
    const Raster ar_title = render_slip({{ar.lines.front()}}, 576), da_title = render_slip({{da.lines.front()}}, 576);
    CHECK(ink(ar_title, 288, 576) > 4 * ink(ar_title, 0, 288));
    CHECK(ink(da_title, 0, 288) > 4 * ink(da_title, 288, 576));
    // The visitor's language changes the slip; the code box and Danish date are on both.
    CHECK_FALSE(render_slip(ar, 576) == render_slip(da, 576));
    CHECK(ar.lines.size() == da.lines.size() + 1);   // + the date in Danish
    const Slip proof = arrival_in("da");
    bool year_line = false;
    for (const auto& l : proof.lines) year_line |= l.text == "(tirsdag 24. november 2026 kl. 10.12)";
    CHECK(year_line);                                 // the proof carries the year, in Danish
}

TEST_CASE("slips print over TCP 9100 and arrive exactly as the kiosk drew them") {
    PrinterFixture printer(status_reply(false, false, false));
    const PrinterTarget target = parse_printer_target(printer.url());
    struct Case { const char* name; Slip slip; Paper paper; };
    const Case cases[] = {
        {"slip-da-booking", booking_in("da"), Paper::Mm80}, {"slip-ar-booking", booking_in("ar"), Paper::Mm80},
        {"slip-ti-booking", booking_in("ti"), Paper::Mm80}, {"slip-da-arrival", arrival_in("da"), Paper::Mm80},
        {"slip-ar-arrival", arrival_in("ar"), Paper::Mm58}, {"slip-ti-walkin", walkin_in("ti"), Paper::Mm58},
    };
    std::vector<Raster> drawn;
    for (const auto& c : cases) {
        drawn.push_back(render_slip(c.slip, paper_dots(c.paper)));
        const SendResult r = send_job(target, encode_slip(drawn.back()));
        CAPTURE(r.detail);
        REQUIRE(r.outcome == SendOutcome::Printed);
        CHECK(r.status.answered);
        CHECK(r.status.ready());
    }
    // The fixture stores a connection when the client closes it; give it a moment.
    for (int i = 0; i < 100 && printer.connections().size() < std::size(cases); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const std::vector<std::string> jobs = printer.connections();
    REQUIRE(jobs.size() == std::size(cases));
    for (size_t i = 0; i < jobs.size(); ++i) {
        CAPTURE(cases[i].name);
        const DecodedJob job = decode(jobs[i]);
        CHECK(job.inits == 1);
        CHECK(job.status_queries == 3);
        CHECK(job.cuts == 1);
        CHECK(job.cut_last);
        CHECK(job.image == drawn[i]);
        save_png(job.image, cases[i].name);
    }
}

TEST_CASE("slips print to a file standing in for /dev/usb/lp0") {
    const std::string path = std::string(PRINT_SHOTS) + "/lp0";
    std::filesystem::create_directories(PRINT_SHOTS);
    std::ofstream(path, std::ios::trunc).close();
    const Raster drawn = render_slip(arrival_in("ti"), paper_dots(Paper::Mm58));
    LinkTimeouts fast;
    fast.status_ms = 200;
    const SendResult r = send_job(parse_printer_target(path), encode_slip(drawn), fast);
    CHECK(r.outcome == SendOutcome::Printed);
    CHECK_FALSE(r.status.answered);       // a file does not answer: printed anyway
    std::stringstream got;
    got << std::ifstream(path, std::ios::binary).rdbuf();
    const DecodedJob job = decode(got.str());
    CHECK(job.status_queries == 3);
    CHECK(job.image == drawn);
    CHECK(job.cut_last);
    save_png(job.image, "slip-ti-arrival-58mm");

    // Unplugged: the device node is gone. Nothing is created in its place.
    const SendResult gone = send_job(parse_printer_target(path + "-missing"), encode_slip(drawn), fast);
    CHECK(gone.outcome == SendOutcome::Unreachable);
    CHECK_FALSE(std::filesystem::exists(path + "-missing"));
}

TEST_CASE("paper out, cover open, offline: nothing is sent, the state is told") {
    const std::string job = encode_slip(render_slip(walkin_in("da"), 384));
    struct Case { const char* name; std::string bytes; bool paper, cover, offline; };
    for (const Case& c : {Case{"paper out", status_reply(false, false, true), true, false, true},
                          Case{"cover open", status_reply(false, true, false), false, true, true},
                          Case{"offline", status_reply(true, false, false), false, false, true}}) {
        CAPTURE(c.name);
        PrinterFixture printer(c.bytes);
        const SendResult r = send_job(parse_printer_target(printer.url()), job);
        CHECK(r.outcome == SendOutcome::NotReady);
        CHECK(r.status.paper_out == c.paper);
        CHECK(r.status.cover_open == c.cover);
        CHECK(r.status.offline == c.offline);
        for (int i = 0; i < 50 && printer.connections().empty(); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        REQUIRE(printer.connections().size() == 1);
        CHECK(decode(printer.received()).bands == 0);   // the slip was not sent into a dead printer
    }
}

TEST_CASE("a silent printer gets the slip after the status timeout; a closed port is unreachable") {
    PrinterFixture silent("");
    LinkTimeouts fast;
    fast.status_ms = 300;
    const auto t0 = std::chrono::steady_clock::now();
    const SendResult r = send_job(parse_printer_target(silent.url()), encode_slip(render_slip(walkin_in("da"), 384)), fast);
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    CHECK(r.outcome == SendOutcome::Printed);
    CHECK_FALSE(r.status.answered);
    CHECK(ms >= 300);
    CHECK(ms < 2000);

    int closed_port = 0;
    { PrinterFixture gone(""); closed_port = gone.port; }
    const SendResult refused = send_job(parse_printer_target("tcp://127.0.0.1:" + std::to_string(closed_port)), "x", fast);
    CHECK(refused.outcome == SendOutcome::Unreachable);
}
