// Rounded rectangles the software renderer can fill quickly. SDL's software renderer turns an
// axis-aligned quad into a plain rectangle fill (memset speed) but rasterises every other
// triangle pixel by pixel, so ImGui's one-fan rounded rectangle costs ~10× more for a big
// button. Here the body is three quads and only the corners are round.
#pragma once

#include <imgui.h>

namespace indgang::kiosk {

void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding);

// A filled rounded rectangle with a border, as two fills: the border colour, then the fill inset
// by the border's thickness. Cheaper than an anti-aliased stroke, which is many thin triangles.
void frame_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                   float thickness);

}  // namespace indgang::kiosk
