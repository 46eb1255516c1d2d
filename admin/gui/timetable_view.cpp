// The Timetable tab: the site, opening hours, services, sessions, cancelled dates and closures.
#include "staff_clock.hpp"
#include "staff_errors.hpp"
#include "staff_files.hpp"
#include "views.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/timetable.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include <cstdio>

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

static const ImVec4 kWarn{0.70f, 0.22f, 0.08f, 1};

static std::string when(const Session& v) {
    if (!v.weekday) return st_fill("once, {date}", {{"date", day_text(TimeZone{}, v.first_date)}});
    std::string w = st_fill("every {weekday} from {date}", {{"weekday", weekday_text(*v.weekday)},
                                                             {"date", day_text(TimeZone{}, v.first_date)}});
    if (v.last_date) w += ", " + st_fill("last time {date}", {{"date", day_text(TimeZone{}, *v.last_date)}});
    return w;
}

// [SECTION] Shared forms (also used by the first-run set-up)

void draw_hours(HoursRow (&rows)[7], const char* id_prefix) {
    for (int wd = 0; wd < 7; ++wd) {
        auto& row = rows[wd];
        ImGui::PushID(wd);
        const std::string id = std::string(id_prefix) + std::to_string(wd + 1);
        checkbox(weekday_text(wd + 1) + "###" + id + "_open", &row.open);
        if (row.open) {
            ImGui::SameLine(200);
            ImGui::SetNextItemWidth(70);
            input("###" + id + "_from", row.from, sizeof row.from);
            ImGui::SameLine();
            ImGui::TextUnformatted("–");
            ImGui::SameLine();
            ImGui::SetNextItemWidth(70);
            input("###" + id + "_to", row.to, sizeof row.to);
        } else {
            ImGui::SameLine(200);
            text_disabled(st("closed"));
        }
        ImGui::PopID();
    }
}

std::vector<OpeningHours> hours_from(const HoursRow (&rows)[7]) {
    std::vector<OpeningHours> hours;
    for (int wd = 0; wd < 7; ++wd) {
        const auto& row = rows[wd];
        if (!row.open) continue;
        const auto from = read_time(row.from), to = read_time(row.to);
        if (!from || !to)
            throw StaffError(st_fill("The opening hours for {weekday} must be times like 9.00 and 16.00.",
                                                          {{"weekday", weekday_text(wd + 1)}}));
        if (*to <= *from)
            throw StaffError(st_fill("On {weekday} the centre must close after it opens.",
                                                          {{"weekday", weekday_text(wd + 1)}}));
        hours.push_back({wd + 1, *from, *to});
    }
    return hours;
}

Session session_from(const State& s, const SessionForm& f, Instant now) {
    Session v;
    v.site_id = s.site_id;
    if (f.service_index < 0 || f.service_index >= static_cast<int>(s.services.size()))
        throw StaffError(st("Choose a service."));
    v.service_id = s.services[static_cast<size_t>(f.service_index)].id;
    v.caseworker = f.caseworker;
    if (v.caseworker.empty()) throw StaffError(st("Write the caseworker's first name."));
    const auto from = read_time(f.from), to = read_time(f.to);
    if (!from || !to) throw StaffError(st("Times look like 10.00."));
    if (*to <= *from) throw StaffError(st("The session must end after it starts."));
    v.start_minute = *from;
    v.end_minute = *to;
    v.slot_minutes = f.slot_minutes;
    v.bookable_slots = f.bookable;
    v.walkin_minutes = f.walkin_minutes;
    v.walkin_only = f.walkin_only;
    if (v.slot_minutes < 5 || v.slot_minutes > 240)
        throw StaffError(st("A time lasts between 5 and 240 minutes."));
    const auto date = read_date(f.date);
    if (f.date[0] && !date) throw StaffError(st("Dates look like 1.12.2026."));
    const Date today = s.tz.today(now);
    if (f.weekly) {
        v.weekday = f.weekday_index + 1;
        v.first_date = date ? *date : today;
    } else {
        if (!date) throw StaffError(st("A one-off session needs a date, like 1.12.2026."));
        v.first_date = *date;
    }
    const SessionCheck c = check_session(*s.db, v, now, f.editing);
    if (!c.errors.empty()) {
        // The core's reasons carry names and times; say the commonest ones in the staff language.
        const std::string& e = c.errors.front();
        if (e.find("in the past") != std::string::npos)
            throw StaffError(st("The date has passed. Choose today or later."));
        if (e.find("too short") != std::string::npos)
            throw StaffError(st("The session is too short for one time; make it longer or walk-ins only."));
        if (e.find("already has session") != std::string::npos)
            throw StaffError(st_fill("{name} already has a session at that time.", {{"name", v.caseworker}}));
        throw DomainError(ErrorCode::Invalid, e);
    }
    return v;
}

