// The kiosk outside opening hours: the site's stored hours decide; a resting Welcome screen
// becomes "Closed, open again …", dark after a while, bright for a moment on a touch. A visitor
// in the middle of something at closing time finishes first (the idle reset brings them here).
#include "app/kiosk_app.hpp"

#include "core/domain/civil_time.hpp"

#include <algorithm>

namespace indgang::kiosk {

namespace {
constexpr uint64_t kBrightMs = 30000;   // after closing or a touch: long enough to read it twice
}  // namespace

bool KioskApp::closed_dimmed(uint64_t ms) const {
    return ms - std::min(ms, std::max(closed_since_ms_, last_input_ms_)) >= kBrightMs;
}

bool KioskApp::closed_tick(uint64_t ms, Instant now) {
    if (!opts_.opening_hours || !data_) return false;
    // Recomputed when the hours may have changed (a reload) or the state is due to change.
    if (opening_generation_ != generation_ || (opening_.next_change && now >= *opening_.next_change)) {
        opening_ = opening_state(data_->site.hours, data_->tz, now);
        opening_generation_ = generation_;
    }
    const ScreenId s = visitor_.screen;
    if (!opening_.open && s == ScreenId::Welcome && visitor_.back.empty() && !prompt_) {
        reset_visitor();   // the default language, nothing kept
        visitor_.screen = ScreenId::Closed;
        closed_since_ms_ = ms;
        return true;
    }
    if (opening_.open && s == ScreenId::Closed) {
        reset_visitor();
        return true;
    }
    return s == ScreenId::Closed && closed_dimmed(ms) != closed_dim_drawn_;
}

Intent KioskApp::draw_closed_screen(Ui& ui, Instant now) {
    ClosedModel m;
    m.site_name = data_ ? data_->site.name : "";
    m.dimmed = closed_dimmed(frame_ms_);
    closed_dim_drawn_ = m.dimmed;
    if (data_ && !opening_.open && opening_.next_change) {
        const Instant at = *opening_.next_change;
        const std::string& tz = data_->tz.name();
        const Date day = data_->tz.to_local(at).date, today = data_->tz.today(now);
        const std::string time = text_->time(at, tz);
        if (day == today)
            m.reopens = text_->fmt("Open again today at {time}", {{"time", time}});
        else if (day == add_days(today, 1))
            m.reopens = text_->fmt("Open again tomorrow at {time}", {{"time", time}});
        else
            // TRANSLATORS: {day} is a weekday and date, "Monday 30 November".
            m.reopens = text_->fmt("Open again {day} at {time}", {{"day", text_->day(day)}, {"time", time}});
    }
    return draw_closed(ui, m);
}

}  // namespace indgang::kiosk
