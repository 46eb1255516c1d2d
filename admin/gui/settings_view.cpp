// The Settings tab: the staff PIN and every row of the settings table, each with its range.
#include "staff_errors.hpp"
#include "views.hpp"

#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include <algorithm>

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

// The allowed values in the staff language (setting_range_text() is the CLI's English).
static std::string range_text(const SettingSpec& spec) {
    switch (spec.type) {
        case SettingType::Integer: {
            std::string r = st_fill("{min}–{max} {unit}", {{"min", std::to_string(spec.min)},
                                                           {"max", std::to_string(spec.max)},
                                                           {"unit", *spec.unit ? st(spec.unit) : ""}});
            while (!r.empty() && r.back() == ' ') r.pop_back();   // a count without a unit
            return r;
        }
        case SettingType::Boolean: return st("on or off");
        case SettingType::Text: return st("text");
        case SettingType::Language: return st("a language code, e.g. da");
        case SettingType::LanguageList: return st("language codes separated by commas, e.g. da,en,ar; empty = all");
        case SettingType::Path: return st("a file path; empty = not set");
    }
    return "";
}

static void draw_pin(State& s) {
    section(st("Staff PIN"));
    text_wrapped(st("Staff open this window and the kiosk's staff mode with this PIN (4–12 digits). "
                    "It is stored only as a hash."));
    ImGui::SetNextItemWidth(160);
    input(st("New PIN") + std::string("###pin"), s.pin, sizeof s.pin, nullptr,
          ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (button(st("Set PIN") + std::string("###set_pin")))
        act(s, [&s] {
            std::string pin = s.pin;
            std::fill(std::begin(s.pin), std::end(s.pin), '\0');
            set_staff_pin(*s.db, pin);
            set_status(s, st("The staff PIN is changed."));
        });
}

static void draw_setting(State& s, SettingRow& row) {
    const SettingSpec* spec = find_setting_spec(row.key);
    if (!spec) return;
    const SettingValue current = setting_value(*s.db, row.key);
    const std::string key = row.key;
    ImGui::PushID(row.key);
    text_wrapped(st(spec->help));
    ImGui::Indent();
    bool save = false;
    std::string value;
    switch (spec->type) {
        case SettingType::Integer:
            ImGui::SetNextItemWidth(160);
            input_int("###set_" + key, &row.number);
            value = std::to_string(row.number);
            break;
        case SettingType::Boolean:
            if (checkbox(std::string(row.on ? st("on") : st("off")) + "###set_" + key, &row.on)) save = true;
            value = row.on ? "1" : "0";
            break;
        default:
            ImGui::SetNextItemWidth(360);
            input("###set_" + key, row.value, sizeof row.value);
            value = row.value;
            break;
    }
    if (spec->type != SettingType::Boolean) {
        ImGui::SameLine();
        save = button(st("Save") + std::string("###save_") + key, true);
    }
    ImGui::SameLine();
    if (!current.is_default && button(st("Default") + std::string("###reset_") + key, true))
        act(s, [&s, key] {
            reset_setting(*s.db, key);
            set_status(s, st("The default applies again."));
        });
    ImGui::SameLine();
    text_disabled(st_fill("Allowed: {range}. Default: {default}.",
                          {{"range", range_text(*spec)},
                           {"default", spec->type == SettingType::Boolean
                                           ? (std::string(spec->fallback) == "1" ? st("on") : st("off"))
                                           : (*spec->fallback ? spec->fallback : st("empty"))}}));
    if (save)
        act(s, [&s, key, value] {
            try {
                set_setting_checked(*s.db, key, value);
            } catch (const DomainError& e) {
                const SettingSpec* sp = find_setting_spec(key);
                throw StaffError(st_fill("Not saved: allowed is {range}.", {{"range", sp ? range_text(*sp) : ""}}));
            }
            set_status(s, st("The setting is saved."));
        });
    ImGui::Unindent();
    ImGui::PopID();
}

void draw_settings(State& s, Instant now) {
    (void)now;
    draw_pin(s);
    section(st("Settings"));
    for (auto& row : s.settings) draw_setting(s, row);
}

}  // namespace indgang::admin::gui
