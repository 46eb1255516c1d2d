#include "core/text/glyphs.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>

using namespace indgang::text;

namespace {
std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    return d ? d : INDGANG_SOURCE_DIR;
}
bool has(const std::vector<char32_t>& v, char32_t c) {
    return std::binary_search(v.begin(), v.end(), c);
}
}  // namespace

TEST_CASE("the atlas list holds shaped forms, keyboard letters in both cases and date names") {
    auto cps = needed_code_points(source_dir() + "/tests/text/fixtures/i18n", {"da", "ar"});
    REQUIRE(std::is_sorted(cps.begin(), cps.end()));
    CHECK(has(cps, U'ø'));
    CHECK(has(cps, U'Ø'));                 // keyboard shift
    CHECK(has(cps, U'\uFE9F'));            // jeem initial, from the fixture's احجز
    CHECK(has(cps, U'\uFEFB'));            // lam-alef, from the لا key
    CHECK(has(cps, U'\u060C'));            // Arabic comma, from ICU's date pattern
    CHECK(has(cps, U'\uFE8D'));            // isolated alef: the picker shows العربية shaped
    CHECK_FALSE(has(cps, U'\u2068'));      // isolates never reach the screen
    CHECK_FALSE(has(cps, U'\u0401'));      // Ё: Ukrainian is not in this language set
}

TEST_CASE("every glyph of the shipped languages is in a bundled Noto font, regular and bold") {
    auto cps = needed_code_points(source_dir() + "/i18n");
    CHECK(has(cps, U'є'));
    CHECK(has(cps, U'ሰ'));                 // Tigrinya weekday names from ICU
    for (bool bold : {false, true}) {
        FontCoverage c = cover(cps, bundled_fonts(bold));
        std::string missing;
        for (char32_t cp : c.uncovered) missing += describe_code_point(cp) + " ";
        CHECK_MESSAGE(c.uncovered.empty(), (bold ? "bold: " : "regular: ") << missing);
        REQUIRE(c.per_font.size() == 3);
        CHECK(has(c.per_font[1], U'\uFEFB'));  // Arabic forms come from the Arabic face
        CHECK(has(c.per_font[2], U'ሰ'));
    }
}

TEST_CASE("uncovered glyphs are reported, and a missing font is a clear error") {
    FontCoverage c = cover({U'a', U'\uFEFB', U'\U0001F600'}, {bundled_fonts()[0]});
    CHECK(c.per_font[0] == std::vector<char32_t>{U'a'});
    CHECK(c.uncovered == std::vector<char32_t>{U'\uFEFB', U'\U0001F600'});
    CHECK_THROWS_AS(cover({U'a'}, {"/nonexistent.ttf"}), std::runtime_error);
    CHECK(describe_code_point(U'ل') == "U+0644 'ل'");
}

TEST_CASE("ImGui ranges are inclusive pairs ending in 0") {
    auto r = to_imgui_ranges({U'c', U'a', U'b', U'x', U'\U0001F600'});
    CHECK(r == std::vector<unsigned short>{'a', 'c', 'x', 'x', 0});
}
