#include "views.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/text/bidi.hpp"

#include <imgui.h>

namespace indgang::admin::gui {

static const char* status_label(BookingStatus st) {
    switch (st) {
        case BookingStatus::Booked: return "booked";
        case BookingStatus::CheckedIn: return "checked in";
        case BookingStatus::Seen: return "seen";
        case BookingStatus::Missed: return "no-show";
        case BookingStatus::Cancelled: return "cancelled";
        case BookingStatus::CentreCancelled: return "cancelled by the centre";
    }
    return "";
}

static ImVec4 status_colour(BookingStatus st) {
    switch (st) {
        case BookingStatus::CheckedIn: return {0.10f, 0.55f, 0.20f, 1};
        case BookingStatus::Missed: return {0.75f, 0.25f, 0.10f, 1};
        case BookingStatus::Cancelled: return {0.5f, 0.5f, 0.5f, 1};
        default: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
    }
}

static std::string service_name(const State& s, Id id) {
    for (const auto& v : s.services)
        if (v.id == id) return v.name;
    return "?";
}

void draw_today(State& s, Instant now) {
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) {
        s.day = add_days(s.day, -1);
        reload(s, now);
    }
    ImGui::SameLine();
    ImGui::Text("%s", format_date(s.day).c_str());
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) {
        s.day = add_days(s.day, 1);
        reload(s, now);
    }
    ImGui::SameLine();
    if (ImGui::Button("Today###today")) {
        s.day = s.tz.today(now);
        reload(s, now);
    }

    section("Bookings");
    if (s.bookings.empty()) ImGui::TextDisabled("No bookings on this day.");
    if (!s.bookings.empty() &&
        ImGui::BeginTable("bookings", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Time");
        ImGui::TableSetupColumn("With");
        ImGui::TableSetupColumn("Code");
        ImGui::TableSetupColumn("Nickname");
        ImGui::TableSetupColumn("Status");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (const auto& b : s.bookings) {
            ImGui::PushID(static_cast<int>(b.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", format_minute(s.tz.to_local(b.start).minute).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s (%s)", service_name(s, b.service_id).c_str(), b.caseworker.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s", b.code.c_str());
            ImGui::TableNextColumn();
            // Nicknames may be in any script; Arabic-script ones need shaping and reordering.
            ImGui::Text("%s", text::visual_line(b.nickname.value_or(""), text::is_rtl(b.nickname.value_or(""))).c_str());
            ImGui::TableNextColumn();
            ImGui::TextColored(status_colour(b.status), "%s", status_label(b.status));
            ImGui::TableNextColumn();
            if (b.status != BookingStatus::Cancelled) {
                if (b.status != BookingStatus::Seen && ImGui::SmallButton("Seen###seen"))
                    act(s, [&s, id = b.id, now] { mark_seen(*s.db, id, now); });
                ImGui::SameLine();
                if (b.status != BookingStatus::Missed && ImGui::SmallButton("No-show###noshow"))
                    act(s, [&s, id = b.id, now] { mark_no_show(*s.db, id, now); });
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }

    section("Walk-ins");
    if (s.walkins.empty()) ImGui::TextDisabled("No walk-in numbers on this day.");
    for (const auto& w : s.walkins) {
        ImGui::PushID(static_cast<int>(w.id));
        ImGui::Text("%s  %s  %s", w.label.c_str(), service_name(s, w.service_id).c_str(),
                    to_string(w.status));
        if (w.status == WalkInStatus::Waiting) {
            ImGui::SameLine();
            if (ImGui::SmallButton("Seen###wseen"))
                act(s, [&s, id = w.id, now] { set_walkin_status(*s.db, id, WalkInStatus::Seen, now); });
            ImGui::SameLine();
            if (ImGui::SmallButton("Left###wleft"))
                act(s, [&s, id = w.id, now] { set_walkin_status(*s.db, id, WalkInStatus::Left, now); });
        }
        ImGui::PopID();
    }

    section("Book on a visitor's behalf");
    if (s.free_slots.empty()) {
        ImGui::TextDisabled("No free times left on this day.");
        return;
    }
    ImGui::SetNextItemWidth(260);
    ImGui::InputTextWithHint("##nick", "Nickname (optional, never a real name)", s.nickname,
                             sizeof s.nickname);
    for (const auto& slot : s.free_slots) {
        ImGui::PushID(static_cast<int>(slot.start));
        const std::string label = format_minute(slot.start_minute) + " " +
                                  service_name(s, slot.service_id) + " (" + slot.caseworker + ")";
        if (ImGui::Button(label.c_str()))
            act(s, [&s, ref = SlotRef{slot.session_id, slot.date, slot.start_minute}, now] {
                const Booking b = book(*s.db, ref, s.nickname, now, BookingSource::Staff);
                s.last_code = b.code;
                s.nickname[0] = 0;
                set_status(s, "Booked " + format_minute(ref.start_minute) + " — check-in code " + b.code);
            });
        ImGui::PopID();
    }
}

}  // namespace indgang::admin::gui
