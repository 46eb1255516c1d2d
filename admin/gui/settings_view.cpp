#include "views.hpp"

#include "core/domain/settings.hpp"
#include "core/install/data_dir.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/text/bidi.hpp"
#include "core/text/catalog.hpp"

#include <imgui.h>

#include <algorithm>

namespace indgang::admin::gui {

static std::string join(const std::vector<std::string>& v) {
    std::string out;
    for (const auto& x : v) out += (out.empty() ? "" : ",") + x;
    return out;
}

void draw_settings(State& s, Instant now) {
    (void)now;
    section("Staff PIN");
    ImGui::TextWrapped("Staff open the kiosk's staff mode with this PIN (4–12 digits). It is stored "
                       "only as a hash.");
    ImGui::SetNextItemWidth(160);
    ImGui::InputText("New PIN###pin", s.pin, sizeof s.pin,
                     ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (ImGui::Button("Set PIN###set_pin"))
        act(s, [&s] {
            std::string pin = s.pin;
            std::fill(std::begin(s.pin), std::end(s.pin), '\0');
            set_staff_pin(*s.db, pin);
            set_status(s, "Staff PIN changed.");
        });
    ImGui::TextDisabled(has_staff_pin(*s.db) ? "A PIN is set." : "No PIN yet: staff mode is closed.");

    section("Kiosk");
    static std::vector<text::Language> shipped;
    if (shipped.empty()) {
        try {
            shipped = text::shipped_languages(install::i18n_dir());
        } catch (const std::exception& e) {
            ImGui::TextColored({0.75f, 0.25f, 0.1f, 1}, "Languages unavailable: %s", e.what());
        }
    }
    ImGui::Text("Languages offered (none ticked = all):");
    for (const auto& l : shipped) {
        bool on = std::find(s.languages_on.begin(), s.languages_on.end(), l.code) != s.languages_on.end();
        // ImGui cannot shape or reorder: names in Arabic script arrive in visual form.
        const std::string name = text::visual_line(l.native_name, l.rtl);
        if (ImGui::Checkbox((l.code + "  " + name + "###lang_" + l.code).c_str(), &on)) {
            auto langs = s.languages_on;
            if (on) langs.push_back(l.code);
            else langs.erase(std::remove(langs.begin(), langs.end(), l.code), langs.end());
            act(s, [&s, langs] { set_setting(*s.db, settings_key::kLanguages, join(langs)); });
        }
    }
    std::string combo;
    int current = 0;
    for (size_t i = 0; i < shipped.size(); ++i) {
        combo += shipped[i].code + '\0';
        if (shipped[i].code == s.default_language) current = static_cast<int>(i);
    }
    ImGui::SetNextItemWidth(120);
    if (!shipped.empty() && ImGui::Combo("Default language###default_lang", &current, combo.c_str()))
        act(s, [&s, code = shipped[static_cast<size_t>(current)].code] {
            set_setting(*s.db, settings_key::kDefaultLanguage, code);
        });
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputInt("Idle reset after (seconds)###idle", &s.idle_seconds, 10))
        act(s, [&s, v = std::clamp(s.idle_seconds, 30, 600)] {
            set_setting(*s.db, settings_key::kIdleSeconds, std::to_string(v));
        });
    ImGui::SetNextItemWidth(160);
    if (ImGui::SliderInt("Read-aloud volume###volume", &s.volume, 0, 100))
        act(s, [&s, v = s.volume] { set_setting(*s.db, settings_key::kVolume, std::to_string(v)); });

    section("Privacy and reports");
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputInt("Erase nicknames after (days)###retention", &s.nickname_days))
        act(s, [&s, v = std::clamp(s.nickname_days, 0, 30)] {
            set_setting(*s.db, settings_key::kNicknameDays, std::to_string(v));
        });
    ImGui::SetNextItemWidth(160);
    if (ImGui::InputInt("Smallest group shown in reports###min_cell", &s.min_cell))
        act(s, [&s, v = std::max(3, s.min_cell)] {
            set_setting(*s.db, settings_key::kMinCell, std::to_string(v));
        });

    section("Upload to the municipality");
    ImGui::SetNextItemWidth(420);
    ImGui::InputTextWithHint("###upload_config", "/etc/indgang/upload.json", s.upload_config,
                             sizeof s.upload_config);
    ImGui::SameLine();
    if (ImGui::Button("Save###save_upload"))
        act(s, [&s] {
            set_setting(*s.db, settings_key::kUploadConfig, s.upload_config);
            set_status(s, "Upload target file saved. Secrets stay in that file (mode 600).");
        });
}

}  // namespace indgang::admin::gui
