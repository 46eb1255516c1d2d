// Sites, services, caseworker sessions and the slots they generate.
//
// Who: every timetable change takes the actor ("staff", "staff:<login>" from the staff window)
// and names it in the audit trail: on each booking it touches (booking_status_change.actor) and
// in one event_log row of kind 'timetable' ("staff:anne: date 2026-12-08 of session 1 cancelled").
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/model.hpp"

#include <optional>
#include <string>
#include <vector>

namespace indgang {

Id add_site(db::Db& db, const Site& site);               // hours included
void set_opening_hours(db::Db& db, Id site_id, const std::vector<OpeningHours>& hours);
std::vector<Site> list_sites(db::Db& db);
Site get_site(db::Db& db, Id site_id);                   // throws NotFound
TimeZone site_timezone(db::Db& db, Id site_id);

Id add_service(db::Db& db, const Service& service);
// Edits the site's name and address (valid text; the time zone stays).
void update_site(db::Db& db, const Site& site);
void update_service(db::Db& db, const Service& service);
std::vector<Service> list_services(db::Db& db, bool include_inactive = false);
Service get_service(db::Db& db, Id service_id);
Service get_service_by_key(db::Db& db, const std::string& key);

// What is wrong with a session (refused) and what staff should know (warned): in the past, too
// short for one slot, overlapping another session of the same caseworker (refused); on a day or
// at an hour the site is closed (warned). `now` empty skips the in-the-past rule (history
// imports, tests). `ignore` is a session the check should not compare with (the one edited).
struct SessionCheck {
    std::vector<std::string> errors;
    std::vector<std::string> warnings;
};
SessionCheck check_session(db::Db& db, const Session& session, std::optional<Instant> now,
                           Id ignore = 0);

// Validates (times, slot length, dates, weekday, check_session) and stores; returns the new id.
// Warnings, if any, go to `warnings`.
Id add_session(db::Db& db, const Session& session, std::optional<Instant> now = std::nullopt,
               std::vector<std::string>* warnings = nullptr, const std::string& actor = "staff");

// A timetable change that would move or drop live bookings, refused with the list.
class TimetableConflict : public DomainError {
public:
    TimetableConflict(const std::string& what, std::vector<Booking> bookings)
        : DomainError(ErrorCode::Conflict, what), bookings(std::move(bookings)) {}
    std::vector<Booking> bookings;
};

// What staff chose for bookings a change cannot keep.
enum class OnConflict { Refuse, CancelAndTell };

struct EditResult {
    Id session_id = 0;                 // the session in effect from `from` (new id when split)
    std::vector<Booking> carried;      // live bookings kept, on the same time in the new version
    std::vector<Booking> to_tell;      // bookings the change cancelled (OnConflict::CancelAndTell)
    std::vector<std::string> warnings;
};

// Changes a session from `from` on (today or later). Dates before `from` keep what happened:
// a session that has already run is split — the old one ends the day before, a new one (its
// `replaces` = the old id) starts on `from`. Live bookings on or after `from` move to the new
// version when their time still exists there; otherwise the edit is refused with the list
// (TimetableConflict), or with CancelAndTell those bookings become CentreCancelled and are
// returned to tell.
EditResult edit_session(db::Db& db, Id session_id, const Session& changed, Date from, Instant now,
                        OnConflict on_conflict = OnConflict::Refuse, const std::string& actor = "staff");

// Ends a weekly session: no slots after `last_date` (yesterday at the earliest, so no past day is
// rewritten). Live bookings after it become CentreCancelled and are returned, to tell.
std::vector<Booking> end_session(db::Db& db, Id session_id, Date last_date, Instant now,
                                 const std::string& actor = "staff");
// Deletes a session that has never had a booking; one with bookings must be ended instead.
// `now` dates the event_log entry that names the actor.
void delete_session(db::Db& db, Id session_id, Instant now = 0, const std::string& actor = "staff");
std::vector<Session> list_sessions(db::Db& db, Id site_id);
Session get_session(db::Db& db, Id session_id);

// Cancels one date of a session (caseworker ill), today or later. In one transaction with the
// bookings: every live booking on that date becomes CentreCancelled and is returned, to tell.
std::vector<Booking> cancel_session_date(db::Db& db, Id session_id, Date date,
                                         const std::string& reason, Instant now,
                                         const std::string& actor = "staff");
// Undoes a cancelled date (today or later); the bookings it cancelled are live again and are
// returned, to tell that it is on after all.
std::vector<Booking> restore_session_date(db::Db& db, Id session_id, Date date, Instant now,
                                          const std::string& actor = "staff");
bool is_session_cancelled(db::Db& db, Id session_id, Date date);

// Centre-wide closures: one step for "closed 24–26 December". Same rules and lists as a
// cancelled date, for every session of the site.
struct ClosureResult {
    Id closure_id = 0;
    std::vector<Booking> to_tell;
};
ClosureResult close_centre(db::Db& db, Id site_id, Date first, Date last, const std::string& reason,
                           Instant now, const std::string& actor = "staff");
std::vector<Booking> reopen_centre(db::Db& db, Id closure_id, Instant now, const std::string& actor = "staff");
std::vector<Closure> list_closures(db::Db& db, Id site_id);
bool closure_on(db::Db& db, Id site_id, Date date);

// Pure slot generation for one session and date (no database): the wall-clock slots from start
// to end minus the walk-in time, capped at bookable_slots. Slots whose start does not exist on a
// DST-change day are skipped.
std::vector<Slot> generate_slots(const Session& session, Date date, const TimeZone& tz);
bool session_runs_on(const Session& session, Date date);

// Slots of a site for [from, to] (inclusive), with `taken` set from live bookings and cancelled
// dates left out. service_id 0 = every service.
std::vector<Slot> slots_for(db::Db& db, Id site_id, Date from, Date to, Id service_id = 0);

// Sessions of a site that run on `date` (not cancelled, centre not closed), in start order.
std::vector<Session> sessions_on(db::Db& db, Id site_id, Date date);

}  // namespace indgang
