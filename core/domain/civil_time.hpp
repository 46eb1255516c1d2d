// Local dates and wall-clock times in a site's time zone, through ICU. Handles daylight-saving
// changes: a wall time that does not exist (the spring gap) is reported as such, a repeated one
// (the autumn overlap) resolves to its first occurrence.
#pragma once

#include "core/domain/model.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace indgang {

std::string format_date(Date d);                         // 2026-11-24
std::optional<Date> parse_date(std::string_view s);      // strict YYYY-MM-DD, valid date
std::string format_minute(int minute_of_day);            // 09:05
std::optional<int> parse_minute(std::string_view s);     // HH:MM, 00:00–24:00
int iso_weekday(Date d);                                 // 1 = Monday … 7 = Sunday
Date add_days(Date d, int days);

struct LocalTime {
    Date date{};
    int minute = 0;                                      // minutes after local midnight
    int second = 0;                                      // seconds within that minute
};

// A time zone by IANA name; cheap to copy (shares the ICU object).
class TimeZone {
public:
    explicit TimeZone(const std::string& iana = "Europe/Copenhagen");
    // UTC instant of a local wall time; empty when that wall time does not exist (DST gap).
    std::optional<Instant> to_utc(Date d, int minute_of_day) const;
    LocalTime to_local(Instant t) const;
    Date today(Instant now) const { return to_local(now).date; }
    const std::string& name() const { return name_; }

private:
    struct Impl;
    std::shared_ptr<const Impl> impl_;
    std::string name_;
};

}  // namespace indgang

namespace indgang {
// The current time: the system clock, or INDGANG_NOW (UTC seconds or "YYYY-MM-DDTHH:MM" local
// Copenhagen time) so tests, scripted kiosk runs and screenshots are reproducible.
Instant now_utc();
}  // namespace indgang
