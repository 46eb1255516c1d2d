#include "gui_state.hpp"
#include "views.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"

#include <cstdio>

namespace indgang::admin::gui {

void reload(State& s, Instant now) {
    run_housekeeping(*s.db, now);
    s.site = get_site(*s.db, s.site_id);
    s.services = list_services(*s.db, true);
    s.sessions = list_sessions(*s.db, s.site_id);
    s.bookings = bookings_on(*s.db, s.site_id, s.day);
    s.walkins = walkins_on(*s.db, s.site_id, s.day);
    s.free_slots.clear();
    for (auto& slot : slots_for(*s.db, s.site_id, s.day, s.day))
        if (!slot.taken && slot.start > now) s.free_slots.push_back(std::move(slot));
    for (auto& row : s.hours) row = {};
    for (const auto& h : s.site.hours) {
        auto& row = s.hours[h.weekday - 1];
        row.open = true;
        std::snprintf(row.from, sizeof row.from, "%s", format_minute(h.open_minute).c_str());
        std::snprintf(row.to, sizeof row.to, "%s", format_minute(h.close_minute).c_str());
    }
    s.idle_seconds = get_setting_int(*s.db, settings_key::kIdleSeconds, 90);
    s.volume = get_setting_int(*s.db, settings_key::kVolume, 80);
    s.nickname_days = get_setting_int(*s.db, settings_key::kNicknameDays, 1);
    s.min_cell = get_setting_int(*s.db, settings_key::kMinCell, 5);
    s.default_language = get_setting(*s.db, settings_key::kDefaultLanguage, "da");
    s.languages_on.clear();
    const std::string langs = get_setting(*s.db, settings_key::kLanguages, "");
    for (size_t i = 0; i < langs.size();) {
        size_t comma = langs.find(',', i);
        if (comma == std::string::npos) comma = langs.size();
        if (comma > i) s.languages_on.push_back(langs.substr(i, comma - i));
        i = comma + 1;
    }
    std::snprintf(s.upload_config, sizeof s.upload_config, "%s",
                  get_setting(*s.db, settings_key::kUploadConfig, "").c_str());
    s.outbox = upload::outbox_status(*s.db, now);
    s.upload_problem = upload::config_problem(s.upload_config);
    s.data_version = s.db->data_version();
}

void run_pending(State& s, Instant now) {
    if (!s.pending) return;
    auto action = std::move(s.pending);
    s.pending = nullptr;
    try {
        set_status(s, "");
        action();
    } catch (const std::exception& e) {
        set_status(s, e.what(), true);
    }
    reload(s, now);
}

void set_status(State& s, std::string text, bool error) {
    s.status = std::move(text);
    s.status_is_error = error;
}

}  // namespace indgang::admin::gui
