// Sites, services, caseworker sessions and the slots they generate.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/model.hpp"

#include <vector>

namespace indgang {

Id add_site(db::Db& db, const Site& site);               // hours included
void set_opening_hours(db::Db& db, Id site_id, const std::vector<OpeningHours>& hours);
std::vector<Site> list_sites(db::Db& db);
Site get_site(db::Db& db, Id site_id);                   // throws NotFound
TimeZone site_timezone(db::Db& db, Id site_id);

Id add_service(db::Db& db, const Service& service);
void update_service(db::Db& db, const Service& service);
std::vector<Service> list_services(db::Db& db, bool include_inactive = false);
Service get_service(db::Db& db, Id service_id);
Service get_service_by_key(db::Db& db, const std::string& key);

// Validates (times, slot length, dates, weekday) and stores; returns the new id.
Id add_session(db::Db& db, const Session& session);
void update_session(db::Db& db, const Session& session);
// Ends a weekly session: no slots after `last_date`. Existing bookings stay.
void end_session(db::Db& db, Id session_id, Date last_date);
std::vector<Session> list_sessions(db::Db& db, Id site_id);
Session get_session(db::Db& db, Id session_id);

// Cancels one date of a session (caseworker ill). Returns the live bookings on that date so staff
// can tell those visitors; their check-in then says the session was cancelled.
std::vector<Booking> cancel_session_date(db::Db& db, Id session_id, Date date,
                                         const std::string& reason, Instant now);
void restore_session_date(db::Db& db, Id session_id, Date date);
bool is_session_cancelled(db::Db& db, Id session_id, Date date);

// Pure slot generation for one session and date (no database): the wall-clock slots from start
// to end minus the walk-in time, capped at bookable_slots. Slots whose start does not exist on a
// DST-change day are skipped.
std::vector<Slot> generate_slots(const Session& session, Date date, const TimeZone& tz);
bool session_runs_on(const Session& session, Date date);

// Slots of a site for [from, to] (inclusive), with `taken` set from live bookings and cancelled
// dates left out. service_id 0 = every service.
std::vector<Slot> slots_for(db::Db& db, Id site_id, Date from, Date to, Id service_id = 0);

// Sessions of a site that run on `date` (not cancelled), in start order.
std::vector<Session> sessions_on(db::Db& db, Id site_id, Date date);

}  // namespace indgang
