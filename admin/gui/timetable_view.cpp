#include "views.hpp"

#include "core/domain/timetable.hpp"

#include <imgui.h>

#include <cstring>

namespace indgang::admin::gui {

static const char* kWeekdays[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                  "Saturday", "Sunday"};

static std::string when(const Session& v) {
    if (!v.weekday) return "once, " + format_date(v.first_date);
    std::string w = std::string("every ") + kWeekdays[*v.weekday - 1];
    if (v.last_date) w += " until " + format_date(*v.last_date);
    return w;
}

static Session session_from(const State& s, Instant now) {
    const SessionForm& f = s.form;
    Session v;
    v.site_id = s.site_id;
    if (f.service_index < 0 || f.service_index >= static_cast<int>(s.services.size()))
        throw DomainError(ErrorCode::Invalid, "choose a service");
    v.service_id = s.services[static_cast<size_t>(f.service_index)].id;
    v.caseworker = f.caseworker;
    const auto from = parse_minute(f.from), to = parse_minute(f.to);
    if (!from || !to) throw DomainError(ErrorCode::Invalid, "times look like 10:00");
    v.start_minute = *from;
    v.end_minute = *to;
    v.slot_minutes = f.slot_minutes;
    v.bookable_slots = f.bookable;
    v.walkin_minutes = f.walkin_minutes;
    const auto date = parse_date(f.date);
    if (f.weekly) {
        v.weekday = f.weekday;
        v.first_date = f.date[0] ? (date ? *date : throw DomainError(ErrorCode::Invalid, "dates look like 2026-12-01"))
                                 : s.tz.today(now);
    } else {
        if (!date) throw DomainError(ErrorCode::Invalid, "a one-off session needs a date like 2026-12-01");
        v.first_date = *date;
    }
    return v;
}

static void load_form(State& s, const Session& v) {
    SessionForm& f = s.form;
    f = SessionForm{};
    f.editing = v.id;
    for (size_t i = 0; i < s.services.size(); ++i)
        if (s.services[i].id == v.service_id) f.service_index = static_cast<int>(i);
    std::snprintf(f.caseworker, sizeof f.caseworker, "%s", v.caseworker.c_str());
    f.weekly = v.weekday.has_value();
    f.weekday = v.weekday.value_or(1);
    std::snprintf(f.date, sizeof f.date, "%s", format_date(v.first_date).c_str());
    std::snprintf(f.from, sizeof f.from, "%s", format_minute(v.start_minute).c_str());
    std::snprintf(f.to, sizeof f.to, "%s", format_minute(v.end_minute).c_str());
    f.slot_minutes = v.slot_minutes;
    f.bookable = v.bookable_slots;
    f.walkin_minutes = v.walkin_minutes;
}

void draw_timetable(State& s, Instant now) {
    section("Sessions");
    if (ImGui::BeginTable("sessions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Service");
        ImGui::TableSetupColumn("Caseworker");
        ImGui::TableSetupColumn("When");
        ImGui::TableSetupColumn("Time");
        ImGui::TableSetupColumn("");
        ImGui::TableHeadersRow();
        for (const auto& v : s.sessions) {
            ImGui::PushID(static_cast<int>(v.id));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            for (const auto& svc : s.services)
                if (svc.id == v.service_id) ImGui::Text("%s", svc.name.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s", v.caseworker.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s", when(v).c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s–%s, %d min slots", format_minute(v.start_minute).c_str(),
                        format_minute(v.end_minute).c_str(), v.slot_minutes);
            ImGui::TableNextColumn();
            if (ImGui::SmallButton("Edit###edit")) load_form(s, v);
            ImGui::SameLine();
            if (ImGui::SmallButton("Cancel a date###cancel")) {
                std::snprintf(s.cancel_date, sizeof s.cancel_date, "%s", format_date(s.tz.today(now)).c_str());
                ImGui::OpenPopup("cancel_date");
            }
            if (v.weekday && !v.last_date) {
                ImGui::SameLine();
                if (ImGui::SmallButton("End###end"))
                    act(s, [&s, id = v.id, now] {
                        s.to_tell = end_session(*s.db, id, s.tz.today(now), now);
                        set_status(s, "The session ends after today; later bookings are cancelled "
                                      "by the centre (see the list to tell).");
                    });
            }
            if (ImGui::BeginPopup("cancel_date")) {
                ImGui::Text("Cancel %s on:", when(v).c_str());
                ImGui::SetNextItemWidth(140);
                ImGui::InputTextWithHint("##date", "YYYY-MM-DD", s.cancel_date, sizeof s.cancel_date);
                ImGui::SetNextItemWidth(260);
                ImGui::InputTextWithHint("##reason", "Reason (staff only)", s.cancel_reason,
                                         sizeof s.cancel_reason);
                if (ImGui::Button("Cancel this date###confirm_cancel")) {
                    act(s, [&s, id = v.id, now] {
                        const auto d = parse_date(s.cancel_date);
                        if (!d) throw DomainError(ErrorCode::Invalid, "dates look like 2026-12-01");
                        s.to_tell = cancel_session_date(*s.db, id, *d, s.cancel_reason, now);
                        set_status(s, "Cancelled " + format_date(*d) + ". " +
                                          std::to_string(s.to_tell.size()) + " visitor(s) to tell.");
                    });
                    ImGui::CloseCurrentPopup();
                }
                ImGui::EndPopup();
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    if (!s.to_tell.empty()) {
        ImGui::TextColored({0.75f, 0.25f, 0.10f, 1}, "Tell these visitors their time is cancelled:");
        for (const auto& b : s.to_tell)
            ImGui::BulletText("%s  code %s  %s", format_minute(s.tz.to_local(b.start).minute).c_str(),
                              b.code.c_str(), b.nickname.value_or("").c_str());
        if (ImGui::SmallButton("Done###told")) s.to_tell.clear();
    }

    section(s.form.editing ? "Change the session" : "Add a session");
    SessionForm& f = s.form;
    std::string names;
    for (const auto& v : s.services) names += v.name + '\0';
    ImGui::SetNextItemWidth(260);
    ImGui::Combo("Service###svc", &f.service_index, names.c_str());
    ImGui::SetNextItemWidth(260);
    ImGui::InputText("Caseworker's first name###cw", f.caseworker, sizeof f.caseworker);
    ImGui::Checkbox("Every week###weekly", &f.weekly);
    if (f.weekly) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160);
        int index = f.weekday - 1;
        if (ImGui::Combo("###wd", &index, kWeekdays, 7)) f.weekday = index + 1;
    }
    ImGui::SetNextItemWidth(140);
    ImGui::InputTextWithHint(f.weekly ? "First date (empty = today)###date" : "Date###date",
                             "YYYY-MM-DD", f.date, sizeof f.date);
    ImGui::SetNextItemWidth(80);
    ImGui::InputText("From###from", f.from, sizeof f.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    ImGui::InputText("To###to", f.to, sizeof f.to);
    ImGui::SetNextItemWidth(140);
    ImGui::InputInt("Slot minutes###slot", &f.slot_minutes, 5);
    ImGui::SetNextItemWidth(140);
    ImGui::InputInt("Bookable slots (0 = all)###bookable", &f.bookable);
    ImGui::SetNextItemWidth(140);
    ImGui::InputInt("Walk-in minutes at the end###walkin", &f.walkin_minutes, 5);
    if (s.form.editing) {
        if (ImGui::Button("Save changes###save_session"))
            act(s, [&s, now] {
                Session v = session_from(s, now);
                const Session old = get_session(*s.db, s.form.editing);
                v.last_date = old.last_date;
                // From today on; days that have passed keep what happened. A change that would
                // drop live bookings is refused with their list (TimetableConflict).
                const EditResult r = edit_session(*s.db, old.id, v, s.tz.today(now), now);
                s.form = SessionForm{};
                set_status(s, "Session changed from today; the kiosk shows it within seconds. " +
                                  std::to_string(r.carried.size()) + " booking(s) keep their time.");
            });
        ImGui::SameLine();
        if (ImGui::Button("Stop editing###stop_edit")) s.form = SessionForm{};
    } else if (ImGui::Button("Add session###add_session")) {
        act(s, [&s, now] {
            add_session(*s.db, session_from(s, now), now);
            s.form = SessionForm{};
            set_status(s, "Session added; the kiosk shows it within seconds.");
        });
    }

    section("Services");
    for (const auto& v : s.services) {
        ImGui::PushID(static_cast<int>(v.id));
        bool active = v.active;
        if (ImGui::Checkbox("###active", &active))
            act(s, [&s, v, active] {
                Service changed = v;
                changed.active = active;
                update_service(*s.db, changed);
            });
        ImGui::SameLine();
        ImGui::Text("%s  (%s, walk-in %s)", v.name.c_str(), v.key.c_str(), v.walkin_prefix.c_str());
        ImGui::PopID();
    }

    section("Opening hours");
    for (int wd = 0; wd < 7; ++wd) {
        auto& row = s.hours[wd];
        ImGui::PushID(wd);
        ImGui::Checkbox("###open", &row.open);
        ImGui::SameLine();
        ImGui::Text("%-10s", kWeekdays[wd]);
        if (row.open) {
            ImGui::SameLine(200);
            ImGui::SetNextItemWidth(70);
            ImGui::InputText("###from", row.from, sizeof row.from);
            ImGui::SameLine();
            ImGui::TextUnformatted("–");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(70);
            ImGui::InputText("###to", row.to, sizeof row.to);
        } else {
            ImGui::SameLine(200);
            ImGui::TextDisabled("closed");
        }
        ImGui::PopID();
    }
    if (ImGui::Button("Save opening hours###save_hours"))
        act(s, [&s] {
            std::vector<OpeningHours> hours;
            for (int wd = 0; wd < 7; ++wd) {
                const auto& row = s.hours[wd];
                if (!row.open) continue;
                const auto from = parse_minute(row.from), to = parse_minute(row.to);
                if (!from || !to)
                    throw DomainError(ErrorCode::Invalid, std::string("times for ") + kWeekdays[wd] +
                                                              " look like 09:00");
                hours.push_back({wd + 1, *from, *to});
            }
            set_opening_hours(*s.db, s.site_id, hours);
            set_status(s, "Opening hours saved.");
        });
}

}  // namespace indgang::admin::gui