void draw_session_form(State& s, SessionForm& f, bool first_run) {
    std::vector<std::string> names;
    for (const auto& v : s.services) names.push_back(v.name);
    ImGui::SetNextItemWidth(260);
    choice(st("Service") + std::string("###svc"), &f.service_index, names);
    ImGui::SetNextItemWidth(260);
    input(st("Caseworker's first name") + std::string("###cw"), f.caseworker, sizeof f.caseworker);
    checkbox(st("Every week") + std::string("###weekly"), &f.weekly);
    if (f.weekly) {
        ImGui::SameLine();
        ImGui::SetNextItemWidth(160);
        std::vector<std::string> days;
        for (int wd = 1; wd <= 7; ++wd) days.push_back(weekday_text(wd));
        choice("###wd", &f.weekday_index, days);
    }
    ImGui::SetNextItemWidth(140);
    input((f.weekly ? st("First date (empty = today)") : st("Date")) + std::string("###date"), f.date,
          sizeof f.date, st("d.m.yyyy"));
    ImGui::SetNextItemWidth(80);
    input(st("From") + std::string("###from"), f.from, sizeof f.from);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    input(st("To") + std::string("###to"), f.to, sizeof f.to);
    checkbox(st("Walk-ins only (no booked times)") + std::string("###walkin_only"), &f.walkin_only);
    if (!f.walkin_only) {
        ImGui::SetNextItemWidth(140);
        input_int(st("Minutes per time") + std::string("###slot"), &f.slot_minutes, 5);
        ImGui::SetNextItemWidth(140);
        input_int(st("Bookable times (0 = all)") + std::string("###bookable"), &f.bookable);
        ImGui::SetNextItemWidth(140);
        input_int(st("Minutes for walk-ins at the end") + std::string("###walkin"), &f.walkin_minutes, 5);
    }
    if (f.editing && !first_run) {
        ImGui::SetNextItemWidth(140);
        input(st("Change applies from (empty = today)") + std::string("###change_from"), f.change_from,
              sizeof f.change_from, st("d.m.yyyy"));
    }
}

// [SECTION] Sessions

static void load_form(State& s, const Session& v) {
    SessionForm& f = s.form;
    f = SessionForm{};
    f.editing = v.id;
    for (size_t i = 0; i < s.services.size(); ++i)
        if (s.services[i].id == v.service_id) f.service_index = static_cast<int>(i);
    std::snprintf(f.caseworker, sizeof f.caseworker, "%s", v.caseworker.c_str());
    f.weekly = v.weekday.has_value();
    f.weekday_index = v.weekday.value_or(1) - 1;
    std::snprintf(f.date, sizeof f.date, "%s", date_field(v.first_date).c_str());
    std::snprintf(f.from, sizeof f.from, "%s", minute_text(v.start_minute).c_str());
    std::snprintf(f.to, sizeof f.to, "%s", minute_text(v.end_minute).c_str());
    f.slot_minutes = v.slot_minutes;
    f.bookable = v.bookable_slots;
    f.walkin_minutes = v.walkin_minutes;
    f.walkin_only = v.walkin_only;
}

static Date field_date_or_today(const State& s, const char* field, Instant now) {
    if (!field[0]) return s.tz.today(now);
    if (auto d = read_date(field)) return *d;
    throw StaffError(st("Dates look like 1.12.2026."));
}

static void save_edit(State& s, Instant now, OnConflict on_conflict) {
    Session v = session_from(s, s.form, now);
    const Session old = get_session(*s.db, s.form.editing);
    v.last_date = old.last_date;
    const Date from = field_date_or_today(s, s.form.change_from, now);
    // Days before `from` keep what happened; a change that would drop live bookings is refused
    // with their list (TimetableConflict) unless staff chose to cancel and tell them.
    const EditResult r = edit_session(*s.db, old.id, v, from, now, on_conflict, s.actor);
    s.form = SessionForm{};
    s.conflict.clear();
    if (!r.to_tell.empty()) show_to_tell(s, st("The change cancelled these times. Tell the visitors:"), r.to_tell);
    set_status(s, st_fill("The session is changed from {date}. {n} booking(s) keep their time.",
                          {{"date", day_text(s.tz, from)}, {"n", std::to_string(r.carried.size())}}));
}

