// The staff gate: the PIN before the window shows anything (Argon2id, the kiosk's lockout). On a
// database without a PIN, the first person chooses one, twice; from then on it is asked for.
#include "staff_clock.hpp"
#include "staff_errors.hpp"
#include "views.hpp"

#include "core/domain/staff_pin.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstring>

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

static void wipe(char* buf, size_t n) { std::fill(buf, buf + n, '\0'); }

static void open_gate(State& s) {
    s.unlocked = true;
    std::string login = s.gate_login;
    login.erase(std::remove_if(login.begin(), login.end(), [](char c) { return c == ' ' || c == ':'; }), login.end());
    s.actor = login.empty() ? "staff" : "staff:" + login;
    wipe(s.gate_pin, sizeof s.gate_pin);
    wipe(s.gate_pin_again, sizeof s.gate_pin_again);
}

// A keypad for the PIN, so a touch screen with no keyboard can open the window (the kiosk's
// staff mode starts it on the kiosk's own screen). It types into the PIN field touched last.
static void draw_pin_keypad(char* pin, size_t size) {
    const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "del"};
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0) ImGui::SameLine();
        const std::string key = keys[i];
        if (key.empty()) {
            ImGui::Dummy(ImVec2(72, 52));
            continue;
        }
        const std::string label = (key == "del" ? st("Delete") : key.c_str()) + std::string("###gate_key_") + key;
        if (button(label, ImVec2(72, 52))) {
            const size_t n = std::strlen(pin);
            if (key == "del") {
                if (n > 0) pin[n - 1] = '\0';
            } else if (n + 1 < size) {
                pin[n] = key[0];
                pin[n + 1] = '\0';
            }
        }
    }
}

void draw_gate(State& s, Instant now) {
    const bool first = !has_staff_pin(*s.db);
    ImGui::SetCursorPos(ImVec2(ImGui::GetWindowWidth() / 2 - 220, ImGui::GetWindowHeight() / 4));
    ImGui::BeginGroup();
    text(st("Indgang — staff"));
    ImGui::Spacing();
    text_wrapped(first ? st("No staff PIN yet. Choose one (4–12 digits); staff will need it to open this window and the kiosk's staff mode.")
                       : st("Write your name or initials and the staff PIN."));
    ImGui::Spacing();
    ImGui::SetNextItemWidth(240);
    input(st("Your name or initials") + std::string("###gate_login"), s.gate_login, sizeof s.gate_login);
    ImGui::SetNextItemWidth(240);
    const ImGuiInputTextFlags pin_flags = ImGuiInputTextFlags_Password | ImGuiInputTextFlags_CharsDecimal;
    input((first ? st("New PIN") : st("PIN")) + std::string("###gate_pin"), s.gate_pin, sizeof s.gate_pin,
          nullptr, pin_flags);
    if (ImGui::IsItemActive()) s.gate_keypad_again = false;
    if (first) {
        ImGui::SetNextItemWidth(240);
        input(st("The PIN again") + std::string("###gate_pin_again"), s.gate_pin_again, sizeof s.gate_pin_again,
              nullptr, pin_flags);
        if (ImGui::IsItemActive()) s.gate_keypad_again = true;
    } else {
        s.gate_keypad_again = false;
    }
    draw_pin_keypad(first && s.gate_keypad_again ? s.gate_pin_again : s.gate_pin, sizeof s.gate_pin);
    ImGui::Spacing();
    // As wide as the keypad and as tall as its keys: the last touch of the gate.
    if (button((first ? st("Choose the PIN and open") : st("Open")) + std::string("###gate_open"),
               ImVec2(3 * 72 + 2 * ImGui::GetStyle().ItemSpacing.x, 52)))
        act(s, [&s, first, now] {
            if (first) {
                if (std::string(s.gate_pin) != s.gate_pin_again)
                    throw StaffError(st("The two PINs are not the same."));
                set_staff_pin(*s.db, s.gate_pin);
                open_gate(s);
                set_status(s, st("The staff PIN is chosen. Keep it among staff."));
                return;
            }
            const PinCheck r = check_staff_pin(*s.db, s.gate_pin, now);
            wipe(s.gate_pin, sizeof s.gate_pin);
            if (r.ok) {
                open_gate(s);
                set_status(s, "");
            } else if (r.locked_until > now) {
                set_status(s, st_fill("Wrong PIN. Try again at {time}.", {{"time", time_text(s.tz, r.locked_until)}}), true);
            } else {
                set_status(s, st("Wrong PIN."), true);
            }
        });
    ImGui::EndGroup();
}

}  // namespace indgang::admin::gui
