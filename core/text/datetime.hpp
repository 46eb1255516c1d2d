// Dates, times and numbers in the visitor's language, through ICU.
// Always the Gregorian calendar, Western digits and a 24-hour clock, whatever the language's
// default: the visitor compares what the kiosk says with a letter, a paper timetable and the
// clock on the wall, which all use them (see docs/i18n.md).
#pragma once

#include <cstdint>
#include <string>

namespace indgang::text {

// Weekday, day and month: "tirsdag 25. november", "Tuesday, November 25", "الثلاثاء، 25 نوفمبر".
// Somali: "Talaado, 25 Nofeembar" — the month names Somali papers and phones use, not ICU's
// numbered "Bisha Kow iyo Tobnaad" (month eleven).
// utc is seconds since 1970; tz an IANA zone, e.g. "Europe/Copenhagen" (an unknown zone falls
// back to Europe/Copenhagen rather than stopping the kiosk).
std::string format_day(int64_t utc, const std::string& lang, const std::string& tz);

// 24-hour time in the language's own style: "10.20" (Danish, Kalaallisut), "10:20" (others).
std::string format_time(int64_t utc, const std::string& lang, const std::string& tz);

// Weekday name alone, for a timetable header: "tirsdag", "Tuesday".
std::string format_weekday(int64_t utc, const std::string& lang, const std::string& tz);

// The language's own comma with its space, for joining parts of a line ("day, time"):
// "، " in Arabic, Farsi and Urdu, "፣ " in Tigrinya, ", " elsewhere.
std::string list_comma(const std::string& lang);

// A whole number with the language's grouping: "1.234" (da), "1,234" (en), Western digits.
std::string format_number(int64_t n, const std::string& lang);

}  // namespace indgang::text
