// What changed on screen since the last frame, so that only that part is drawn again. SDL's
// software renderer spends a frame on pixels and per-primitive work, and a tap usually changes
// one button: the rest of the picture is already on the window surface.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <deque>
#include <vector>

namespace indgang::kiosk {

struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
};

// Hashes, per 32×32-pixel tile and in drawing order, everything the draw data paints on it.
// The tiles whose hash changed make up the damage.
class DamageTracker {
public:
    // The bounding rectangle of the tiles whose picture differs from the previous call's; the
    // whole screen on the first call, after forget() or a size change; empty when nothing changed.
    PixelRect update(const ImDrawData& dd, int width, int height);
    void forget() { prev_.clear(); }   // the surface no longer shows the last picture

private:
    static constexpr int kTile = 32;
    int cols_ = 0, rows_ = 0, width_ = 0, height_ = 0;
    std::vector<uint64_t> prev_, cur_;
};

// A copy of a frame's draw data that keeps only the triangles and fills touching `r`, with every
// clip rectangle narrowed to `r`. SDL's software renderer pays per primitive even for what its
// clipping then discards, so what lies outside is left out before SDL sees it. Both triangles of
// a rectangle have the same bounds, so they stay together (SDL draws such pairs as one blit).
class DamageCull {
public:
    ImDrawData* cull(const ImDrawData& dd, const PixelRect& r);   // valid until the next call

private:
    std::deque<ImDrawList> lists_;
    std::vector<ImDrawList*> ptrs_;
    ImDrawData out_;
};

}  // namespace indgang::kiosk
