#include "core/domain/civil_time.hpp"

#include <unicode/basictz.h>
#include <unicode/timezone.h>
#include <unicode/ucal.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace indgang {

using namespace std::chrono;

std::string format_date(Date d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buf;
}

static std::optional<int> parse_int(std::string_view s) {
    int v = 0;
    if (s.empty()) return std::nullopt;
    for (char c : s)
        if (c < '0' || c > '9') return std::nullopt;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

std::optional<Date> parse_date(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)), d = parse_int(s.substr(8, 2));
    if (!y || !m || !d) return std::nullopt;
    Date date{year{*y}, month{static_cast<unsigned>(*m)}, day{static_cast<unsigned>(*d)}};
    if (!date.ok()) return std::nullopt;
    return date;
}

std::string format_minute(int m) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "%02d:%02d", m / 60, m % 60);
    return buf;
}

std::optional<int> parse_minute(std::string_view s) {
    const auto colon = s.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 2 || s.size() - colon != 3)
        return std::nullopt;
    auto h = parse_int(s.substr(0, colon)), m = parse_int(s.substr(colon + 1));
    if (!h || !m || *m > 59 || *h > 24 || (*h == 24 && *m != 0)) return std::nullopt;
    return *h * 60 + *m;
}

int iso_weekday(Date d) { return static_cast<int>(weekday{sys_days{d}}.iso_encoding()); }

Date add_days(Date d, int n) { return Date{sys_days{d} + days{n}}; }

struct TimeZone::Impl {
    std::unique_ptr<icu::BasicTimeZone> zone;
};

TimeZone::TimeZone(const std::string& iana) : name_(iana) {
    std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana)));
    icu::UnicodeString id;
    tz->getID(id);
    // ICU hands back "Etc/Unknown" (GMT) for names it does not know; never silently use UTC.
    if (id == icu::UnicodeString("Etc/Unknown"))
        throw std::invalid_argument("unknown time zone '" + iana + "'");
    auto* basic = dynamic_cast<icu::BasicTimeZone*>(tz.get());
    if (!basic) throw std::invalid_argument("time zone '" + iana + "' has no transition data");
    tz.release();
    auto impl = std::make_shared<Impl>();
    impl->zone.reset(basic);
    impl_ = std::move(impl);
}

std::optional<Instant> TimeZone::to_utc(Date d, int minute_of_day) const {
    const int64_t local_s =
        static_cast<int64_t>(sys_days{d}.time_since_epoch().count()) * 86400 + minute_of_day * 60;
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    // Former for both: a repeated (autumn) wall time resolves to its first occurrence.
    impl_->zone->getOffsetFromLocal(static_cast<UDate>(local_s) * 1000.0, UCAL_TZ_LOCAL_FORMER,
                                    UCAL_TZ_LOCAL_FORMER, raw, dst, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU time zone offset failed");
    const Instant utc = local_s - (raw + dst) / 1000;
    // A wall time in the spring gap does not round-trip: it does not exist.
    const LocalTime back = to_local(utc);
    if (back.date != d || back.minute != minute_of_day) return std::nullopt;
    return utc;
}

LocalTime TimeZone::to_local(Instant t) const {
    UErrorCode status = U_ZERO_ERROR;
    int32_t raw = 0, dst = 0;
    impl_->zone->getOffset(static_cast<UDate>(t) * 1000.0, false, raw, dst, status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU time zone offset failed");
    const int64_t local = t + (raw + dst) / 1000;
    int64_t day_index = local / 86400, secs = local % 86400;
    if (secs < 0) { secs += 86400; --day_index; }
    LocalTime lt;
    lt.date = Date{sys_days{days{day_index}}};
    lt.minute = static_cast<int>(secs / 60);
    lt.second = static_cast<int>(secs % 60);
    return lt;
}

Instant now_utc() {
    if (const char* fixed = std::getenv("INDGANG_NOW"); fixed && *fixed) {
        std::string_view s(fixed);
        int64_t n = 0;
        auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
        if (ec == std::errc() && p == s.data() + s.size()) return n;
        if (s.size() == 16 && s[10] == 'T') {
            auto d = parse_date(s.substr(0, 10));
            auto m = parse_minute(s.substr(11));
            if (d && m) {
                static const TimeZone cph("Europe/Copenhagen");
                if (auto t = cph.to_utc(*d, *m)) return *t;
            }
        }
        throw std::invalid_argument("INDGANG_NOW must be UTC seconds or YYYY-MM-DDTHH:MM");
    }
    return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace indgang
