#include "app/live_data.hpp"

#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>
#include <sstream>

namespace indgang::kiosk {

Id kiosk_site_id(db::Db& db) {
    const Id configured = setting_int(db, settings_key::kSiteId);
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
    using namespace settings_key;
    d.idle_seconds = static_cast<int>(setting_int(db, kIdleSeconds));
    d.countdown_seconds = static_cast<int>(setting_int(db, kIdleCountdownSeconds));
    d.paused = setting_bool(db, kPaused);
    d.volume = static_cast<int>(setting_int(db, kVolume));
    d.audio_mode = setting_bool(db, "kiosk.audio_mode");
    d.default_language = setting_text(db, kDefaultLanguage);
    d.feedback_free_text = setting_bool(db, "feedback.free_text");   // read by core/feedback too
    std::stringstream langs(setting_text(db, kLanguages));
    for (std::string code; std::getline(langs, code, ',');)
        if (!code.empty()) d.languages.push_back(code);
    return d;
}

}  // namespace indgang::kiosk
