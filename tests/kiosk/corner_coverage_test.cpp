// The quarter-disc masks that round every button's corners (kiosk/ui/corner_coverage.hpp,
// kiosk/ui/corner_masks.hpp).
#include "ui/corner_coverage.hpp"
#include "ui/corner_masks.hpp"

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

TEST_CASE("in the font atlas: every mask baked, at texture coordinates that are exact in float") {
    ImGui::CreateContext();
    ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    atlas->AddFontDefault();
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;   // the masks must undo this
    constexpr int kMax = 40;
    add_corner_masks(atlas, kMax);
    REQUIRE(atlas->Build());
    bake_corner_masks(atlas);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    CHECK((h & (h - 1)) == 0);
    for (int r = 1; r <= kMax; ++r)
        for (int c = 0; c < 4; ++c) {
            ImVec2 uv0, uv1;
            REQUIRE(corner_mask_uv(r, c, uv0, uv1));
            // SDL truncates uv * size to whole texels: they must come out exactly.
            const float x0 = uv0.x * w, y0 = uv0.y * h, x1 = uv1.x * w, y1 = uv1.y * h;
            CHECK(x0 == std::floor(x0));
            CHECK(y0 == std::floor(y0));
            CHECK(x1 - x0 == r);
            CHECK(y1 - y0 == r);
            const auto mask = corner_coverage(r, static_cast<Corner>(c));
            bool same = true;
            for (int y = 0; y < r; ++y)
                for (int x = 0; x < r; ++x)
                    same = same && pixels[(static_cast<int>(y0) + y) * w + static_cast<int>(x0) + x] == mask[y * r + x];
            CHECK(same);
        }
    ImVec2 uv0, uv1;
    CHECK_FALSE(corner_mask_uv(kMax + 1, 0, uv0, uv1));   // larger radii fall back to triangles
    CHECK_FALSE(corner_mask_uv(0, 0, uv0, uv1));
    ImGui::DestroyContext();
}
