// Booking a slot, cancelling, checking in, and the status flow
// booked → checked_in → seen, booked → missed (staff may correct missed → seen).
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <string>
#include <vector>

namespace indgang {

struct BookingRules {
    int window_days = 14;              // bookable from now until today + window_days
    int checkin_before_minutes = 30;   // check-in opens this long before the slot
    int checkin_after_minutes = 15;    // and closes this long after its start
    int missed_grace_minutes = 15;     // a booking is missed once slot end + grace has passed
};

// Reads the rules from settings (defaults above when unset).
BookingRules booking_rules(db::Db& db);

struct SlotRef {
    Id session_id = 0;
    Date date{};
    int start_minute = 0;
};

// Trims, normalises (NFC) and checks a nickname: valid UTF-8, ≤ 40 characters, no control
// characters, not only invisible characters, and nothing that reads as a CPR or phone number
// (we never want those; the message says so kindly). Returns empty for an empty nickname.
// Throws DomainError::Invalid.
std::optional<std::string> clean_nickname(std::string_view raw);

// Books a free slot. Exactly one of two racing callers wins (a unique index enforces it); the
// other gets ErrorCode::SlotTaken. The returned booking is committed.
Booking book(db::Db& db, const SlotRef& slot, std::string_view nickname, Instant now,
             BookingSource source = BookingSource::Kiosk);

// Cancels by check-in code (the visitor, or staff on their behalf). Throws UnknownCode,
// BookingCancelled, CentreCancelled, WrongStatus.
Booking cancel_booking(db::Db& db, const std::string& code, Instant now,
                       const std::string& actor = "kiosk");

struct CheckInResult {
    Booking booking;
    int ahead = 0;                     // checked-in visitors for the same caseworker before you
};

// Checks in by code at a site. Throws UnknownCode, TooEarly (when = opening time), TooLate,
// BookingCancelled, CentreCancelled (when = the slot start: the date was cancelled, the centre
// closed or the session ended), AlreadyCheckedIn (when = first check-in time).
// `actor` is who checked them in: "kiosk", or "staff:<login>" at the staff window's desk.
CheckInResult check_in(db::Db& db, Id site_id, const std::string& code, Instant now,
                       const std::string& actor = "kiosk");

// [SECTION] Staff corrections. Every status can be set back (seen ↔ no-show ↔ booked, cancelled
// → booked while the slot is free); each change is kept in booking_status_change with the actor.
// A no-show only once the slot has ended plus booking.missed_grace_minutes (NotYet before; `when`
// says from when). A booking the centre cancelled comes back only by restoring its date.
void set_booking_status(db::Db& db, Id booking_id, BookingStatus to, Instant now,
                        const std::string& actor = "staff");
void mark_seen(db::Db& db, Id booking_id, Instant now, const std::string& actor = "staff");
void mark_no_show(db::Db& db, Id booking_id, Instant now, const std::string& actor = "staff");
// Reverts the latest status change; returns the status the booking has now.
BookingStatus undo_status(db::Db& db, Id booking_id, Instant now, const std::string& actor = "staff");
std::vector<StatusChange> status_history(db::Db& db, Id booking_id);
// When a booking may first count as missed: slot end + grace.
Instant missed_from(db::Db& db, const Booking& b);

// Marks bookings the centre called off as CentreCancelled (in one transaction), noting why.
void cancel_by_centre(db::Db& db, const std::vector<Booking>& bookings, Instant now,
                      const std::string& actor, const std::string& why);

// Gives a CentreCancelled booking its earlier status back (a restored date, a removed closure),
// through the same checked, audited change as every other.
void restore_by_centre(db::Db& db, const Booking& b, BookingStatus to, Instant now, const std::string& why,
                       const std::string& actor = "staff");

// Housekeeping: booked slots whose end + grace has passed become missed — unless the centre
// did not hold that date (cancelled, closed, session ended), then CentreCancelled. Returns how
// many became missed.
int mark_missed(db::Db& db, Instant now);

Booking get_booking(db::Db& db, Id booking_id);
std::optional<Booking> find_live_booking(db::Db& db, const std::string& code);
// All bookings of a site on a date (any status), in time order.
std::vector<Booking> bookings_on(db::Db& db, Id site_id, Date date);

// Check-in codes: 5 digits (easy on any keypad, read the same in every script).
std::string make_code();
bool is_valid_code(std::string_view code);

}  // namespace indgang
