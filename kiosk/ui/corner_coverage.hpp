// Anti-aliased quarter discs as coverage masks. Pure arithmetic, no ImGui: the atlas code in
// corner_masks.cpp copies them into the font texture, and the tests check them directly.
#pragma once

#include <cstdint>
#include <vector>

namespace indgang::kiosk {

enum class Corner { TopLeft, TopRight, BottomRight, BottomLeft };

// r×r bytes, row by row: how much of each pixel lies inside a disc of radius r whose centre is
// the square's inner corner (0 = outside, 255 = inside). Sampled 8×8 per pixel.
std::vector<uint8_t> corner_coverage(int r, Corner c);

}  // namespace indgang::kiosk
