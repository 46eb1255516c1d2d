#include "core/domain/model.hpp"

namespace indgang {

const char* to_string(BookingStatus s) {
    switch (s) {
        case BookingStatus::Booked: return "booked";
        case BookingStatus::CheckedIn: return "checked_in";
        case BookingStatus::Seen: return "seen";
        case BookingStatus::Missed: return "missed";
        case BookingStatus::Cancelled: return "cancelled";
        case BookingStatus::CentreCancelled: return "centre_cancelled";
    }
    return "booked";
}

BookingStatus booking_status_from(const std::string& s) {
    if (s == "checked_in") return BookingStatus::CheckedIn;
    if (s == "seen") return BookingStatus::Seen;
    if (s == "missed") return BookingStatus::Missed;
    if (s == "cancelled") return BookingStatus::Cancelled;
    if (s == "centre_cancelled") return BookingStatus::CentreCancelled;
    if (s == "booked") return BookingStatus::Booked;
    throw DomainError(ErrorCode::Invalid, "unknown booking status '" + s + "'");
}

const char* to_string(WalkInStatus s) {
    switch (s) {
        case WalkInStatus::Waiting: return "waiting";
        case WalkInStatus::Seen: return "seen";
        case WalkInStatus::Left: return "left";
    }
    return "waiting";
}

WalkInStatus walkin_status_from(const std::string& s) {
    if (s == "waiting") return WalkInStatus::Waiting;
    if (s == "seen") return WalkInStatus::Seen;
    if (s == "left") return WalkInStatus::Left;
    throw DomainError(ErrorCode::Invalid, "unknown walk-in status '" + s + "'");
}

const char* to_string(ErrorCode c) {
    switch (c) {
        case ErrorCode::NotFound: return "not_found";
        case ErrorCode::Invalid: return "invalid";
        case ErrorCode::SlotTaken: return "slot_taken";
        case ErrorCode::SlotUnavailable: return "slot_unavailable";
        case ErrorCode::OutsideBookingWindow: return "outside_booking_window";
        case ErrorCode::SessionCancelled: return "session_cancelled";
        case ErrorCode::TooEarly: return "too_early";
        case ErrorCode::TooLate: return "too_late";
        case ErrorCode::BookingCancelled: return "booking_cancelled";
        case ErrorCode::UnknownCode: return "unknown_code";
        case ErrorCode::AlreadyCheckedIn: return "already_checked_in";
        case ErrorCode::NoSessionToday: return "no_session_today";
        case ErrorCode::WrongStatus: return "wrong_status";
        case ErrorCode::SessionOverToday: return "session_over_today";
        case ErrorCode::NotYet: return "not_yet";
        case ErrorCode::CentreCancelled: return "centre_cancelled";
        case ErrorCode::Conflict: return "conflict";
        case ErrorCode::PersonalNumber: return "personal_number";
    }
    return "invalid";
}

}  // namespace indgang
