// Sizes in millimetres of the real screen, turned into pixels once per frame; rectangles that
// mirror for right-to-left languages. Screens place widgets with these, never raw pixels.
#pragma once

#include <vector>

namespace indgang::kiosk {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
    // Splits off the top/bottom/left/right `size` pixels (plus `gap` between) and returns it.
    Rect take_top(float size, float gap = 0);
    Rect take_bottom(float size, float gap = 0);
    Rect take_left(float size, float gap = 0);
    Rect take_right(float size, float gap = 0);
    Rect centered(float cw, float ch) const { return {x + (w - cw) / 2, y + (h - ch) / 2, cw, ch}; }
};

struct Metrics {
    float width = 1920, height = 1080;   // framebuffer pixels
    float px_per_mm = 4.03f;             // from the configured diagonal
    bool rtl = false;                    // mirror rows and alignment

    static Metrics for_screen(int width_px, int height_px, float diagonal_inches);
    float mm(float v) const { return v * px_per_mm; }
    bool portrait() const { return height > width; }
    Rect screen() const { return {0, 0, width, height}; }
    // The rectangle as seen in the current direction (x mirrored inside `within`).
    Rect dir(const Rect& r, const Rect& within) const;
    // A keypad screen: `info` (what was typed, messages) and `pad` (the keypad). Portrait stacks
    // them; landscape puts info on the start side, mirrored in right-to-left layouts if `mirror`.
    void split_for_keypad(const Rect& area, bool mirror, Rect& info, Rect& pad) const;

    // Size rules from the touch guidelines: targets at least 12 mm, 2 mm apart.
    float gap() const { return mm(4); }
    float min_target() const { return mm(12); }
    float margin() const { return mm(portrait() ? 8 : 10); }
};

// `n` cells in rows of `cols`, filling `area` (reading order, mirrored for RTL).
std::vector<Rect> grid(const Metrics& m, const Rect& area, int n, int cols, float gap,
                       float max_cell_h = 0);

}  // namespace indgang::kiosk
