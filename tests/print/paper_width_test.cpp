// printer.paper_mm decides the raster width: 58 mm → 384 dots, 80 mm → 576, read back from the
// ESC/POS stream the loopback printer received. The table's range (58..80) lets 70 through; the
// kiosk refuses it where it reads the setting and prints for 80 mm.
#include "printer_fixture.hpp"

#include "core/db/store.hpp"
#include "core/domain/settings.hpp"
#include "print/print_worker.hpp"

#include <doctest/doctest.h>

#include <chrono>

using namespace indgang;
using namespace indgang::kiosk;

TEST_CASE("printer.paper_mm: 58 or 80 only; the raster width follows it") {
    CHECK(paper_for_mm(58) == print::Paper::Mm58);
    CHECK(paper_for_mm(80) == print::Paper::Mm80);
    CHECK_FALSE(paper_for_mm(70).has_value());
    auto db = db::open_store(":memory:");
    CHECK(paper_setting(*db) == print::Paper::Mm80);                 // the default
    set_setting_checked(*db, "printer.paper_mm", "70");               // the range lets it in …
    CHECK(paper_setting(*db) == print::Paper::Mm80);                 // … the reader does not
    set_setting_checked(*db, "printer.paper_mm", "58");
    const print::Paper small = paper_setting(*db);
    CHECK(small == print::Paper::Mm58);

    for (auto [paper, dots] : {std::pair{small, 384}, std::pair{print::Paper::Mm80, 576}}) {
        CAPTURE(dots);
        PrinterFixture printer(print::status_reply(false, false, false));
        {
            PrintWorker w(print::parse_printer_target(printer.url()), paper);
            SlipLine l;
            l.text = "A-07";
            l.size = SlipLine::Size::Huge;
            w.submit(Slip{{l}});
            for (int i = 0; i < 250 && w.state() == PrintState::Printing; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
            REQUIRE(w.state() == PrintState::Printed);
        }
        for (int i = 0; i < 50 && printer.connections().empty(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(20));
        REQUIRE_FALSE(printer.connections().empty());
        const auto job = print::decode(printer.connections().front());
        CHECK(job.image.width == dots);
        CHECK(job.cuts == 1);
    }
}
