// What a screen needs to draw: sizes, fonts, the text layer, the widget registry and colours.
#pragma once

#include "ui/fonts.hpp"
#include "ui/layout.hpp"
#include "ui/text_draw.hpp"
#include "ui/widget_registry.hpp"

#include <imgui.h>

namespace indgang::kiosk {

// A calm, high-contrast palette (text on background ≥ 7:1).
namespace colour {
constexpr ImU32 background = IM_COL32(246, 243, 238, 255);
constexpr ImU32 panel = IM_COL32(255, 255, 255, 255);
constexpr ImU32 text = IM_COL32(28, 38, 46, 255);
constexpr ImU32 muted = IM_COL32(72, 82, 90, 255);
constexpr ImU32 primary = IM_COL32(22, 98, 108, 255);
constexpr ImU32 primary_held = IM_COL32(12, 66, 74, 255);
constexpr ImU32 on_primary = IM_COL32(255, 255, 255, 255);
constexpr ImU32 border = IM_COL32(120, 132, 140, 255);
constexpr ImU32 held = IM_COL32(214, 226, 228, 255);
constexpr ImU32 warn = IM_COL32(176, 96, 0, 255);
constexpr ImU32 warn_bg = IM_COL32(255, 240, 214, 255);
constexpr ImU32 good = IM_COL32(26, 120, 60, 255);
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

    float mm(float v) const { return m.mm(v); }
    bool rtl() const { return m.rtl; }
    const char* tr(const char* msgid) const { return text->tr(msgid); }
};

}  // namespace indgang::kiosk
