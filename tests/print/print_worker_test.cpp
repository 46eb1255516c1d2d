// The worker: submit returns at once whatever the printer does, the state follows the printer's
// answer, and a double tap does not print a roll of slips.
#include "printer_fixture.hpp"

#include "print/print_worker.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace indgang;
using namespace indgang::kiosk;
using namespace std::chrono;

namespace {
Slip small_slip() {
    SlipLine l;
    l.text = "A-07";
    l.size = SlipLine::Size::Huge;
    return Slip{{l}};
}
PrintState wait_done(const PrintWorker& w) {
    for (int i = 0; i < 250 && w.state() == PrintState::Printing; ++i) std::this_thread::sleep_for(milliseconds(20));
    return w.state();
}
}  // namespace

TEST_CASE("print worker: never blocks the screen; the state is the printer's answer") {
    struct Case { const char* name; std::string bytes; PrintState want; };
    for (const Case& c : {Case{"ready", print::status_reply(false, false, false), PrintState::Printed},
                          Case{"paper out", print::status_reply(false, false, true), PrintState::PaperOut},
                          Case{"cover open", print::status_reply(false, true, false), PrintState::CoverOpen},
                          Case{"offline", print::status_reply(true, false, false), PrintState::Offline}}) {
        CAPTURE(c.name);
        PrinterFixture printer(c.bytes);
        PrintWorker w(print::parse_printer_target(printer.url()), print::Paper::Mm58);
        const auto t0 = steady_clock::now();
        w.submit(small_slip());
        CHECK(duration_cast<milliseconds>(steady_clock::now() - t0).count() < 20);
        CHECK(w.state() == PrintState::Printing);
        CHECK(wait_done(w) == c.want);
        w.clear_state();
        CHECK(w.state() == PrintState::Idle);
    }
}

TEST_CASE("print worker: an unreachable printer reads as offline; taps while busy are capped") {
    int closed_port = 0;
    { PrinterFixture gone(""); closed_port = gone.port; }
    PrintWorker w(print::parse_printer_target("tcp://127.0.0.1:" + std::to_string(closed_port)), print::Paper::Mm58);
    w.submit(small_slip());
    CHECK(wait_done(w) == PrintState::Offline);

    PrinterFixture printer(print::status_reply(false, false, false));
    {
        PrintWorker busy(print::parse_printer_target(printer.url()), print::Paper::Mm58);
        for (int i = 0; i < 10; ++i) busy.submit(small_slip());   // ten taps
        CHECK(wait_done(busy) == PrintState::Printed);
    }
    for (int i = 0; i < 50 && printer.connections().size() < 2; ++i) std::this_thread::sleep_for(milliseconds(20));
    std::this_thread::sleep_for(milliseconds(100));
    // The first starts at once; at most two more wait.
    CHECK(printer.connections().size() >= 1);
    CHECK(printer.connections().size() <= 3);

    PrintWorker none(print::parse_printer_target(""), print::Paper::Mm80);
    CHECK_FALSE(none.enabled());
    none.submit(small_slip());
    CHECK(none.state() == PrintState::Idle);
}