static void draw_sessions(State& s, Instant now) {
    section(st("Sessions"));
    if (s.sessions.empty()) text_disabled(st("No sessions yet. Add the first one below."));
    if (!s.sessions.empty() &&
        ImGui::BeginTable("sessions", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit)) {
        column(st("Service"));
        column(st("Caseworker"));
        column(st("When"));
        column(st("Time"));
        column("");
        ImGui::TableHeadersRow();
        const Date today = s.tz.today(now);
        for (const auto& v : s.sessions) {
            const bool over = v.last_date ? *v.last_date < today : (!v.weekday && v.first_date < today);
            ImGui::PushID(static_cast<int>(v.id));
            const std::string sid = std::to_string(v.id);
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(service_name(s, v.service_id));
            ImGui::TableNextColumn();
            text(v.caseworker);
            ImGui::TableNextColumn();
            text(when(v));
            ImGui::TableNextColumn();
            text(minute_text(v.start_minute) + "–" + minute_text(v.end_minute) + ", " +
                 (v.walkin_only ? std::string(st("walk-ins only"))
                                : st_fill("{n} min. per time", {{"n", std::to_string(v.slot_minutes)}})));
            ImGui::TableNextColumn();
            if (!over) {
                if (button(st("Change") + std::string("###edit_") + sid, true)) load_form(s, v);
                ImGui::SameLine();
                if (button(st("Dates") + std::string("###dates_") + sid, true)) {
                    s.date_session = v.id;
                    std::snprintf(s.session_date, sizeof s.session_date, "%s", date_field(today).c_str());
                }
                if (v.weekday) {
                    ImGui::SameLine();
                    if (button(st("End") + std::string("###end_") + sid, true))
                        ask(s, st_fill("End the session with {name} after today? Later bookings are cancelled by the centre. This cannot be undone.",
                                       {{"name", v.caseworker}}),
                            st("End the session"), [&s, id = v.id, now] {
                                show_to_tell(s, st("The session has ended. Tell these visitors their time is cancelled:"),
                                             end_session(*s.db, id, s.tz.today(now), now, s.actor));
                                set_status(s, st("The session ends after today."));
                            });
                }
            }
            ImGui::SameLine();
            if (button(st("Delete") + std::string("###delete_") + sid, true))
                ask(s, st_fill("Delete the session with {name}? Only a session that never had a booking can be deleted. This cannot be undone.",
                               {{"name", v.caseworker}}),
                    st("Delete the session"), [&s, id = v.id, now] {
                        try {
                            delete_session(*s.db, id, now, s.actor);
                        } catch (const DomainError& e) {
                            if (e.code == ErrorCode::NotFound) throw;
                            throw StaffError(st("The session has had bookings, so it cannot be deleted. End it instead."));
                        }
                        set_status(s, st("The session is deleted."));
                    });
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
}

static void draw_dates(State& s, Instant now) {
    if (!s.date_session) return;
    Session v;
    bool found = false;
    for (const auto& x : s.sessions)
        if (x.id == s.date_session) v = x, found = true;
    if (!found) return;
    section(st_fill("Cancel or restore a date: {name}, {when}", {{"name", v.caseworker}, {"when", when(v)}}));
    ImGui::SetNextItemWidth(140);
    input(st("Date") + std::string("###session_date"), s.session_date, sizeof s.session_date, st("d.m.yyyy"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(260);
    input(st("Reason (staff only)") + std::string("###cancel_reason"), s.cancel_reason, sizeof s.cancel_reason);
    if (button(st("Cancel this date") + std::string("###cancel_date"))) {
        const auto d = read_date(s.session_date);
        if (!d) {
            set_status(s, st("Dates look like 1.12.2026."), true);
        } else {
            ask(s, st_fill("Cancel {name} on {date}? Visitors who booked must be told; you get the list.",
                           {{"name", v.caseworker}, {"date", day_text(s.tz, *d)}}),
                st("Cancel the date"), [&s, id = v.id, d = *d, now] {
                    show_to_tell(s, st_fill("{date} is cancelled. Tell these visitors:", {{"date", day_text(s.tz, d)}}),
                                 cancel_session_date(*s.db, id, d, s.cancel_reason, now, s.actor));
                    s.cancel_reason[0] = 0;
                    set_status(s, st_fill("{date} is cancelled. It can be restored.", {{"date", day_text(s.tz, d)}}));
                });
        }
    }
    ImGui::SameLine();
    if (button(st("Restore this date") + std::string("###restore_date")))
        act(s, [&s, id = v.id, now] {
            const auto d = read_date(s.session_date);
            if (!d) throw StaffError(st("Dates look like 1.12.2026."));
            show_to_tell(s, st_fill("{date} is on again. Tell these visitors their time holds after all:",
                                    {{"date", day_text(s.tz, *d)}}),
                         restore_session_date(*s.db, id, *d, now, s.actor));
            set_status(s, st_fill("{date} is on again.", {{"date", day_text(s.tz, *d)}}));
        });
    ImGui::SameLine();
    if (button(st("Close") + std::string("###close_dates"))) s.date_session = 0;
}

// A file name that sorts by when the list was made: give-besked-2026-12-02-0900.html.
static std::string to_tell_file_name(const State& s, Instant now) {
    const std::string t = time_text(s.tz, now);
    std::string hhmm;
    for (char c : t)
        if (c >= '0' && c <= '9') hhmm += c;
    return "give-besked-" + format_date(s.tz.today(now)) + "-" + hhmm + ".html";
}

static void draw_to_tell(State& s, Instant now) {
    if (s.to_tell_heading.empty()) return;
    ImGui::Spacing();
    text_coloured(kWarn, s.to_tell_heading);
    if (s.to_tell.empty()) text_disabled(st("Nobody had booked: there is no one to tell."));
    for (const auto& b : s.to_tell)
        bullet(day_text(s.tz, b.date) + "  " + time_text(s.tz, b.start) + "  " + b.caseworker + "  " +
               st_fill("code {code}", {{"code", b.code}}) + (b.nickname ? "  (" + *b.nickname + ")" : ""));
    if (!s.to_tell.empty()) {
        if (button(st("Print the list") + std::string("###print_to_tell"), true))
            act(s, [&s, now] { set_status(s, save_and_open(s, to_tell_file_name(s, now), to_tell_html(s, now))); });
        ImGui::SameLine();
    }
    if (button(st("Done, they have been told") + std::string("###told"), true)) {
        s.to_tell.clear();
        s.to_tell_heading.clear();
    }
}

static void draw_conflict(State& s, Instant now) {
    if (s.conflict.empty() || !s.form.editing) return;
    text_coloured(kWarn, st("These bookings would lose their time with the change:"));
    for (const auto& b : s.conflict)
        bullet(day_text(s.tz, b.date) + "  " + time_text(s.tz, b.start) + "  " +
               st_fill("code {code}", {{"code", b.code}}));
    if (button(st("Change anyway, cancel them and tell the visitors") + std::string("###cancel_and_tell")))
        ask(s, st("Change the session and cancel these bookings? The visitors must be told. This cannot be undone."),
            st("Change and cancel"), [&s, now] { save_edit(s, now, OnConflict::CancelAndTell); });
}

static void draw_session_editor(State& s, Instant now) {
    section(s.form.editing ? st("Change the session") : st("Add a session"));
    draw_session_form(s, s.form, false);
    if (s.form.editing) {
        if (button(st("Save changes") + std::string("###save_session")))
            act(s, [&s, now] { save_edit(s, now, OnConflict::Refuse); });
        ImGui::SameLine();
        if (button(st("Stop editing") + std::string("###stop_edit"))) {
            s.form = SessionForm{};
            s.conflict.clear();
        }
        draw_conflict(s, now);
    } else if (button(st("Add session") + std::string("###add_session"))) {
        act(s, [&s, now] {
            std::vector<std::string> warnings;
            add_session(*s.db, session_from(s, s.form, now), now, &warnings, s.actor);
            s.form = SessionForm{};
            std::string msg = st("The session is added; the kiosk shows it within seconds.");
            for (const auto& w : warnings) msg += " " + warning_text(w);
            set_status(s, msg);
        });
    }
}

// [SECTION] Closures, services, the site

static void draw_closures(State& s, Instant now) {
    section(st("The centre is closed (holidays)"));
    for (const auto& c : s.closures) {
        ImGui::PushID(static_cast<int>(c.id));
        text(day_text(s.tz, c.first_date) + " – " + day_text(s.tz, c.last_date) +
             (c.reason.empty() ? "" : "  (" + c.reason + ")"));
        ImGui::SameLine();
        if (button(st("Open again") + std::string("###reopen_") + std::to_string(c.id), true))
            act(s, [&s, id = c.id, now] {
                show_to_tell(s, st("The centre is open again on those days. Tell these visitors their time holds:"),
                             reopen_centre(*s.db, id, now, s.actor));
                set_status(s, st("The closure is removed."));
            });
        ImGui::PopID();
    }
    ImGui::SetNextItemWidth(120);
    input(st("From") + std::string("###closure_from"), s.closure_from, sizeof s.closure_from, st("d.m.yyyy"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    input(st("To") + std::string("###closure_to"), s.closure_to, sizeof s.closure_to, st("d.m.yyyy"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220);
    input(st("Reason") + std::string("###closure_reason"), s.closure_reason, sizeof s.closure_reason);
    ImGui::SameLine();
    if (button(st("Close the centre") + std::string("###add_closure"))) {
        const auto first = read_date(s.closure_from);
        const auto last = s.closure_to[0] ? read_date(s.closure_to) : first;
        if (!first || !last) {
            set_status(s, st("Dates look like 1.12.2026."), true);
        } else {
            ask(s, st_fill("Close the centre from {from} to {to}? Every booking on those days is cancelled by the centre; you get the list to tell.",
                           {{"from", day_text(s.tz, *first)}, {"to", day_text(s.tz, *last)}}),
                st("Close the centre"), [&s, first = *first, last = *last, now] {
                    const ClosureResult r = close_centre(*s.db, s.site_id, first, last, s.closure_reason, now, s.actor);
                    show_to_tell(s, st("The centre is closed. Tell these visitors their time is cancelled:"), r.to_tell);
                    s.closure_from[0] = s.closure_to[0] = s.closure_reason[0] = 0;
                    set_status(s, st("The closure is saved. It can be removed again."));
                });
        }
    }
}

static void draw_services(State& s) {
    section(st("Services"));
    for (size_t i = 0; i < s.services.size() && i < s.service_rows.size(); ++i) {
        const Service& v = s.services[i];
        ServiceRow& row = s.service_rows[i];
        ImGui::PushID(static_cast<int>(v.id));
        const std::string key = v.key;
        ImGui::SetNextItemWidth(220);
        input("###svc_name_" + key, row.name, sizeof row.name);
        ImGui::SameLine();
        ImGui::SetNextItemWidth(420);
        input("###svc_desc_" + key, row.description, sizeof row.description, st("What they help with, in one line"));
        ImGui::SameLine();
        if (button(st("Save") + std::string("###svc_save_") + key, true))
            act(s, [&s, v, name = std::string(row.name), desc = std::string(row.description)] {
                Service changed = v;
                changed.name = name;
                changed.description = desc;
                if (changed.name.empty()) throw StaffError(st("A service needs a name."));
                update_service(*s.db, changed);
                set_status(s, st_fill("{name} is saved.", {{"name", name}}));
            });
        ImGui::SameLine();
        if (button((v.active ? st("Retire") : st("Offer again")) + std::string("###svc_active_") + key, true))
            act(s, [&s, v] {
                Service changed = v;
                changed.active = !v.active;
                update_service(*s.db, changed);
                set_status(s, changed.active ? st_fill("{name} is offered on the kiosk again.", {{"name", v.name}})
                                             : st_fill("{name} is no longer offered on the kiosk. Its history stays.", {{"name", v.name}}));
            });
        if (!v.active) {
            ImGui::SameLine();
            text_disabled(st("retired"));
        }
        ImGui::PopID();
    }
}

static void draw_site(State& s) {
    section(st("The centre"));
    ImGui::SetNextItemWidth(320);
    input(st("Name") + std::string("###site_name"), s.site_name, sizeof s.site_name);
    ImGui::SetNextItemWidth(420);
    input(st("Address") + std::string("###site_address"), s.site_address, sizeof s.site_address);
    if (button(st("Save the centre") + std::string("###save_site")))
        act(s, [&s] {
            Site v = s.site;
            v.name = s.site_name;
            v.address = s.site_address;
            if (v.name.empty()) throw StaffError(st("The centre needs a name."));
            update_site(*s.db, v);
            set_status(s, st("The centre is saved."));
        });
    section(st("Opening hours"));
    draw_hours(s.hours, "hours_");
    if (button(st("Save opening hours") + std::string("###save_hours")))
        act(s, [&s] {
            set_opening_hours(*s.db, s.site_id, hours_from(s.hours));
            set_status(s, st("The opening hours are saved."));
        });
}

void draw_timetable(State& s, Instant now) {
    draw_sessions(s, now);
    draw_to_tell(s, now);
    draw_dates(s, now);
    draw_session_editor(s, now);
    draw_closures(s, now);
    draw_services(s);
    draw_site(s);
}

void show_to_tell(State& s, std::string heading, std::vector<Booking> bookings) {
    s.to_tell_heading = std::move(heading);
    s.to_tell = std::move(bookings);
}

}  // namespace indgang::admin::gui
