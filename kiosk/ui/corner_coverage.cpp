#include "ui/corner_coverage.hpp"

#include <cmath>

namespace indgang::kiosk {

std::vector<uint8_t> corner_coverage(int r, Corner c) {
    std::vector<uint8_t> out(static_cast<size_t>(r > 0 ? r : 0) * (r > 0 ? r : 0), 0);
    if (r <= 0) return out;
    // The disc's centre in the square's pixel coordinates: the corner that touches the body.
    const bool right = c == Corner::TopRight || c == Corner::BottomRight;
    const bool bottom = c == Corner::BottomRight || c == Corner::BottomLeft;
    const double cx = right ? 0.0 : r, cy = bottom ? 0.0 : r;
    constexpr int kSub = 8;
    const double r2 = static_cast<double>(r) * r;
    for (int y = 0; y < r; ++y)
        for (int x = 0; x < r; ++x) {
            int inside = 0;
            for (int sy = 0; sy < kSub; ++sy)
                for (int sx = 0; sx < kSub; ++sx) {
                    const double px = x + (sx + 0.5) / kSub - cx, py = y + (sy + 0.5) / kSub - cy;
                    if (px * px + py * py <= r2) ++inside;
                }
            out[static_cast<size_t>(y) * r + x] = static_cast<uint8_t>(std::lround(inside * 255.0 / (kSub * kSub)));
        }
    return out;
}

}  // namespace indgang::kiosk
