// Walk-in numbers: per site, service and day, …
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <vector>

namespace indgang {

// Whether a walk-in number can be taken now: a session of the service runs today (not cancelled,
// centre open) and has not ended yet — still to come or here now.
enum class WalkInOpen { Open, NotToday, OverToday };
WalkInOpen walkin_open(db::Db& db, Id site_id, Id service_id, Instant now);
// The services a visitor can take a number for right now, in session start order.
std::vector<Id> walkin_services_now(db::Db& db, Id site_id, Instant now);

// Takes the next number for a service open for walk-ins (walkin_open). Throws NoSessionToday
// ("not here today") or SessionOverToday ("not here any more today") otherwise.
WalkInTicket take_number(db::Db& db, Id site_id, Id service_id, Instant now);
// Seen, left or back to waiting; the change and who made it ("kiosk", "staff:<login>") go into
// event_log (kind "walkin") with the ticket's label, which names nobody.
void set_walkin_status(db::Db& db, Id ticket_id, WalkInStatus status, Instant now,
                       const std::string& actor = "kiosk");
std::vector<WalkInTicket> walkins_on(db::Db& db, Id site_id, Date day);
WalkInTicket get_walkin(db::Db& db, Id ticket_id);
std::string ticket_label(const std::string& prefix, int number);   // "A-07"

}  // namespace indgang
