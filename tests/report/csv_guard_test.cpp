#include "core/report/render.hpp"

#include <doctest/doctest.h>

using indgang::report::csv_cell;

TEST_CASE("CSV fields that a spreadsheet would run as a formula are defused, fullwidth ones too") {
    CHECK(csv_cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
    CHECK(csv_cell("+45 1234") == "'+45 1234");
    CHECK(csv_cell("-2+3") == "'-2+3");
    CHECK(csv_cell("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_cell("\tx") == "'\tx");
    CHECK(csv_cell("  =1+1") == "'  =1+1");                          // after leading spaces
    CHECK(csv_cell("\xEF\xBC\x9D" "1+1") == "'\xEF\xBC\x9D" "1+1");  // ＝
    CHECK(csv_cell("\xEF\xBC\x8B" "1") == "'\xEF\xBC\x8B" "1");      // ＋
    CHECK(csv_cell("\xEF\xBC\x8D" "1") == "'\xEF\xBC\x8D" "1");      // －
    CHECK(csv_cell("\xEF\xBC\xA0" "x") == "'\xEF\xBC\xA0" "x");      // ＠
    // Ordinary fields are untouched (apart from quoting).
    CHECK(csv_cell("God snak") == "God snak");
    CHECK(csv_cell("a,b") == "\"a,b\"");
    CHECK(csv_cell("12") == "12");
    CHECK(csv_cell("\xEF\xBC\xA1") == "\xEF\xBC\xA1");                 // fullwidth A is no sign
    CHECK(csv_cell("") == "");
}
