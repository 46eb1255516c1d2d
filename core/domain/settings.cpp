#include "core/domain/settings.hpp"

#include "core/domain/input_text.hpp"
#include "core/domain/model.hpp"

#include <algorithm>
#include <charconv>

namespace indgang {

// [SECTION] The table ----------------------------------------------------------------------------
// One row per setting. docs/settings.md is generated from this table (`indgang-admin setting list
// --markdown`) and a test fails when the two differ.

// ST_ marks a help line for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace {
using T = SettingType;
constexpr SettingSpec kSpecs[] = {
    // The kiosk
    {"kiosk.site_id", T::Integer, "0", 0, 1'000'000, ST_("Which site this kiosk serves (0 = the only one)")},
    {"kiosk.idle_seconds", T::Integer, "90", 15, 600,
     ST_("Quiet time before the kiosk asks whether the visitor is still there"), ST_("seconds")},
    {"kiosk.idle_countdown_seconds", T::Integer, "20", 20, 120,
     ST_("How long the 'are you still there?' countdown runs before the kiosk starts over"), ST_("seconds")},
    {"kiosk.languages", T::LanguageList, "",
     0, 0, ST_("Languages offered on Welcome, comma separated (empty = every shipped language)")},
    {"kiosk.default_language", T::Language, "da", 0, 0,
     ST_("The language the kiosk starts in and returns to after each visitor")},
    {"kiosk.volume", T::Integer, "80", 0, 100, ST_("Read-aloud volume"), ST_("percent")},
    {"kiosk.paused", T::Boolean, "0", 0, 0, ST_("Show 'back soon' instead of the kiosk")},
    {"kiosk.audio_mode", T::Boolean, "0", 0, 0,
     ST_("Start every visit in audio mode: keys move a focus ring and every control is spoken")},
    // Bookings and check-in
    {"booking.window_days", T::Integer, "14", 1, 90, ST_("How far ahead visitors can book"), ST_("days")},
    {"booking.missed_grace_minutes", T::Integer, "15", 0, 240,
     ST_("A booking counts as missed only this long after its slot has ended"), ST_("minutes")},
    {"checkin.before_minutes", T::Integer, "30", 0, 240,
     ST_("Check-in opens this long before the booked time"), ST_("minutes")},
    {"checkin.after_minutes", T::Integer, "15", 0, 120,
     ST_("Check-in stays open this long after the booked time has started"), ST_("minutes")},
    // Privacy and housekeeping
    {"retention.nickname_days", T::Integer, "1", 1, 30,
     ST_("Nicknames are erased this many days after the appointment"), ST_("days")},
    {"housekeeping.max_clock_jump_hours", T::Integer, "336", 1, 2160,
     ST_("Housekeeping (missed bookings, erasing nicknames) waits for staff when the clock moved "
     "further than this since it last ran"), ST_("hours")},
    {"feedback.free_text", T::Boolean, "0", 0, 0, ST_("Ask 'anything else?' at the end of the feedback form")},
    {"feedback.export_free_text", T::Boolean, "0", 0, 0, ST_("Include comments in reports and extracts")},
    {"feedback.press_interval_ms", T::Integer, "700", 100, 5000,
     ST_("Taps on the feedback form faster than this are ignored"), ST_("milliseconds")},
    {"feedback.burst_max", T::Integer, "4", 1, 100,
     ST_("At most this many forms per burst window (stops one person filling many)")},
    {"feedback.burst_window_minutes", T::Integer, "5", 1, 240, ST_("The burst window"), ST_("minutes")},
    {"feedback.repeat_window_seconds", T::Integer, "60", 0, 3600,
     ST_("An identical form within this time is taken as a repeat"), ST_("seconds")},
    {"feedback.retention_months", T::Integer, "24", 1, 120, ST_("Feedback answers are kept this long"), ST_("months")},
    {"feedback.text_retention_days", T::Integer, "92", 1, 3660, ST_("Feedback comments are kept this long"), ST_("days")},
    // Reports and upload
    {"report.min_cell", T::Integer, "5", 3, 100,
     ST_("Smallest number shown in a report; smaller counts are hidden so nobody can be picked out")},
    {"upload.config", T::Path, "", 0, 0, ST_("The upload target file (owner-only), see docs/upload.md")},
    {"backup.keep_days", T::Integer, "14", 1, 3650,
     ST_("Nightly backups older than this are deleted; the newest is always kept"), ST_("days")},
    {"printer.device", T::Path, "", 0, 0, ST_("Receipt printer: a device such as /dev/usb/lp0 or tcp://HOST:PORT (empty = no printer)")},
    {"printer.paper_mm", T::Integer, "80", 58, 80, ST_("Receipt paper width (58 or 80)"), ST_("mm")},
};
}  // namespace

