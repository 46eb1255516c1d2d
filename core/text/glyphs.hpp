// Which glyphs the kiosk must bake into its font atlas, and whether the bundled fonts have them.
// ImGui draws one glyph per code point and cannot fall back to system fonts at run time, so
// every code point a screen may show has to be known before the first frame.
#pragma once

#include <string>
#include <vector>

namespace indgang::text {

// The Noto faces the kiosk merges into one ImGui font, in merge order (Latin/Greek/Cyrillic
// first, then Arabic, then Ethiopic). Paths under /usr/share/fonts/truetype/noto (Debian's
// fonts-noto-core). Arabic is Noto Sans Arabic UI (Naskh-style, not Nastaliq; its UI variant
// keeps Arabic line height close to Latin's).
std::vector<std::string> bundled_fonts(bool bold = false);

// Every code point the kiosk may draw for these languages (empty = all shipped ones):
// catalog strings as source and as shaped presentation forms, all language names (the picker
// shows them all), the languages' keyboard keys in both cases, ICU weekday and month names and
// digits, printable ASCII for nicknames and codes, and a little typography (… – ’ “ ”).
// Sorted, unique. Bidi/joiner controls (U+200C-200F, U+2066-2069) are left out: visual_line()
// removes them before drawing.
std::vector<char32_t> needed_code_points(const std::string& i18n_dir,
                                         const std::vector<std::string>& langs = {});

// The code points of UTF-8 text (invalid bytes are skipped).
std::vector<char32_t> code_points(const std::string& utf8);

struct FontCoverage {
    std::vector<std::vector<char32_t>> per_font;  // per_font[i]: what fonts[i] draws (first match)
    std::vector<char32_t> uncovered;              // in no font: would show as a box
};

// Assigns each code point to the first font that has a glyph for it (FreeType FT_Get_Char_Index).
// Throws std::runtime_error when a font file cannot be opened.
FontCoverage cover(const std::vector<char32_t>& cps, const std::vector<std::string>& fonts);

// Code points as ImGui glyph ranges: pairs [first, last] ending with 0 (ImWchar is 16-bit in
// Debian's ImGui 1.86, so code points above U+FFFF are dropped; none of our scripts needs them).
std::vector<unsigned short> to_imgui_ranges(const std::vector<char32_t>& cps);

// "U+0644 'ل'" for messages.
std::string describe_code_point(char32_t cp);

}  // namespace indgang::text
