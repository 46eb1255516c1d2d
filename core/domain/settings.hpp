// Settings kept in the database, so the kiosk, the staff window and the CLI share them. Every
// setting is declared once in the table in settings.cpp (key, type, default, range, one line of
// help); reading goes through the typed getters, writing through set_setting_checked(), so a
// value outside its range can never reach the code that uses it.
#pragma once

#include "core/db/sqlite.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace indgang {

enum class SettingType {
    Integer,       // whole number in [min, max]
    Boolean,       // stored "1"/"0"; accepts on/off, true/false, yes/no, 1/0
    Text,          // free text, valid UTF-8, one line
    Language,      // one shipped language code ("da")
    LanguageList,  // comma list of language codes; empty = every shipped language
    Path,          // a file path; empty = not set
};

struct SettingSpec {
    const char* key;
    SettingType type;
    const char* fallback;      // the default, as stored text
    long long min = 0;         // Integer only
    long long max = 0;
    const char* help = "";     // one line: what it does (English source; staff catalog translates)
    const char* unit = "";     // "seconds", "days", …: shown next to the range
};

// The declared settings, in display order.
std::span<const SettingSpec> setting_specs();
// nullptr for an unknown key.
const SettingSpec* find_setting_spec(std::string_view key);

// The keys, so code never spells a key twice. Each must be a row of the table.
namespace settings_key {
inline constexpr const char* kSiteId = "kiosk.site_id";
inline constexpr const char* kIdleSeconds = "kiosk.idle_seconds";
inline constexpr const char* kIdleCountdownSeconds = "kiosk.idle_countdown_seconds";
inline constexpr const char* kLanguages = "kiosk.languages";
inline constexpr const char* kDefaultLanguage = "kiosk.default_language";
inline constexpr const char* kVolume = "kiosk.volume";
inline constexpr const char* kPaused = "kiosk.paused";
inline constexpr const char* kWindowDays = "booking.window_days";
inline constexpr const char* kMissedGraceMinutes = "booking.missed_grace_minutes";
inline constexpr const char* kCheckinBeforeMinutes = "checkin.before_minutes";
inline constexpr const char* kCheckinAfterMinutes = "checkin.after_minutes";
inline constexpr const char* kNicknameDays = "retention.nickname_days";
inline constexpr const char* kMaxClockJumpHours = "housekeeping.max_clock_jump_hours";
inline constexpr const char* kMinCell = "report.min_cell";
inline constexpr const char* kUploadConfig = "upload.config";
inline constexpr const char* kBackupKeepDays = "backup.keep_days";
inline constexpr const char* kPrinterDevice = "printer.device";
}  // namespace settings_key

// Checks `value` against the spec and returns it normalised ("on" → "1", " 15" refused).
// Throws DomainError::Invalid with a plain message naming the key and the allowed range.
std::string validate_setting(const SettingSpec& spec, std::string_view value);
// The one way tools change a setting: unknown keys and values outside the range are refused.
void set_setting_checked(db::Db& db, std::string_view key, std::string_view value);
// Removes a stored value, so the default applies again.
void reset_setting(db::Db& db, std::string_view key);

// Typed reads of declared settings. A stored value that no longer validates (hand-edited file,
// an older build's range) falls back to the default rather than stopping the kiosk.
long long setting_int(db::Db& db, std::string_view key);
bool setting_bool(db::Db& db, std::string_view key);
std::string setting_text(db::Db& db, std::string_view key);
// The value in effect and whether it is the default.
struct SettingValue {
    const SettingSpec* spec = nullptr;
    std::string value;
    bool is_default = true;
};
SettingValue setting_value(db::Db& db, std::string_view key);

// "whole number", "on/off", …; "15–600 seconds" for a number, "" otherwise.
const char* setting_type_name(SettingType t);
std::string setting_range_text(const SettingSpec& spec);
// docs/settings.md: the table as Markdown (English, the docs' language).
std::string settings_markdown();

// Raw access for internal state that is not a setting staff can change (the staff PIN hash,
// lockout counters, the last clock housekeeping saw). Never validated, never listed.
std::optional<std::string> get_setting(db::Db& db, const std::string& key);
std::string get_setting(db::Db& db, const std::string& key, const std::string& fallback);
int get_setting_int(db::Db& db, const std::string& key, int fallback);
void set_setting(db::Db& db, const std::string& key, const std::string& value);

// Appends a line to the event log (purges, staff actions that matter later).
void log_event(db::Db& db, int64_t at, const std::string& kind, const std::string& message);

}  // namespace indgang
