#include "ui/widget_registry.hpp"

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
        out += "\"" + e.label + "\"\n";
    }
    return out;
}

}  // namespace indgang::kiosk
