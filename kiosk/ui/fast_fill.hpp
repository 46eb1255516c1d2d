// Rounded rectangles the software renderer can fill quickly. SDL's software renderer turns an
// axis-aligned quad into a plain rectangle fill (memset speed) but rasterises every other
// triangle pixel by pixel, so ImGui's one-fan rounded rectangle costs ~10× more for a big
// button. Here the body is three quads and only the corners are round.
#pragma once

#include <imgui.h>

namespace indgang::kiosk {

void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding);

}  // namespace indgang::kiosk
