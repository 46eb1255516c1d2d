// What a screen needs to draw: sizes, fonts, the text layer, the widget registry and colours.
#pragma once

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/text_draw.hpp"
#include "ui/widget_registry.hpp"

#include <imgui.h>

#include <string>

namespace indgang::kiosk {

// A calm, high-contrast palette (text on background ≥ 7:1).
// Every text colour is ≥ 7:1 (WCAG AAA) against every background it is drawn on; the layout
// test (tests/kiosk/audit_*) measures the drawn pixels, not these numbers.
namespace colour {
constexpr ImU32 background = IM_COL32(246, 243, 238, 255);
constexpr ImU32 panel = IM_COL32(255, 255, 255, 255);
constexpr ImU32 text = IM_COL32(28, 38, 46, 255);
constexpr ImU32 muted = IM_COL32(56, 64, 72, 255);      // 7.9:1 on `held`, 9.5:1 on the page
constexpr ImU32 primary = IM_COL32(14, 84, 94, 255);    // white on it 8.6:1, on the page 7.7:1
constexpr ImU32 primary_held = IM_COL32(12, 66, 74, 255);
constexpr ImU32 on_primary = IM_COL32(255, 255, 255, 255);
constexpr ImU32 border = IM_COL32(120, 132, 140, 255);
constexpr ImU32 held = IM_COL32(214, 226, 228, 255);
constexpr ImU32 warn = IM_COL32(120, 60, 0, 255);       // 7.6:1 on warn_bg (the old orange was 4.2:1)
constexpr ImU32 warn_bg = IM_COL32(255, 240, 214, 255);
constexpr ImU32 good = IM_COL32(14, 86, 40, 255);       // 7.7:1 on good_bg ("Here now" was 5.5:1)
constexpr ImU32 good_bg = IM_COL32(226, 244, 230, 255);
constexpr ImU32 disabled = IM_COL32(200, 200, 200, 255);
constexpr ImU32 shade = IM_COL32(20, 28, 34, 230);   // hides what the visitor entered from passers-by
}  // namespace colour

struct Ui {
    Metrics m;
    Fonts* fonts = nullptr;
    TextDraw* text = nullptr;
    WidgetRegistry* reg = nullptr;
    ImDrawList* dl = nullptr;
    std::string activate;   // audio mode: the button chosen by key this frame acts as if tapped

    float mm(float v) const { return m.mm(v); }
    bool rtl() const { return m.rtl; }
    const char* tr(const char* msgid) const { return text->tr(msgid); }
};

}  // namespace indgang::kiosk
