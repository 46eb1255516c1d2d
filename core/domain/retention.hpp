// Erasing personal data on schedule: nicknames go the day after the appointment (configurable
// with setting retention.nickname_days); bookings stay as anonymous counts.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

namespace indgang {

// Erases nicknames of bookings whose date is at least `nickname_days` days before today (site
// time). Logs how many were erased. Returns that number.
int purge_personal_data(db::Db& db, Instant now);

}  // namespace indgang
