// Right-to-left text for a renderer that has none (Dear ImGui): ICU shaping and reordering.
// Contract between the kiosk and the i18n work; extend, don't change, these signatures.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace indgang::text {

// True when the paragraph's base direction is right-to-left (first strong character).
bool is_rtl(std::string_view utf8);

// Arabic shaping (u_shapeArabic, letters to presentation forms) then visual reordering
// (ubidi_writeReordered) of ONE line. Text without RTL characters is returned unchanged.
std::string visual_line(std::string_view logical_utf8, bool rtl_paragraph);

// Breaks a logical paragraph into lines no wider than max_width, measuring the shaped text with
// `width_of` (the kiosk passes ImGui's CalcTextSize), then returns each line in visual order.
std::vector<std::string> wrap_visual(std::string_view logical_utf8, float max_width,
                                     bool rtl_paragraph,
                                     const std::function<float(std::string_view)>& width_of);

// Added: shaping only (presentation forms, lam-alef ligatures), still in logical order, isolate
// marks removed. For measuring, for the keyboard's typed-text preview before reordering, and
// for collecting the glyphs a font atlas needs.
std::string shaped_logical(std::string_view logical_utf8);

}  // namespace indgang::text
