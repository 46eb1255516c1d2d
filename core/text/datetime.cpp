#include "core/text/datetime.hpp"

#include <algorithm>

#include <unicode/dtptngen.h>
#include <unicode/locid.h>
#include <unicode/numfmt.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <map>
#include <memory>
#include <tuple>

namespace indgang::text {

namespace {

// "fa" would otherwise give the Solar Hijri calendar and Persian digits, "ar" Arabic-Indic ones.
icu::Locale kiosk_locale(const std::string& lang) {
    return icu::Locale((lang + "@calendar=gregorian;numbers=latn").c_str());
}

// Building a formatter costs far more than using one, and screens redraw often.
icu::SimpleDateFormat* formatter(const std::string& lang, const std::string& tz,
                                 const char* skeleton) {
    using Key = std::tuple<std::string, std::string, std::string>;
    thread_local std::map<Key, std::unique_ptr<icu::SimpleDateFormat>> cache;
    Key key{lang, tz, skeleton};
    auto it = cache.find(key);
    if (it != cache.end()) return it->second.get();

    UErrorCode status = U_ZERO_ERROR;
    icu::Locale loc = kiosk_locale(lang);
    std::unique_ptr<icu::DateTimePatternGenerator> gen(
        icu::DateTimePatternGenerator::createInstance(loc, status));
    icu::UnicodeString pattern =
        U_SUCCESS(status) ? gen->getBestPattern(icu::UnicodeString(skeleton), status)
                          : icu::UnicodeString(skeleton);
    auto fmt = std::make_unique<icu::SimpleDateFormat>(pattern, loc, status);
    if (U_FAILURE(status)) return nullptr;
    std::unique_ptr<icu::TimeZone> zone(icu::TimeZone::createTimeZone(tz.c_str()));
    if (*zone == icu::TimeZone::getUnknown())
        zone.reset(icu::TimeZone::createTimeZone("Europe/Copenhagen"));
    fmt->adoptTimeZone(zone.release());
    return cache.emplace(key, std::move(fmt)).first->second.get();
}

std::string format(int64_t utc, const std::string& lang, const std::string& tz,
                   const char* skeleton) {
    icu::SimpleDateFormat* fmt = formatter(lang, tz, skeleton);
    if (!fmt) return {};
    icu::UnicodeString out;
    fmt->format(static_cast<UDate>(utc) * 1000.0, out);
    std::string s;
    out.toUTF8String(s);
    return s;
}

}  // namespace

std::string format_day(int64_t utc, const std::string& lang, const std::string& tz) {
    if (lang == "so") {
        // ICU 72's Somali months are ordinals ("Bisha Kow iyo Tobnaad"); Somali readers know
        // the borrowed names (BBC Somali, phones): weekday, day, month.
        static const char* const months[] = {"Janaayo", "Febraayo", "Maarso",    "Abriil",    "Maajo",     "Juun",
                                             "Luuliyo", "Agoosto",  "Sebtembar", "Oktoobar", "Nofeembar", "Diseembar"};
        const int month = std::stoi(format(utc, "en", tz, "M"));
        return format(utc, lang, tz, "EEEE") + ", " + format(utc, "en", tz, "d") + " " +
               months[std::clamp(month, 1, 12) - 1];
    }
    return format(utc, lang, tz, "EEEEdMMMM");
}

std::string list_comma(const std::string& lang) {
    if (lang == "ar" || lang == "fa" || lang == "ur") return "، ";
    if (lang == "ti" || lang == "am") return "፣ ";
    return ", ";
}

std::string format_time(int64_t utc, const std::string& lang, const std::string& tz) {
    return format(utc, lang, tz, "HHmm");  // HH: 24-hour even where the language prefers 12
}

std::string format_weekday(int64_t utc, const std::string& lang, const std::string& tz) {
    return format(utc, lang, tz, "EEEE");
}

std::string format_number(int64_t n, const std::string& lang) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::NumberFormat> fmt(
        icu::NumberFormat::createInstance(kiosk_locale(lang), status));
    if (U_FAILURE(status)) return std::to_string(n);
    icu::UnicodeString out;
    fmt->format(static_cast<int64_t>(n), out);
    std::string s;
    out.toUTF8String(s);
    return s;
}

}  // namespace indgang::text
