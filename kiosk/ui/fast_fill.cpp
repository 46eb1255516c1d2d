#include "ui/fast_fill.hpp"

#include "ui/corner_masks.hpp"

#include <algorithm>
#include <cmath>

#include <deque>

namespace indgang::kiosk {

namespace {
ImDrawCallback g_opaque_fill = nullptr;
std::deque<OpaqueFill> g_fills;       // this frame's; a deque keeps addresses stable
}  // namespace

void set_opaque_fill_callback(ImDrawCallback cb) { g_opaque_fill = cb; }
bool is_opaque_fill(const ImDrawCmd& cmd) { return g_opaque_fill && cmd.UserCallback == g_opaque_fill; }
void begin_frame_fills() { g_fills.clear(); }

void fill_rounded(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float r) {
    // Whole pixels, so the quads meet without seams.
    a = ImVec2(std::floor(a.x), std::floor(a.y));
    b = ImVec2(std::floor(b.x), std::floor(b.y));
    r = std::floor(std::min({r, (b.x - a.x) / 2, (b.y - a.y) / 2}));
    if (r < 1) {
        dl->AddRectFilled(a, b, col);
        return;
    }
    const bool opaque_body = ((col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF && g_opaque_fill &&
                             (b.x - a.x) * (b.y - a.y) > 64.0f * 64.0f;
    if (opaque_body) {
        OpaqueFill& f = g_fills.emplace_back();
        f.col = col;
        f.min[0] = ImVec2(a.x + r, a.y), f.max[0] = ImVec2(b.x - r, b.y);
        f.min[1] = ImVec2(a.x, a.y + r), f.max[1] = ImVec2(a.x + r, b.y - r);
        f.min[2] = ImVec2(b.x - r, a.y + r), f.max[2] = ImVec2(b.x, b.y - r);
        dl->AddCallback(g_opaque_fill, &f);
    } else {
        dl->AddRectFilled(ImVec2(a.x + r, a.y), ImVec2(b.x - r, b.y), col);
        dl->AddRectFilled(ImVec2(a.x, a.y + r), ImVec2(a.x + r, b.y - r), col);
        dl->AddRectFilled(ImVec2(b.x - r, a.y + r), ImVec2(b.x, b.y - r), col);
    }
    // Corners: one quad each showing a baked quarter-disc mask (ui/corner_masks.hpp). They do
    // not overlap the body, so a translucent shape (a shadow) is blended exactly once.
    const ImVec2 corner_min[4] = {{a.x, a.y}, {b.x - r, a.y}, {b.x - r, b.y - r}, {a.x, b.y - r}};
    ImVec2 uv0[4], uv1[4];
    bool masks = true;
    for (int i = 0; i < 4 && masks; ++i) masks = corner_mask_uv(static_cast<int>(r), i, uv0[i], uv1[i]);
    if (masks) {
        dl->PrimReserve(6 * 4, 4 * 4);
        for (int i = 0; i < 4; ++i)
            dl->PrimRectUV(corner_min[i], ImVec2(corner_min[i].x + r, corner_min[i].y + r), uv0[i], uv1[i], col);
        return;
    }
    // No mask of this radius (a larger one than the atlas holds): ImGui's discs, slower.
    const ImVec2 centres[4] = {{a.x + r, a.y + r}, {b.x - r, a.y + r}, {b.x - r, b.y - r}, {a.x + r, b.y - r}};
    const bool opaque = ((col >> IM_COL32_A_SHIFT) & 0xFF) == 0xFF;
    if (opaque) {
        // Whole circles: the parts over the body blend the same colour onto itself, invisible.
        const int segments = std::clamp(static_cast<int>(r / 2), 8, 24);
        for (const auto& c : centres) dl->AddCircleFilled(c, r, col, segments);
        return;
    }
    // Translucent: quarter discs without anti-aliasing, so nothing is blended twice.
    const ImDrawListFlags saved = dl->Flags;
    dl->Flags &= ~ImDrawListFlags_AntiAliasedFill;
    constexpr float pi = 3.14159265f;
    const float start[4] = {pi, 1.5f * pi, 0.0f, 0.5f * pi};
    for (int i = 0; i < 4; ++i) {
        dl->PathLineTo(centres[i]);
        dl->PathArcTo(centres[i], r, start[i], start[i] + 0.5f * pi);
        dl->PathFillConvex(col);
    }
    dl->Flags = saved;
}

void frame_rounded(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 fill, ImU32 border, float r, float t) {
    t = std::max(1.0f, std::round(t));
    if (fill == border) {
        fill_rounded(dl, a, b, fill, r);
        return;
    }
    // A translucent fill would show the border colour through it: stroke the border instead.
    if (((fill >> IM_COL32_A_SHIFT) & 0xFF) != 0xFF) {
        fill_rounded(dl, a, b, fill, r);
        dl->AddRect(a, b, border, r, 0, t);
        return;
    }
    // The border as a fill underneath: quads and corner masks only, no stroked arcs (triangles).
    fill_rounded(dl, a, b, border, r);
    fill_rounded(dl, ImVec2(a.x + t, a.y + t), ImVec2(b.x - t, b.y - t), fill, std::max(0.0f, r - t));
}

void shadow_rounded(ImDrawList* dl, ImVec2 a, ImVec2 b, ImU32 col, float r, float offset) {
    // From where the shape's lower corners start to curve, down to the shadow's own lower edge.
    const float top = std::max(a.y, b.y - r - 1.0f);
    fill_rounded(dl, ImVec2(a.x, top + offset), ImVec2(b.x, b.y + offset), col, r);
}

}  // namespace indgang::kiosk
