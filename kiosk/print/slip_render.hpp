// A slip drawn as a 1-bit raster for the receipt printer, with the kiosk's text pipeline: the
// same Noto faces in the same merge order (core/text/glyphs), ICU shaping and bidi reordering
// (core/text/bidi wrap_visual), one glyph per code point as ImGui draws them. Rendered with
// FreeType straight into a bitmap rather than through ImGui: the kiosk's ImGui context has one
// atlas baked for the screen's sizes and the SDL software renderer, and a slip is drawn on a
// worker thread at 203 dpi sizes while the screen keeps running (docs/kiosk.md, "Printing").
#pragma once

#include "core/print/escpos.hpp"

#include <string>
#include <vector>

namespace indgang::kiosk {

struct SlipLine {
    enum class Kind { Text, Rule, Gap } kind = Kind::Text;
    enum class Size { Small, Body, Title, Huge } size = Size::Body;
    std::string text;          // logical order, as translated
    bool bold = false;
    bool center = false;       // otherwise the paragraph's start side (right in RTL)
    bool boxed = false;        // a frame around the line: the check-in code
    bool rtl = false;          // this line's paragraph direction (a Danish date on an Arabic slip is LTR)
};

struct Slip {
    std::vector<SlipLine> lines;
};

struct SlipRenderInfo {
    std::vector<char32_t> missing;     // code points no bundled font has: would print as boxes
};

// Draws the slip `width_dots` wide (print::paper_dots), as tall as it needs. Throws
// std::runtime_error when the Noto fonts are missing (install fonts-noto-core).
print::Raster render_slip(const Slip& slip, int width_dots, SlipRenderInfo* info = nullptr);

}  // namespace indgang::kiosk
