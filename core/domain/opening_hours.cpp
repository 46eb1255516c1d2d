#include "core/domain/opening_hours.hpp"

#include <algorithm>

namespace indgang {

OpeningState opening_state(const std::vector<OpeningHours>& hours, const TimeZone& tz, Instant now) {
    OpeningState st;
    if (hours.empty()) return st;
    const LocalTime local = tz.to_local(now);
    // Each day's opening periods as UTC instants, from yesterday (a period past midnight is not
    // allowed, but yesterday keeps the search simple) to two weeks ahead.
    struct Period { Instant open, close; };
    std::vector<Period> periods;
    for (int d = -1; d <= 14; ++d) {
        const Date day = add_days(local.date, d);
        const int wd = iso_weekday(day);
        for (const auto& h : hours) {
            if (h.weekday != wd) continue;
            // A DST gap swallowing the wall time: the next existing minute is the real moment.
            auto at = [&](int minute) {
                for (int m = minute; m < minute + 120 && m <= 24 * 60; ++m)
                    if (auto t = tz.to_utc(day, m)) return *t;
                return Instant{0};
            };
            const Instant o = at(h.open_minute), c = at(h.close_minute);
            if (o && c && o < c) periods.push_back({o, c});
        }
    }
    std::sort(periods.begin(), periods.end(), [](const Period& a, const Period& b) { return a.open < b.open; });
    st.open = false;
    for (const auto& p : periods) {
        if (now >= p.open && now < p.close) {
            st.open = true;
            // Back-to-back periods (09–12, 12–16) are one open stretch.
            Instant close = p.close;
            for (const auto& q : periods)
                if (q.open <= close && q.close > close) close = q.close;
            st.next_change = close;
            return st;
        }
    }
    for (const auto& p : periods)
        if (p.open > now) {
            st.next_change = p.open;
            break;
        }
    return st;
}

}  // namespace indgang
