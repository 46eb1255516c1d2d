// Opening hours (core/domain/opening_hours): open or closed at a moment, and when that changes,
// across nights, weekends, back-to-back periods and the spring daylight-saving gap.
#include "core/domain/opening_hours.hpp"

#include <doctest/doctest.h>

using namespace indgang;

namespace {

const TimeZone cph("Europe/Copenhagen");

Instant at(const char* date, int h, int m = 0) { return *cph.to_utc(*parse_date(date), h * 60 + m); }

// The demo centre: weekdays 09–16, Saturday 10–14, Sunday closed.
std::vector<OpeningHours> demo_hours() {
    std::vector<OpeningHours> h;
    for (int wd = 1; wd <= 5; ++wd) h.push_back({wd, 9 * 60, 16 * 60});
    h.push_back({6, 10 * 60, 14 * 60});
    return h;
}

}  // namespace

TEST_SUITE("opening-hours") {
TEST_CASE("open during the day, closed at night, reopening the next morning") {
    const auto h = demo_hours();
    auto s = opening_state(h, cph, at("2026-11-24", 10, 5));   // Tuesday
    CHECK(s.open);
    CHECK(s.next_change == at("2026-11-24", 16));
    s = opening_state(h, cph, at("2026-11-24", 16));            // closing time itself: closed
    CHECK_FALSE(s.open);
    CHECK(s.next_change == at("2026-11-25", 9));
    s = opening_state(h, cph, at("2026-11-25", 2, 15));
    CHECK_FALSE(s.open);
    CHECK(s.next_change == at("2026-11-25", 9));
    CHECK(opening_state(h, cph, at("2026-11-25", 9)).open);      // opening time itself: open
}

TEST_CASE("Saturday afternoon reopens on Monday; Sunday is closed all day") {
    const auto h = demo_hours();
    auto s = opening_state(h, cph, at("2026-11-28", 15));        // Saturday
    CHECK_FALSE(s.open);
    CHECK(s.next_change == at("2026-11-30", 9));
    CHECK_FALSE(opening_state(h, cph, at("2026-11-29", 12)).open);
}

TEST_CASE("back-to-back periods are one open stretch; a lunch gap closes") {
    std::vector<OpeningHours> h{{2, 9 * 60, 12 * 60}, {2, 12 * 60, 16 * 60}, {3, 9 * 60, 11 * 60}, {3, 12 * 60, 15 * 60}};
    auto s = opening_state(h, cph, at("2026-11-24", 10));
    CHECK(s.open);
    CHECK(s.next_change == at("2026-11-24", 16));
    s = opening_state(h, cph, at("2026-11-25", 11, 30));
    CHECK_FALSE(s.open);
    CHECK(s.next_change == at("2026-11-25", 12));
}

TEST_CASE("no hours stored means always open; hours on no day ahead never reopen") {
    const auto s = opening_state({}, cph, at("2026-11-24", 3));
    CHECK(s.open);
    CHECK_FALSE(s.next_change);
}

TEST_CASE("opening in the spring daylight-saving gap opens at the first real minute") {
    // Sunday 29 March 2026: 02:00–03:00 does not exist in Copenhagen.
    std::vector<OpeningHours> h{{7, 2 * 60 + 30, 10 * 60}};
    const auto s = opening_state(h, cph, at("2026-03-29", 1, 0));
    CHECK_FALSE(s.open);
    REQUIRE(s.next_change);
    CHECK(cph.to_local(*s.next_change).minute == 3 * 60);
    CHECK(opening_state(h, cph, *s.next_change).open);
}
}
