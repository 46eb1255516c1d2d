#include "staff_clock.hpp"

#include "core/text/datetime.hpp"
#include "core/text/staff_text.hpp"

#include <cstdio>

namespace indgang::admin::gui {

// Wall times are formatted from a fixed winter day in UTC so no daylight-saving gap can move them.
static constexpr Instant kWinterMidnightUtc = 1767225600;   // 2026-01-01 00:00 UTC, a Thursday

std::string day_text(const TimeZone& tz, Date d) {
    const auto noon = tz.to_utc(d, 12 * 60);
    return text::format_day(noon.value_or(0), text::staff_language(), tz.name());
}

std::string time_text(const TimeZone& tz, Instant t) {
    return text::format_time(t, text::staff_language(), tz.name());
}

std::string minute_text(int minute) {
    return text::format_time(kWinterMidnightUtc + minute * 60, text::staff_language(), "UTC");
}

std::string weekday_text(int iso_weekday) {
    // 2026-01-05 is a Monday.
    const Instant monday_noon = kWinterMidnightUtc + (4 * 24 + 12) * 3600;
    return text::format_weekday(monday_noon + (iso_weekday - 1) * 24 * 3600, text::staff_language(), "UTC");
}

std::string date_field(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%u.%u.%d", static_cast<unsigned>(d.day()),
                  static_cast<unsigned>(d.month()), static_cast<int>(d.year()));
    return buf;
}

std::optional<int> read_time(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    std::string t(s);
    for (char& c : t)
        if (c == '.') c = ':';
    if (t.find(':') == std::string::npos && !t.empty() && t.size() <= 2) t += ":00";
    if (t.size() == 4 && t[1] == ':') t = "0" + t;   // "9:30"
    return parse_minute(t);
}

std::optional<Date> read_date(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (auto iso = parse_date(s)) return iso;
    unsigned d = 0, m = 0;
    int y = 0;
    char sep1 = 0, sep2 = 0;
    int used = 0;
    const std::string t(s);
    if (std::sscanf(t.c_str(), "%u%c%u%c%d%n", &d, &sep1, &m, &sep2, &y, &used) != 5 ||
        used != static_cast<int>(t.size()) || sep1 != sep2 || (sep1 != '.' && sep1 != '-' && sep1 != '/'))
        return std::nullopt;
    if (y < 100) y += 2000;
    const Date date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
    if (!date.ok()) return std::nullopt;
    return date;
}

}  // namespace indgang::admin::gui
