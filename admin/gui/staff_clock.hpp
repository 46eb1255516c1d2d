// Dates and times as staff read and type them: the kiosk's ICU formatting in the staff language
// ("tirsdag 1. december", "10.00"), and input that takes what a Dane types ("10.00", "10:00",
// "1.12.2026", "2026-12-01").
#pragma once

#include "core/domain/civil_time.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace indgang::admin::gui {

std::string day_text(const TimeZone& tz, Date d);          // "tirsdag 1. december"
std::string time_text(const TimeZone& tz, Instant t);      // "10.00"
std::string minute_text(int minute_of_day);                // "10.00" (the staff language's style)
std::string weekday_text(int iso_weekday);                 // "mandag"
std::string date_field(Date d);                            // what a date field holds: "1.12.2026"

std::optional<int> read_time(std::string_view s);          // "10.00", "10:00", "10" → minutes
std::optional<Date> read_date(std::string_view s);         // "1.12.2026", "01-12-2026", "2026-12-01"

}  // namespace indgang::admin::gui
