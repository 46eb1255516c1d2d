#include "app/service_text.hpp"

#include <string_view>

namespace indgang::kiosk {

namespace {
struct Known {
    std::string_view key;
    const char* name;
    const char* description;
};
// msgids, listed in ui/visitor_strings.cpp as well.
constexpr Known kKnown[] = {
    {"jobcentre", "Jobcentre", "Work, job seeking, courses"},
    {"social", "Social centre", "Housing, support and everyday life"},
    {"benefits", "Benefits office", "Money: benefits, rent, payments"},
    {"substance", "Health talk", "Alcohol, drugs and your health"},
    {"skp", "Support person", "Someone on your side, for what matters to you"},
};
const Known* find(const std::string& key) {
    for (const auto& k : kKnown)
        if (k.key == key) return &k;
    return nullptr;
}
}  // namespace

std::string service_name(const TextDraw& t, const Service& s) {
    if (const auto* k = find(s.key)) return t.tr(k->name);
    return s.name;
}

std::string service_description(const TextDraw& t, const Service& s) {
    if (const auto* k = find(s.key)) return t.tr(k->description);
    return s.description;
}

}  // namespace indgang::kiosk
