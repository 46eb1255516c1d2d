#include "ui/widget_registry.hpp"

#include <algorithm>
#include <cstdio>

namespace indgang::kiosk {

const WidgetEntry* WidgetRegistry::find_button(std::string_view target) const {
    std::string_view id = target;
    const bool explicit_id = id.starts_with("###");
    if (explicit_id) id.remove_prefix(3);
    for (const auto& e : entries_)
        if (e.button && e.id == id) return &e;
    if (explicit_id) return nullptr;
    for (const auto& e : entries_)
        if (e.button && e.label == target) return &e;
    for (const auto& e : entries_)
        if (e.button && e.label.find(target) != std::string::npos) return &e;
    return nullptr;
}

void WidgetRegistry::set_drawn(size_t index, const char* role, float style_px, float drawn_px, WidgetRect ink,
                               unsigned fg_rgb) {
    if (index >= entries_.size()) return;
    WidgetEntry& e = entries_[index];
    e.role = role;
    e.style_px = style_px;
    e.drawn_px = drawn_px;
    e.ink = ink;
    e.fg = fg_rgb;
}

bool WidgetRegistry::shows_text(std::string_view text) const {
    for (const auto& e : entries_)
        if (e.label.find(text) != std::string::npos) return true;
    return false;
}

std::string WidgetRegistry::dump() const {
    std::string out;
    char buf[128];
    for (const auto& e : entries_) {
        std::snprintf(buf, sizeof buf, "  %s [%.0f,%.0f %.0fx%.0f]%s ", e.button ? "button" : "text  ",
                      e.rect.x, e.rect.y, e.rect.w, e.rect.h, e.enabled ? "" : " (disabled)");
        out += buf;
        if (!e.id.empty()) out += "###" + e.id + " ";
        out += "\"" + e.label + "\"";
        if (e.style_px > 0) {
            std::snprintf(buf, sizeof buf, " |px %.1f %.1f |ink %.0f %.0f %.0f %.0f |fg %06x |role %s", e.style_px,
                          e.drawn_px, e.ink.x, e.ink.y, e.ink.w, e.ink.h, e.fg, e.role);
            out += buf;
        }
        out += "\n";
    }
    if (!reading_.empty()) out += "  reading ###" + reading_ + "\n";
    if (!focus_.empty()) out += "  focus ###" + focus_ + "\n";
    return out;
}

std::string WidgetRegistry::touch_target_breaches(float min_px, float gap_px) const {
    constexpr float kRounding = 1.0f;   // layouts place on fractional pixels
    std::string out;
    std::vector<const WidgetEntry*> buttons;
    for (const auto& e : entries_)
        if (e.button) buttons.push_back(&e);
    for (size_t i = 0; i < buttons.size(); ++i) {
        const WidgetEntry& a = *buttons[i];
        if (a.rect.w + kRounding < min_px || a.rect.h + kRounding < min_px)
            out += "###" + a.id + " is " + std::to_string(static_cast<int>(a.rect.w)) + "x" +
                   std::to_string(static_cast<int>(a.rect.h)) + " px\n";
        for (size_t j = i + 1; j < buttons.size(); ++j) {
            const WidgetEntry& b = *buttons[j];
            // Edge to edge: apart in x or in y is enough.
            const float dx = std::max(a.rect.x, b.rect.x) - std::min(a.rect.x + a.rect.w, b.rect.x + b.rect.w);
            const float dy = std::max(a.rect.y, b.rect.y) - std::min(a.rect.y + a.rect.h, b.rect.y + b.rect.h);
            if (std::max(dx, dy) + kRounding < gap_px)
                out += "###" + a.id + " and ###" + b.id + " are " + std::to_string(static_cast<int>(std::max(dx, dy))) +
                       " px apart\n";
        }
    }
    return out;
}

}  // namespace indgang::kiosk
