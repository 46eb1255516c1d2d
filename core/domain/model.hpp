// The domain as plain structs. Dates are local to the site (YYYY-MM-DD strings in storage,
// year_month_day in code); instants are UTC seconds since the epoch.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace indgang {

using Id = int64_t;
using Instant = int64_t;                       // UTC seconds since 1970
using Date = std::chrono::year_month_day;

struct OpeningHours {
    int weekday = 1;                           // ISO 1 = Monday … 7 = Sunday
    int open_minute = 0;                       // minutes after local midnight
    int close_minute = 0;
};

struct Site {
    Id id = 0;
    std::string name;
    std::string address;
    std::string timezone = "Europe/Copenhagen";
    std::vector<OpeningHours> hours;           // weekdays without an entry are closed
};

struct Service {
    Id id = 0;
    std::string key;                           // "jobcentre", "social", "benefits", "substance", "skp"
    std::string name;                          // Danish display name; catalogs translate by key
    std::string description;                   // one plain line: what they help with
    std::string icon;                          // icon name in assets/icons
    std::string walkin_prefix = "A";
    int sort = 0;
    bool active = true;
};

struct Session {
    Id id = 0;
    Id site_id = 0;
    Id service_id = 0;
    std::string caseworker;                    // first name only
    std::optional<int> weekday;                // ISO weekday; empty = one-off on first_date
    Date first_date{};
    std::optional<Date> last_date;             // empty = open-ended weekly session
    int start_minute = 0;
    int end_minute = 0;
    int slot_minutes = 20;
    int bookable_slots = 0;                    // 0 = every slot that fits
    int walkin_minutes = 0;                    // kept free at the end for walk-ins
    bool walkin_only = false;                  // no bookable slots: walk-ins the whole time
    std::optional<Id> replaces;                // a timetable edit: the session this one continues
};

// A centre-wide closure (holiday, "closed 24–26 December"): no session runs on these dates.
struct Closure {
    Id id = 0;
    Id site_id = 0;
    Date first_date{};
    Date last_date{};
    std::string reason;
};


// One bookable time, generated from a session for a date.
struct Slot {
    Id session_id = 0;
    Id site_id = 0;
    Id service_id = 0;
    Date date{};
    int start_minute = 0;                      // local wall clock
    Instant start = 0;
    Instant end = 0;
    std::string caseworker;
    bool taken = false;
};

// Cancelled: the visitor (or staff on their behalf) called it off. CentreCancelled: the centre
// did — a cancelled date, a closure, an ended or changed session. Never a no-show, never in the
// no-show rate; the visitor is on the "visitors to tell" list. See docs/decisions.md.
enum class BookingStatus { Booked, CheckedIn, Seen, Missed, Cancelled, CentreCancelled };
enum class BookingSource { Kiosk, Staff };

struct Booking {
    Id id = 0;
    Id session_id = 0;
    Id site_id = 0;
    Id service_id = 0;
    Date date{};
    Instant start = 0;
    Instant end = 0;
    std::optional<std::string> nickname;
    std::string code;
    BookingStatus status = BookingStatus::Booked;
    BookingSource source = BookingSource::Kiosk;
    std::string caseworker;
    Instant created_at = 0;
    std::optional<Instant> checked_in_at;
};

// One change of a booking's status, kept for the audit trail.
struct StatusChange {
    Id booking_id = 0;
    Instant at = 0;
    BookingStatus from = BookingStatus::Booked;
    BookingStatus to = BookingStatus::Booked;
    std::string actor;                         // "kiosk", "housekeeping", "staff", "staff:<login>"
    std::string note;
};

enum class WalkInStatus { Waiting, Seen, Left };

struct WalkInTicket {
    Id id = 0;
    Id site_id = 0;
    Id service_id = 0;
    Date day{};
    int number = 0;
    std::string label;                         // "A-07"
    WalkInStatus status = WalkInStatus::Waiting;
    int ahead = 0;                             // waiting tickets before this one
    Instant created_at = 0;
};

// Every rule the visitor or staff can run into. The kiosk maps the code to a kind, translated
// message; the CLI prints what().
enum class ErrorCode {
    NotFound,
    Invalid,
    SlotTaken,            // someone else got it first
    SlotUnavailable,      // not a slot of this session, or in the past
    OutsideBookingWindow,
    SessionCancelled,     // the caseworker cancelled that date
    TooEarly,
    TooLate,
    BookingCancelled,
    UnknownCode,
    AlreadyCheckedIn,
    NoSessionToday,       // no session of that service today at all
    SessionOverToday,     // there was one today, but it has ended
    WrongStatus,
    NotYet,               // too soon for that: a no-show before the slot end plus grace
    CentreCancelled,      // the booking was cancelled by the centre (date, closure, session end)
    Conflict,             // a timetable change would move or drop live bookings
    PersonalNumber,       // a nickname that reads as a CPR or phone number: refused kindly
};

class DomainError : public std::runtime_error {
public:
    DomainError(ErrorCode code, const std::string& what, Instant when = 0)
        : std::runtime_error(what), code(code), when(when) {}
    ErrorCode code;
    Instant when;         // TooEarly: earliest check-in time; TooLate: the slot start
};

const char* to_string(BookingStatus s);
BookingStatus booking_status_from(const std::string& s);
const char* to_string(WalkInStatus s);
WalkInStatus walkin_status_from(const std::string& s);
const char* to_string(ErrorCode c);

}  // namespace indgang
