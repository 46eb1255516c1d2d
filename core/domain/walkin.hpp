// Walk-in numbers: per site, service and day, …
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <vector>

namespace indgang {

// Takes the next number for a service that has a session at the site today. Throws
// NoSessionToday otherwise.
WalkInTicket take_number(db::Db& db, Id site_id, Id service_id, Instant now);
void set_walkin_status(db::Db& db, Id ticket_id, WalkInStatus status, Instant now);
std::vector<WalkInTicket> walkins_on(db::Db& db, Id site_id, Date day);
WalkInTicket get_walkin(db::Db& db, Id ticket_id);
std::string ticket_label(const std::string& prefix, int number);   // "A-07"

}  // namespace indgang
