// Rounded corners as pictures in the font atlas. SDL's software renderer blits a textured,
// axis-aligned quad as one image copy, but rasterises any other triangle pixel by pixel with a
// per-triangle setup cost; a disc drawn by ImGui is 30–70 such triangles, so a screen of keys
// spent most of a frame on its corners. Each corner is now one quad showing a baked mask.
#pragma once

#include <imgui.h>

namespace indgang::kiosk {

// Reserves room for the masks of every radius 1..max_radius; call before ImFontAtlas::Build().
void add_corner_masks(ImFontAtlas* atlas, int max_radius);
// Writes the masks into the built atlas (before the texture is made from it).
void bake_corner_masks(ImFontAtlas* atlas);

// Texture coordinates of the mask for radius r and corner i (0 top-left, clockwise); false when
// no mask of that radius was baked.
bool corner_mask_uv(int r, int corner, ImVec2& uv0, ImVec2& uv1);

}  // namespace indgang::kiosk
