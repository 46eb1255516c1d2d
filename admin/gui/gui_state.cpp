#include "gui_state.hpp"
#include "staff_clock.hpp"
#include "staff_errors.hpp"
#include "views.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"

#include <cstdio>

namespace indgang::admin::gui {

template <size_t N>
static void copy(char (&dst)[N], const std::string& src) {
    std::snprintf(dst, N, "%s", src.c_str());
}

void reload(State& s, Instant now) {
    run_housekeeping(*s.db, now);
    s.data_version = s.db->data_version();
    const auto sites = list_sites(*s.db);
    s.needs_setup = sites.empty();
    if (s.needs_setup) {
        s.services = list_services(*s.db, false);   // the set-up form offers them
        return;
    }
    if (s.site_id == 0) {
        s.site_id = s.wanted_site ? get_site(*s.db, s.wanted_site).id : sites.front().id;
        s.tz = site_timezone(*s.db, s.site_id);
        s.day = s.tz.today(now);
        s.site = get_site(*s.db, s.site_id);
        load_forms(s);
    }
    s.site = get_site(*s.db, s.site_id);
    s.services = list_services(*s.db, true);
    if (s.service_rows.size() != s.services.size()) load_forms(s);
    s.sessions = list_sessions(*s.db, s.site_id);
    s.closures = list_closures(*s.db, s.site_id);
    s.bookings = bookings_on(*s.db, s.site_id, s.day);
    s.undoable.clear();
    for (const auto& b : s.bookings) s.undoable[b.id] = static_cast<int>(status_history(*s.db, b.id).size());
    s.walkins = walkins_on(*s.db, s.site_id, s.day);
    s.free_slots.clear();
    for (auto& slot : slots_for(*s.db, s.site_id, s.day, s.day))
        if (!slot.taken && slot.start > now) s.free_slots.push_back(std::move(slot));
    s.outbox = upload::outbox_status(*s.db, now);
    s.upload_problem = upload::config_problem(setting_text(*s.db, settings_key::kUploadConfig));
}

void load_forms(State& s) {
    copy(s.site_name, s.site.name);
    copy(s.site_address, s.site.address);
    for (auto& row : s.hours) row = {};
    for (const auto& h : s.site.hours) {
        auto& row = s.hours[h.weekday - 1];
        row.open = true;
        copy(row.from, minute_text(h.open_minute));
        copy(row.to, minute_text(h.close_minute));
    }
    s.services = list_services(*s.db, true);
    s.service_rows.clear();
    for (const auto& v : s.services) {
        ServiceRow r;
        r.id = v.id;
        copy(r.name, v.name);
        copy(r.description, v.description);
        s.service_rows.push_back(r);
    }
    s.settings.clear();
    for (const auto& spec : setting_specs()) {
        SettingRow r;
        r.key = spec.key;
        const SettingValue v = setting_value(*s.db, spec.key);
        copy(r.value, v.value);
        if (spec.type == SettingType::Integer) r.number = static_cast<int>(setting_int(*s.db, spec.key));
        if (spec.type == SettingType::Boolean) r.on = setting_bool(*s.db, spec.key);
        s.settings.push_back(r);
    }
}

void run_pending(State& s, Instant now) {
    if (!s.pending) return;
    auto action = std::move(s.pending);
    s.pending = nullptr;
    try {
        set_status(s, "");
        action();
    } catch (const TimetableConflict& e) {
        s.conflict = e.bookings;
        set_status(s, error_text(e, s.tz), true);
    } catch (const std::exception& e) {
        set_status(s, error_text(e, s.tz), true);
    }
    try {
        reload(s, now);
        if (!s.needs_setup) load_forms(s);   // forms show what was stored, not what was typed
    } catch (const std::exception& e) {
        set_status(s, error_text(e, s.tz), true);
    }
}

void set_status(State& s, std::string text, bool error) {
    s.status = std::move(text);
    s.status_is_error = error;
}

std::string service_name(const State& s, Id id) {
    for (const auto& v : s.services)
        if (v.id == id) return v.name;
    return "?";
}

}  // namespace indgang::admin::gui
