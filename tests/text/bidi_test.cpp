// Expectations are written out as code points from the Unicode presentation-form tables,
// not computed with ICU, so a wrong option to u_shapeArabic or ubidi would show.
#include "core/text/bidi.hpp"
#include "core/text/placeholders.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace indgang::text;

namespace {
std::string u8(std::u32string_view s) {
    std::string out;
    for (char32_t c : s) {
        if (c < 0x80) out += static_cast<char>(c);
        else if (c < 0x800) { out += static_cast<char>(0xC0 | (c >> 6)); out += static_cast<char>(0x80 | (c & 0x3F)); }
        else if (c < 0x10000) { out += static_cast<char>(0xE0 | (c >> 12)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
        else { out += static_cast<char>(0xF0 | (c >> 18)); out += static_cast<char>(0x80 | ((c >> 12) & 0x3F)); out += static_cast<char>(0x80 | ((c >> 6) & 0x3F)); out += static_cast<char>(0x80 | (c & 0x3F)); }
    }
    return out;
}
// مرحبا: meem initial, reh final, hah initial, beh medial, alef final — in visual order.
const std::u32string marhaba_visual = U"\uFE8E\uFE92\uFEA3\uFEAE\uFEE3";
}  // namespace

TEST_CASE("base direction comes from the first strong character") {
    CHECK(is_rtl("مرحبا Bo"));
    CHECK_FALSE(is_rtl("Bo مرحبا"));
    CHECK(is_rtl("42 مرحبا"));  // digits are not strong
    CHECK_FALSE(is_rtl("Hello"));
    CHECK(is_rtl("سلام"));
}

TEST_CASE("Arabic letters are joined into presentation forms and reversed") {
    // بيت: beh initial FE91, yeh medial FEF4, teh final FE96.
    CHECK(visual_line("بيت", true) == u8(U"\uFE96\uFEF4\uFE91"));
    CHECK(shaped_logical("بيت") == u8(U"\uFE91\uFEF4\uFE96"));
    // سلام: seen initial, lam+alef -> one final ligature FEFC, meem isolated (alef does not join on).
    CHECK(visual_line("سلام", true) == u8(U"\uFEE1\uFEFC\uFEB3"));
    // لا alone: the isolated lam-alef ligature.
    CHECK(visual_line("لا", true) == u8(U"\uFEFB"));
}

TEST_CASE("Urdu and Persian letters outside the basic Arabic block are shaped too") {
    // ٹھیک: tteh initial FB68, heh doachashmee medial FBAD, farsi yeh medial FBFF, keheh final FB8F.
    CHECK(visual_line("ٹھیک", true) == u8(U"\uFB8F\uFBFF\uFBAD\uFB68"));
    // پ alone: isolated FB56.
    CHECK(visual_line("پ", true) == u8(U"\uFB56"));
}

TEST_CASE("mixed lines: a Latin nickname and digits keep their own order") {
    // Logical: مرحبا Bo 42 — the digits follow a Latin word, so UBA rule W7 makes them part of
    // the left-to-right run "Bo 42"; the whole run sits left of the (reversed) Arabic word.
    CHECK(visual_line("مرحبا Bo 42", true) == "Bo 42 " + u8(marhaba_visual));
    // After Arabic, two separate LTR runs are laid out right to left: the second is leftmost.
    CHECK(visual_line("مرحبا Bo مرحبا 42", true) ==
          "42 " + u8(marhaba_visual) + " Bo " + u8(marhaba_visual));
    // Digits read left to right in an RTL line and the time keeps its colon in place.
    CHECK(visual_line("مرحبا 10:20", true) == "10:20 " + u8(marhaba_visual));
    // Brackets are mirrored so they still enclose the right text when drawn left to right.
    CHECK(visual_line("مرحبا (Bo)", true) == "(Bo) " + u8(marhaba_visual));
    CHECK(visual_line("(مرحبا)", true) == "(" + u8(marhaba_visual) + ")");
    // In an LTR paragraph the Arabic word is reversed in place, Latin stays first.
    CHECK(visual_line("Hi مرحبا", false) == "Hi " + u8(marhaba_visual));
}

TEST_CASE("a placeholder value keeps its direction inside an RTL sentence") {
    // Without isolation "Bo!" would end up with the '!' on the wrong side of the nickname.
    std::string s = fill("مرحبا {name}!", {{"name", "Bo 2"}}, true);
    CHECK(visual_line(s, true) == "!Bo 2 " + u8(marhaba_visual));
    // The isolate marks never reach the screen, not even in LTR text.
    CHECK(visual_line(fill("Hi {name}", {{"name", "Bo"}}, true), false) == "Hi Bo");
}

TEST_CASE("text without right-to-left characters is unchanged") {
    CHECK(visual_line("Book a time (10:20)", false) == "Book a time (10:20)");
    CHECK(visual_line("Book a time (10:20)", true) == "Book a time (10:20)");
    CHECK(visual_line("", true).empty());
}

TEST_CASE("wrapping breaks the logical text, then reorders each line") {
    auto by_chars = [](std::string_view s) {
        float n = 0;
        for (unsigned char c : s) n += (c & 0xC0) != 0x80 ? 10.f : 0.f;  // 10 px per code point
        return n;
    };
    auto lines = wrap_visual("one two three four", 100.f, false, by_chars);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "one two");
    CHECK(lines[1] == "three four");

    // Arabic: the FIRST logical words are on the first line, each line reversed on its own.
    // بيت بيت مرحبا with room for 8 glyphs: "بيت بيت" (7) then "مرحبا".
    auto rtl = wrap_visual("بيت بيت مرحبا", 80.f, true, by_chars);
    REQUIRE(rtl.size() == 2);
    std::string bayt = u8(U"\uFE96\uFEF4\uFE91");
    CHECK(rtl[0] == bayt + " " + bayt);
    CHECK(rtl[1] == u8(marhaba_visual));

    // Width is measured on the shaped text: سلا has 3 letters but draws as 2 glyphs.
    auto lam_alef = wrap_visual("سلا سلا", 50.f, true, by_chars);
    CHECK(lam_alef.size() == 1);

    // A word wider than the line is cut, and the loop always advances.
    auto cut = wrap_visual("abcdefghij", 35.f, false, by_chars);
    REQUIRE(cut.size() == 4);
    CHECK(cut[0] == "abc");
    CHECK(cut[3] == "j");
    auto tiny = wrap_visual("abc", 1.f, false, by_chars);
    CHECK(tiny.size() == 3);

    // Hard newlines are kept.
    auto nl = wrap_visual("a\n\nb", 100.f, false, by_chars);
    CHECK(nl == std::vector<std::string>{"a", "", "b"});
}
