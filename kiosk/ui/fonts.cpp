#include "ui/fonts.hpp"

#include "core/text/bidi.hpp"
#include "core/text/glyphs.hpp"
#include "platform/sdl_window.hpp"
#include "ui/corner_masks.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace indgang::kiosk {

namespace {
// Screens round their shapes by at most 4 mm; masks up to 6 mm leave room (~5 KB of atlas at
// 1080p).
int corner_radius_max(const Metrics& m) { return static_cast<int>(std::ceil(m.mm(6.0f))); }
}  // namespace

bool build_fonts(Fonts& f, const Metrics& m, const std::string& i18n_dir, const std::vector<std::string>& languages,
                 const std::vector<std::string>& extra) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();

    std::vector<char32_t> cps;
    try {
        cps = text::needed_code_points(i18n_dir, languages);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-kiosk: glyph list: %s\n", e.what());
        for (char32_t c = 0x20; c < 0x100; ++c) cps.push_back(c);
    }
    for (const auto& s : extra) {
        for (char32_t c : text::code_points(s)) cps.push_back(c);
        for (char32_t c : text::code_points(text::shaped_logical(s))) cps.push_back(c);
    }
    for (char32_t c : text::code_points("✓→←")) cps.push_back(c);
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    static std::vector<unsigned short> ranges;   // must outlive the atlas build
    ranges = text::to_imgui_ranges(cps);
    f.glyph_count = static_cast<int>(cps.size());

    f.body_px = std::round(m.mm(8.5f));   // drawn at the baked size only: scaled text looks uneven
    f.bold_px = std::round(m.mm(8.5f));
    f.title_px = std::round(m.mm(12.0f));
    f.huge_px = std::round(m.mm(26.0f));

    // The huge face only shows codes, ticket numbers and times: ASCII is enough and keeps the
    // atlas small (one 100 px glyph costs 40 KB of RGBA texture).
    static const ImWchar ascii[] = {0x0020, 0x007E, 0};
    const ImWchar* all = reinterpret_cast<const ImWchar*>(ranges.data());
    auto add = [&](float px, bool bold, const ImWchar* glyphs) {
        platform::FaceOptions o;
        o.px = px;
        o.bold = bold;
        o.glyphs = glyphs;
        o.main_face_only = glyphs == ascii;
        return platform::add_font_faces(io.Fonts, o);
    };
    f.body = add(f.body_px, false, all);
    if (!f.body) {
        std::fprintf(stderr, "indgang-kiosk: Noto fonts missing (install fonts-noto-core)\n");
        io.Fonts->Clear();
        ImFontConfig cfg;
        cfg.SizePixels = f.body_px;
        f.body = f.bold = f.title = f.huge = io.Fonts->AddFontDefault(&cfg);
        add_corner_masks(io.Fonts, corner_radius_max(m));
        io.Fonts->Build();
        bake_corner_masks(io.Fonts);
        return false;
    }
    f.bold = add(f.bold_px, true, all);
    f.title = add(f.title_px, true, all);
    f.huge = add(f.huge_px, true, ascii);
    add_corner_masks(io.Fonts, corner_radius_max(m));
    io.Fonts->Build();
    bake_corner_masks(io.Fonts);
    f.atlas_w = io.Fonts->TexWidth;
    f.atlas_h = io.Fonts->TexHeight;
    return true;
}

}  // namespace indgang::kiosk
