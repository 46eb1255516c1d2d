// How wide a line of text is when a browser draws it in the report's fonts ("Noto Sans",
// "DejaVu Sans", …): the report's charts are SVG, which does not wrap or shrink text, so a chart
// sizes its label column from the widest label instead of guessing from the byte count.
#pragma once

#include <string_view>

namespace indgang::text {

// Width in CSS pixels at `px` font size: the wider of Noto Sans (with the Arabic and Ethiopic
// faces for their scripts) and DejaVu Sans where it is installed. FreeType advances without
// kerning or shaping, so a few per cent either way: callers leave a margin. A code point no font
// has counts one em. Fonts that cannot be opened count as absent; with none, every code point
// counts 0.62 em (wider than either family's average).
double text_width_px(std::string_view utf8, double px, bool bold = false);

}  // namespace indgang::text
