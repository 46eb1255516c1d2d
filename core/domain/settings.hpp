// Key-value settings kept in the database, so the kiosk and the admin tool share them.
#pragma once

#include "core/db/sqlite.hpp"

#include <optional>
#include <string>

namespace indgang {

// The settings the kiosk and the admin tool share. Unset means the default in brackets.
namespace settings_key {
inline constexpr const char* kIdleSeconds = "kiosk.idle_seconds";          // [90]
inline constexpr const char* kLanguages = "kiosk.languages";               // comma list [all shipped]
inline constexpr const char* kDefaultLanguage = "kiosk.default_language";  // ["da"]
inline constexpr const char* kVolume = "kiosk.volume";                     // read-aloud 0–100 [80]
inline constexpr const char* kPaused = "kiosk.paused";                     // "1": "back soon" [0]
inline constexpr const char* kNicknameDays = "retention.nickname_days";    // [1]
inline constexpr const char* kMinCell = "report.min_cell";                 // ≥ 3 [5]
inline constexpr const char* kUploadConfig = "upload.config";              // path of the target file
}  // namespace settings_key

std::optional<std::string> get_setting(db::Db& db, const std::string& key);
std::string get_setting(db::Db& db, const std::string& key, const std::string& fallback);
int get_setting_int(db::Db& db, const std::string& key, int fallback);
void set_setting(db::Db& db, const std::string& key, const std::string& value);

// Appends a line to the event log (purges, staff actions that matter later).
void log_event(db::Db& db, int64_t at, const std::string& kind, const std::string& message);

}  // namespace indgang
