// The quarter-disc masks that round every button's corners (kiosk/ui/corner_coverage.hpp).
#include "ui/corner_coverage.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <numbers>

using namespace indgang::kiosk;

namespace {
double covered_area(const std::vector<uint8_t>& m) {
    double sum = 0;
    for (uint8_t v : m) sum += v / 255.0;
    return sum;
}
}  // namespace

TEST_CASE("a mask covers a quarter disc's area, within the sampling error") {
    for (int r : {1, 2, 5, 12, 24, 48}) {
        const auto m = corner_coverage(r, Corner::TopLeft);
        REQUIRE(m.size() == static_cast<size_t>(r * r));
        const double want = std::numbers::pi * r * r / 4;
        INFO("r = " << r << " area " << covered_area(m) << " want " << want);
        CHECK(std::abs(covered_area(m) - want) <= 0.02 * want + 0.1);
    }
}

TEST_CASE("outer corner empty, inner corner full, coverage falls towards the outside") {
    const int r = 12;
    const auto m = corner_coverage(r, Corner::TopLeft);
    CHECK(m[0] == 0);                            // the pixel at the shape's very corner
    CHECK(m[(r - 1) * r + (r - 1)] == 255);      // next to the body
    for (int i = 1; i < r; ++i) CHECK(m[i * r + i] >= m[(i - 1) * r + (i - 1)]);   // along the diagonal
    int partial = 0;
    for (uint8_t v : m) partial += v > 0 && v < 255;
    CHECK(partial >= r);                         // an anti-aliased edge, not a staircase
}

TEST_CASE("the four corners are mirror images of each other") {
    const int r = 9;
    const auto tl = corner_coverage(r, Corner::TopLeft), tr = corner_coverage(r, Corner::TopRight);
    const auto br = corner_coverage(r, Corner::BottomRight), bl = corner_coverage(r, Corner::BottomLeft);
    for (int y = 0; y < r; ++y)
        for (int x = 0; x < r; ++x) {
            const uint8_t v = tl[y * r + x];
            CHECK(tr[y * r + (r - 1 - x)] == v);
            CHECK(bl[(r - 1 - y) * r + x] == v);
            CHECK(br[(r - 1 - y) * r + (r - 1 - x)] == v);
        }
}

TEST_CASE("no radius, no mask") {
    CHECK(corner_coverage(0, Corner::TopLeft).empty());
    CHECK(corner_coverage(-3, Corner::BottomRight).empty());
}
