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

// Trims, normalises (NFC) and checks a nickname: ≤ 40 characters, no control characters.
// Returns empty for a blank nickname. Throws DomainError::Invalid.
std::optional<std::string> clean_nickname(std::string_view raw);

// Books a free slot. Exactly one of two racing callers wins (a unique index enforces it); the
// other gets ErrorCode::SlotTaken. The returned booking is committed.
Booking book(db::Db& db, const SlotRef& slot, std::string_view nickname, Instant now,
             BookingSource source = BookingSource::Kiosk);

// Cancels by check-in code. Throws UnknownCode, BookingCancelled, WrongStatus.
Booking cancel_booking(db::Db& db, const std::string& code, Instant now);

struct CheckInResult {
    Booking booking;
    int ahead = 0;                     // checked-in visitors for the same caseworker before you
};

// Checks in by code at a site. Throws UnknownCode, TooEarly (when = opening time), TooLate,
// BookingCancelled, SessionCancelled, AlreadyCheckedIn (when = first check-in time).
CheckInResult check_in(db::Db& db, Id site_id, const std::string& code, Instant now);

// Staff corrections, from any live or settled status (staff fix their own mistakes too):
// mark_seen from booked, checked_in, missed or seen — a visitor who talked to the caseworker
// without checking in is not a no-show; mark_no_show from booked, checked_in, seen or missed.
// A cancelled booking cannot be marked.
void mark_seen(db::Db& db, Id booking_id, Instant now);
void mark_no_show(db::Db& db, Id booking_id, Instant now);

// Turns booked slots whose end + grace has passed into missed. Returns how many changed.
int mark_missed(db::Db& db, Instant now);

Booking get_booking(db::Db& db, Id booking_id);
std::optional<Booking> find_live_booking(db::Db& db, const std::string& code);
// All bookings of a site on a date (any status), in time order.
std::vector<Booking> bookings_on(db::Db& db, Id site_id, Date date);

// Check-in codes: 5 digits (easy on any keypad, read the same in every script).
std::string make_code();
bool is_valid_code(std::string_view code);

}  // namespace indgang
