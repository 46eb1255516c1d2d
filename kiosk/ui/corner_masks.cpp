#include "ui/corner_masks.hpp"

#include "ui/corner_coverage.hpp"

#include <vector>

namespace indgang::kiosk {

namespace {
// One atlas at a time (the kiosk has one ImGui context): ids per radius and corner, then UVs.
struct Masks {
    ImFontAtlas* atlas = nullptr;
    std::vector<int> ids;        // [(r - 1) * 4 + corner]
    std::vector<ImVec2> uv;      // [2 * index], [2 * index + 1]
    bool baked = false;
};
Masks g_masks;
}  // namespace

void add_corner_masks(ImFontAtlas* atlas, int max_radius) {
    g_masks = Masks{};
    g_masks.atlas = atlas;
    // A power-of-two height keeps every texture coordinate exact in float. SDL's software
    // renderer turns a quad's UVs back into a source rectangle by truncation, so with a height
    // of 1001 row 500 came back as 499.99997 → 499 and masks were drawn one row off (notches).
    atlas->Flags &= ~ImFontAtlasFlags_NoPowerOfTwoHeight;
    for (int r = 1; r <= max_radius; ++r)
        for (int c = 0; c < 4; ++c) g_masks.ids.push_back(atlas->AddCustomRectRegular(r, r));
}

void bake_corner_masks(ImFontAtlas* atlas) {
    if (atlas != g_masks.atlas || g_masks.ids.empty()) return;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    atlas->GetTexDataAsAlpha8(&pixels, &w, &h);
    g_masks.uv.assign(g_masks.ids.size() * 2, ImVec2(0, 0));
    for (size_t i = 0; i < g_masks.ids.size(); ++i) {
        const ImFontAtlasCustomRect* rect = atlas->GetCustomRectByIndex(g_masks.ids[i]);
        if (!rect || !rect->IsPacked()) return;   // no room: callers fall back to triangles
        const int r = static_cast<int>(i / 4) + 1;
        const std::vector<uint8_t> mask = corner_coverage(r, static_cast<Corner>(i % 4));
        for (int y = 0; y < r; ++y)
            for (int x = 0; x < r; ++x) pixels[(rect->Y + y) * w + rect->X + x] = mask[static_cast<size_t>(y) * r + x];
        ImVec2& uv0 = g_masks.uv[2 * i];
        ImVec2& uv1 = g_masks.uv[2 * i + 1];
        atlas->CalcCustomRectUV(rect, &uv0, &uv1);
        const bool exact = uv0.x * w == rect->X && uv0.y * h == rect->Y && uv1.x * w == rect->X + r &&
                           uv1.y * h == rect->Y + r;
        if (!exact) return;   // would be sampled off by a row: callers fall back to triangles
    }
    g_masks.baked = true;
}

bool corner_mask_uv(int r, int corner, ImVec2& uv0, ImVec2& uv1) {
    const size_t i = static_cast<size_t>(r - 1) * 4 + static_cast<size_t>(corner);
    if (!g_masks.baked || r < 1 || corner < 0 || corner > 3 || i >= g_masks.ids.size()) return false;
    uv0 = g_masks.uv[2 * i];
    uv1 = g_masks.uv[2 * i + 1];
    return true;
}

}  // namespace indgang::kiosk
