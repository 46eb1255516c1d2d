// Rounded rectangles the software renderer can fill quickly. SDL's software renderer turns an
// axis-aligned quad into a plain rectangle fill (memset speed) but rasterises every other
// triangle pixel by pixel, so ImGui's one-fan rounded rectangle costs ~10× more for a big
// button. Here the body is three quads and each corner one quad with a baked mask.
#pragma once

#include <imgui.h>

namespace indgang::kiosk {

void fill_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding);

// SDL's software renderer blends every solid quad, even an opaque one (a multiply per channel
// per pixel: a third of a frame). Large opaque bodies are therefore handed to the platform as a
// draw callback that fills them unblended. Without a callback set, they are ordinary quads.
struct OpaqueFill {
    ImVec2 min[3], max[3];            // the three body rectangles of a rounded shape
    ImU32 col = 0;
};
void set_opaque_fill_callback(ImDrawCallback cb);
bool is_opaque_fill(const ImDrawCmd& cmd);
void begin_frame_fills();             // the platform calls this before each frame

// A filled rounded rectangle with a border, drawn as a border-coloured fill with the inner fill on
// top: only quads, which the software renderer fills or blits (large bodies unblended).
void frame_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 fill, ImU32 border, float rounding,
                   float thickness);

// The drop shadow of a rounded rectangle `offset` pixels below it: only the band that shows
// under its lower edge, not a whole second rectangle hidden behind the shape.
void shadow_rounded(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 col, float rounding, float offset);

}  // namespace indgang::kiosk
