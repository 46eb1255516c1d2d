#include "app/live_data.hpp"

#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>
#include <sstream>

namespace indgang::kiosk {

Id kiosk_site_id(db::Db& db) {
    const int configured = get_setting_int(db, "kiosk.site_id", 0);
    auto sites = list_sites(db);
    for (const auto& s : sites)
        if (s.id == configured) return s.id;
    return sites.empty() ? 0 : sites.front().id;
}

LiveData load_live_data(db::Db& db, Instant now) {
    LiveData d;
    const Id site_id = kiosk_site_id(db);
    if (site_id == 0) throw DomainError(ErrorCode::NotFound, "no site in the database");
    d.site = get_site(db, site_id);
    d.tz = TimeZone(d.site.timezone);
    d.today = d.tz.today(now);
    d.rules = booking_rules(db);
    d.services = list_services(db);
    std::stable_sort(d.services.begin(), d.services.end(),
                     [](const Service& a, const Service& b) { return a.sort < b.sort; });
    d.today_sessions = sessions_on(db, site_id, d.today);
    for (auto& s : slots_for(db, site_id, d.today, add_days(d.today, d.rules.window_days)))
        if (!s.taken && s.start > now) d.free_slots.push_back(std::move(s));
    d.idle_seconds = std::max(15, get_setting_int(db, "kiosk.idle_seconds", 90));
    d.countdown_seconds = std::max(20, get_setting_int(db, "kiosk.idle_countdown_seconds", 20));
    d.paused = get_setting(db, "kiosk.paused", "0") == "1";
    d.volume = std::clamp(get_setting_int(db, settings_key::kVolume, 80), 0, 100);
    d.default_language = get_setting(db, "kiosk.default_language", "da");
    std::stringstream langs(get_setting(db, "kiosk.languages", ""));
    for (std::string code; std::getline(langs, code, ',');)
        if (!code.empty()) d.languages.push_back(code);
    return d;
}

}  // namespace indgang::kiosk
