// The font atlas: Noto Sans with Noto Sans Arabic and Noto Sans Ethiopic merged in, baked once at
// four sizes from the glyphs the shipped strings, keyboards and live data actually use.
#pragma once

#include "ui/layout.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace indgang::kiosk {

struct Fonts {
    ImFont* body = nullptr;     // running text, button sublabels
    ImFont* bold = nullptr;     // button labels
    ImFont* title = nullptr;    // screen questions
    ImFont* huge = nullptr;     // check-in code, ticket number
    float body_px = 0, bold_px = 0, title_px = 0, huge_px = 0;
    int atlas_w = 0, atlas_h = 0;
    int glyph_count = 0;
};

// Clears io.Fonts and bakes the atlas with the code points core/text says the offered languages
// need (catalogs, keyboards, date names) plus `extra` (live data: site, services, caseworkers).
// Returns false (after logging) when the Noto fonts are missing; ImGui's built-in font is used.
bool build_fonts(Fonts& fonts, const Metrics& m, const std::string& i18n_dir,
                 const std::vector<std::string>& languages, const std::vector<std::string>& extra);

}  // namespace indgang::kiosk
