#include "app/service_text.hpp"

#include <string_view>

namespace indgang::kiosk {

namespace {
struct Known {
    std::string_view key;
    const char* name;
    const char* description;
};
#define N_(s) s   // marks a msgid for scripts/extract-pot.sh; translated later through tr()
// The names match the feedback form's, so a service reads the same everywhere.
constexpr Known kKnown[] = {
    {"jobcentre", N_("Jobcentre"), N_("Work, job seeking, courses")},
    {"social", N_("Social centre"), N_("Housing, support and everyday life")},
    {"benefits", N_("Benefits office"), N_("Money: benefits, rent, payments")},
    {"substance", N_("Substance-abuse outreach"), N_("A talk about alcohol, drugs and your health")},
    {"skp", N_("Support and contact person"), N_("Someone on your side, for what matters to you")},
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
