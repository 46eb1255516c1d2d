#include "ui/layout.hpp"

#include <algorithm>
#include <cmath>

namespace indgang::kiosk {

Rect Rect::take_top(float size, float gap) {
    Rect r{x, y, w, size};
    y += size + gap;
    h -= size + gap;
    return r;
}
Rect Rect::take_bottom(float size, float gap) {
    Rect r{x, y + h - size, w, size};
    h -= size + gap;
    return r;
}
Rect Rect::take_left(float size, float gap) {
    Rect r{x, y, size, h};
    x += size + gap;
    w -= size + gap;
    return r;
}
Rect Rect::take_right(float size, float gap) {
    Rect r{x + w - size, y, size, h};
    w -= size + gap;
    return r;
}

Metrics Metrics::for_screen(int width_px, int height_px, float diagonal_inches) {
    Metrics m;
    m.width = static_cast<float>(width_px);
    m.height = static_cast<float>(height_px);
    const float diag_px = std::sqrt(m.width * m.width + m.height * m.height);
    m.px_per_mm = diag_px / (std::max(diagonal_inches, 5.0f) * 25.4f);
    return m;
}

void Metrics::split_for_keypad(const Rect& area, bool mirror, Rect& info, Rect& pad) const {
    info = area;
    pad = area;
    if (portrait()) {
        info = pad.take_top(mm(60), gap() * 2);
        return;
    }
    info = pad.take_left(area.w * 0.45f, gap() * 3);
    if (mirror) {
        info = dir(info, area);
        pad = dir(pad, area);
    }
}

Rect Metrics::dir(const Rect& r, const Rect& within) const {
    if (!rtl) return r;
    return {within.x + (within.right() - r.right()), r.y, r.w, r.h};
}

std::vector<Rect> grid(const Metrics& m, const Rect& area, int n, int cols, float gap, float max_cell_h) {
    std::vector<Rect> out;
    if (n <= 0) return out;
    cols = std::max(1, std::min(cols, n));
    const int rows = (n + cols - 1) / cols;
    const float cw = (area.w - gap * (cols - 1)) / cols;
    float ch = (area.h - gap * (rows - 1)) / rows;
    if (max_cell_h > 0) ch = std::min(ch, max_cell_h);
    for (int i = 0; i < n; ++i) {
        const int r = i / cols, c = i % cols;
        Rect cell{area.x + c * (cw + gap), area.y + r * (ch + gap), cw, ch};
        out.push_back(m.dir(cell, area));
    }
    return out;
}

}  // namespace indgang::kiosk
