// The two screens every visit passes: Welcome (the language) and Home (who is here today, and
// the four ways on). They keep no state of their own beyond Visitor::language.
#include "app/kiosk_app.hpp"
#include "app/service_text.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent KioskApp::draw_welcome_screen(Ui& ui) {
    WelcomeModel m;
    m.site_name = data_ ? data_->site.name : "";
    m.current = visitor_.language;
    for (const auto& code : offered_languages())
        if (const auto* l = text_->find_language(code)) m.languages.push_back({l->code, l->native_name});
    return draw_welcome(ui, m);
}

Intent KioskApp::draw_home_screen(Ui& ui, Instant now) {
    HomeModel m;
    m.walkin_open = false;
    if (!data_) return draw_home(ui, m);
    const LiveData& d = *data_;
    m.site_name = d.site.name;
    // TRANSLATORS: Home's "Here today": the date and the clock. Arabic script uses "،".
    m.date_line = text_->fmt("{day}, {time}", {{"day", text_->day(d.today)}, {"time", text_->time(now, d.tz.name())}});
    const int minute = d.tz.to_local(now).minute;
    for (const auto& s : d.today_sessions) {
        const Service* sv = service(s.service_id);
        TodayRow r;
        r.service = sv ? service_name(*text_, *sv) : "";
        r.icon = sv ? service_icon(sv->key) : Icon::Person;
        r.caseworker = s.caseworker;
        r.hours = text_->time(d.tz.to_utc(d.today, s.start_minute).value_or(now), d.tz.name()) + "–" +
                  text_->time(d.tz.to_utc(d.today, std::min(s.end_minute, 1439)).value_or(now), d.tz.name());
        r.here_now = minute >= s.start_minute && minute < s.end_minute;
        m.today.push_back(std::move(r));
        if (minute < s.end_minute) m.walkin_open = true;
    }
    if (!m.walkin_open)
        m.walkin_note = d.today_sessions.empty() ? text_->tr("nobody today") : text_->tr("nobody any more today");
    return draw_home(ui, m);
}

}  // namespace indgang::kiosk
