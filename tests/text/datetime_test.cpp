#include "core/text/datetime.hpp"

#include <doctest/doctest.h>

using namespace indgang::text;

namespace {
// 2025-11-25 09:20 UTC = Tuesday 10:20 in Copenhagen (CET, UTC+1).
constexpr int64_t tuesday = 1764062400;
// 2025-07-01 08:05 UTC = Tuesday 10:05 in Copenhagen (CEST, UTC+2).
constexpr int64_t summer = 1751357100;
const std::string cph = "Europe/Copenhagen";
}  // namespace

TEST_CASE("weekday and month names in the visitor's language") {
    CHECK(format_day(tuesday, "da", cph) == "tirsdag 25. november");
    CHECK(format_day(tuesday, "en", cph) == "Tuesday, November 25");
    CHECK(format_day(tuesday, "pl", cph) == "wtorek, 25 listopada");
    CHECK(format_day(tuesday, "uk", cph) == "вівторок, 25 листопада");
    CHECK(format_day(tuesday, "tr", cph) == "25 Kasım Salı");
    CHECK(format_day(tuesday, "ro", cph) == "marți, 25 noiembrie");
    // Gregorian calendar and Western digits for Arabic and Persian too.
    CHECK(format_day(tuesday, "ar", cph) == "الثلاثاء، 25 نوفمبر");
    CHECK(format_day(tuesday, "fa", cph).find("25") != std::string::npos);
    CHECK(format_day(tuesday, "fa", cph).find("نوامبر") != std::string::npos);
    // Tigrinya (Ethiopic script) and Kalaallisut have their own names in ICU 72.
    CHECK(format_day(tuesday, "ti", cph) == "ሰሉስ፣ 25 ሕዳር");
    CHECK(format_day(tuesday, "kl", cph).find("marlunngorneq") != std::string::npos);
    CHECK(format_weekday(tuesday, "da", cph) == "tirsdag");
}

TEST_CASE("Somali dates use the month names Somali readers know, not 'month eleven'") {
    const std::string so = format_day(tuesday, "so", cph);
    CHECK(so == "Talaado, 25 Nofeembar");
    CHECK(so.find("Bisha") == std::string::npos);
    CHECK(format_day(summer, "so", cph).ends_with(" 1 Luuliyo"));
    CHECK(format_day(tuesday - 86400 * 328, "so", cph).ends_with(" 1 Janaayo"));   // 2025-01-01
}

TEST_CASE("each language's own comma joins the parts of a line") {
    CHECK(list_comma("ar") == "، ");
    CHECK(list_comma("fa") == "، ");
    CHECK(list_comma("ur") == "، ");
    CHECK(list_comma("ti") == "፣ ");
    CHECK(list_comma("da") == ", ");
    CHECK(list_comma("so") == ", ");
}

TEST_CASE("24-hour time, local to the centre, across daylight saving") {
    CHECK(format_time(tuesday, "da", cph) == "10.20");
    CHECK(format_time(tuesday, "en", cph) == "10:20");  // not "10:20 AM"
    CHECK(format_time(tuesday, "ar", cph) == "10:20");  // not ١٠:٢٠
    CHECK(format_time(tuesday, "fa", cph) == "10:20");
    CHECK(format_time(summer, "en", cph) == "10:05");
    CHECK(format_time(summer + 4 * 3600, "en", cph) == "14:05");
    // An unknown zone falls back to Copenhagen rather than UTC.
    CHECK(format_time(tuesday, "en", "Nowhere/Atlantis") == "10:20");
}

TEST_CASE("numbers use the language's grouping with Western digits") {
    CHECK(format_number(1234, "da") == "1.234");
    CHECK(format_number(1234, "en") == "1,234");
    CHECK(format_number(42, "ar") == "42");
}