std::span<const SettingSpec> setting_specs() { return kSpecs; }

const SettingSpec* find_setting_spec(std::string_view key) {
    for (const auto& s : kSpecs)
        if (key == s.key) return &s;
    return nullptr;
}

// [SECTION] Validation ---------------------------------------------------------------------------

static std::optional<bool> parse_bool(std::string_view v) {
    if (v == "1" || v == "on" || v == "true" || v == "yes") return true;
    if (v == "0" || v == "off" || v == "false" || v == "no") return false;
    return std::nullopt;
}

static bool is_language_code(std::string_view c) {
    if (c.size() < 2 || c.size() > 3) return false;
    return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

static std::string range_text(const SettingSpec& s) {
    std::string r = std::to_string(s.min) + "–" + std::to_string(s.max);
    if (*s.unit) r += std::string(" ") + s.unit;
    return r;
}

const char* setting_type_name(SettingType t) {
    switch (t) {
        case T::Integer: return "number";
        case T::Boolean: return "on/off";
        case T::Text: return "text";
        case T::Language: return "language code";
        case T::LanguageList: return "language codes";
        case T::Path: return "file path";
    }
    return "";
}

std::string setting_range_text(const SettingSpec& s) {
    if (s.type == T::Integer) return range_text(s);
    if (s.type == T::Boolean) return "on or off";
    if (s.type == T::LanguageList) return "comma list, e.g. da,en,ar";
    if (s.type == T::Language) return "e.g. da";
    return setting_type_name(s.type);
}

std::string settings_markdown() {
    std::string out =
        "| Setting | Default | Allowed | What it does |\n|---|---|---|---|\n";
    for (const auto& s : kSpecs) {
        std::string def = *s.fallback ? std::string("`") + s.fallback + "`" : "(empty)";
        if (s.type == T::Boolean) def = std::string(s.fallback) == "1" ? "on" : "off";
        out += std::string("| `") + s.key + "` | " + def + " | " + setting_range_text(s) + " | " +
               s.help + " |\n";
    }
    return out;
}

std::string validate_setting(const SettingSpec& s, std::string_view value) {
    const std::string key = s.key;
    switch (s.type) {
        case T::Integer: {
            long long v = 0;
            auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (value.empty() || ec != std::errc() || p != value.data() + value.size())
                throw DomainError(ErrorCode::Invalid, key + " takes a whole number (" + range_text(s) +
                                                          "), not \"" + printable(value) + "\"");
            if (v < s.min || v > s.max)
                throw DomainError(ErrorCode::Invalid, key + " must be " + range_text(s) + ", not " +
                                                          std::to_string(v) + " (" + s.help + ")");
            return std::to_string(v);
        }
        case T::Boolean: {
            auto b = parse_bool(value);
            if (!b)
                throw DomainError(ErrorCode::Invalid,
                                  key + " takes on or off, not \"" + printable(value) + "\"");
            return *b ? "1" : "0";
        }
        case T::Language:
            if (!is_language_code(value))
                throw DomainError(ErrorCode::Invalid,
                                  key + " takes a language code such as da, not \"" + printable(value) + "\"");
            return std::string(value);
        case T::LanguageList: {
            std::string out;
            size_t start = 0;
            while (start <= value.size() && !value.empty()) {
                size_t comma = value.find(',', start);
                if (comma == std::string_view::npos) comma = value.size();
                std::string_view code = value.substr(start, comma - start);
                while (!code.empty() && code.front() == ' ') code.remove_prefix(1);
                while (!code.empty() && code.back() == ' ') code.remove_suffix(1);
                if (!is_language_code(code))
                    throw DomainError(ErrorCode::Invalid, key + " takes language codes separated by "
                                                                "commas (da,en,ar), not \"" +
                                                                printable(value) + "\"");
                if (!out.empty()) out += ',';
                out += code;
                start = comma + 1;
            }
            return out;
        }
        case T::Text:
        case T::Path:
            require_valid_text(value, key.c_str(), 1000);
            return std::string(value);
    }
    return std::string(value);
}

static const SettingSpec& spec_or_throw(std::string_view key) {
    if (const auto* s = find_setting_spec(key)) return *s;
    std::string known;
    for (const auto& s : kSpecs) known += std::string(known.empty() ? "" : ", ") + s.key;
    throw DomainError(ErrorCode::Invalid,
                      "there is no setting \"" + printable(key) + "\"; known settings: " + known);
}

void set_setting_checked(db::Db& db, std::string_view key, std::string_view value) {
    const SettingSpec& s = spec_or_throw(key);
    set_setting(db, s.key, validate_setting(s, value));
}

void reset_setting(db::Db& db, std::string_view key) {
    const SettingSpec& s = spec_or_throw(key);
    db.cached("DELETE FROM setting WHERE key = ?").bind(std::string_view(s.key)).exec();
}

// [SECTION] Typed reads --------------------------------------------------------------------------

SettingValue setting_value(db::Db& db, std::string_view key) {
    SettingValue v;
    v.spec = &spec_or_throw(key);
    v.value = v.spec->fallback;
    if (auto stored = get_setting(db, v.spec->key)) {
        try {
            v.value = validate_setting(*v.spec, *stored);
        } catch (const DomainError&) {
            // Written past the checks (by hand, or by an older build): a number outside the range
            // is held to the nearest bound (a threshold of 1 still reports with 3); anything else
            // unreadable takes the default. The kiosk keeps running either way.
            long long n = 0;
            auto [p, ec] = std::from_chars(stored->data(), stored->data() + stored->size(), n);
            if (v.spec->type == SettingType::Integer && ec == std::errc() &&
                p == stored->data() + stored->size())
                v.value = std::to_string(std::clamp(n, v.spec->min, v.spec->max));
        }
        v.is_default = v.value == v.spec->fallback;
    }
    return v;
}

long long setting_int(db::Db& db, std::string_view key) {
    const SettingValue v = setting_value(db, key);
    return std::stoll(v.value);   // validated above: always a number in range
}

bool setting_bool(db::Db& db, std::string_view key) { return setting_value(db, key).value == "1"; }

std::string setting_text(db::Db& db, std::string_view key) { return setting_value(db, key).value; }

// [SECTION] Raw storage --------------------------------------------------------------------------

std::optional<std::string> get_setting(db::Db& db, const std::string& key) {
    return db.cached("SELECT value FROM setting WHERE key = ?").bind(key).first([](db::Stmt& s) {
        return s.text(0);
    });
}

std::string get_setting(db::Db& db, const std::string& key, const std::string& fallback) {
    return get_setting(db, key).value_or(fallback);
}

int get_setting_int(db::Db& db, const std::string& key, int fallback) {
    const auto v = get_setting(db, key);
    if (!v) return fallback;
    int out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    if (ec != std::errc() || p != v->data() + v->size()) return fallback;
    return out;
}

void set_setting(db::Db& db, const std::string& key, const std::string& value) {
    db.cached("INSERT INTO setting(key, value) VALUES (?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(key, value)
        .exec();
}

void log_event(db::Db& db, int64_t at, const std::string& kind, const std::string& message) {
    db.cached("INSERT INTO event_log(at, kind, message) VALUES (?, ?, ?)").bind(at, kind, message).exec();
}

}  // namespace indgang
