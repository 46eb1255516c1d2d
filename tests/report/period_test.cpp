#include "core/domain/civil_time.hpp"
#include "core/report/period.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::report;

TEST_CASE("a month and a quarter") {
    const Period m = parse_period("2026-11");
    CHECK(format_date(m.first) == "2026-11-01");
    CHECK(format_date(m.last) == "2026-11-30");
    CHECK(m.months == std::vector<std::string>{"2026-11"});
    const Period q = parse_period("2026-Q4");
    CHECK(q.label == "2026-Q4");
    CHECK(format_date(q.first) == "2026-10-01");
    CHECK(format_date(q.last) == "2026-12-31");
    CHECK(q.months == std::vector<std::string>{"2026-10", "2026-11", "2026-12"});
    CHECK(format_date(parse_period("2028-02").last) == "2028-02-29");
    CHECK(parse_period("2027-q1").label == "2027-Q1");
    CHECK(month_of(*parse_date("2026-03-15")).label == "2026-03");
}

TEST_CASE("a bad period says what it expected") {
    for (const char* bad : {"2026-13", "2026-Q5", "2026-00", "26-11", "2026/11", "2026-11-01", "", "2026-Q"}) {
        INFO(bad);
        CHECK_THROWS_WITH_AS(parse_period(bad), doctest::Contains("like 2026-11"), DomainError);
    }
}
