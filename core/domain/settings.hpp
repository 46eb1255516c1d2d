// Key-value settings kept in the database, so the kiosk and the admin tool share them.
#pragma once

#include "core/db/sqlite.hpp"

#include <optional>
#include <string>

namespace indgang {

std::optional<std::string> get_setting(db::Db& db, const std::string& key);
std::string get_setting(db::Db& db, const std::string& key, const std::string& fallback);
int get_setting_int(db::Db& db, const std::string& key, int fallback);
void set_setting(db::Db& db, const std::string& key, const std::string& value);

// Appends a line to the event log (purges, staff actions that matter later).
void log_event(db::Db& db, int64_t at, const std::string& kind, const std::string& message);

}  // namespace indgang
