#include "staff_errors.hpp"

#include "staff_clock.hpp"

#include "core/db/sqlite.hpp"
#include "core/db/store.hpp"
#include "core/domain/model.hpp"
#include "core/text/staff_text.hpp"

#include <cstring>

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

// The core's fixed messages that reach the window, so the staff catalog carries them. A message
// not listed here still reads well: error_text() falls back to a sentence for its code.
[[maybe_unused]] static const char* const kCoreMessages[] = {
    ST_("the nickname is not valid text"),
    ST_("the nickname contains control characters"),
    ST_("the nickname is longer than 40 characters"),
    ST_("the booking changed meanwhile; look again"),
    ST_("the session does not run on that day"),
    ST_("the session on that day is cancelled"),
    ST_("the centre is closed that day"),
    ST_("that time has passed"),
    ST_("that time was just taken by someone else"),
    ST_("could not find a free check-in code; try again"),
    ST_("that booking is already cancelled"),
    ST_("the centre has already cancelled that booking"),
    ST_("a code is 5 digits"),
    ST_("the caseworker is not coming that day"),
    ST_("that booking was cancelled"),
    ST_("you are already checked in"),
    ST_("the time has passed"),
    ST_("check-in opens later"),
    ST_("cancel the date or the session instead"),
    ST_("visitors check in themselves; mark them seen instead"),
    ST_("that time has been booked by someone else since"),
    ST_("a cancelled booking cannot be marked seen"),
    ST_("a cancelled booking cannot be a no-show"),
    ST_("nothing to undo for this booking"),
    ST_("that caseworker is not here today"),
    ST_("that caseworker is not here any more today"),
    ST_("the staff PIN is 4 to 12 digits"),
};

static const char* code_text(ErrorCode c) {
    switch (c) {
        case ErrorCode::NotFound: return st("It no longer exists. Look again: someone may have changed it meanwhile.");
        case ErrorCode::Invalid: return st("That cannot be saved as it is. Check the fields and try again.");
        case ErrorCode::SlotTaken: return st("That time was just taken by someone else.");
        case ErrorCode::SlotUnavailable: return st("That time cannot be booked.");
        case ErrorCode::OutsideBookingWindow: return st("That day is further ahead than visitors can book.");
        case ErrorCode::SessionCancelled: return st("The session is cancelled that day.");
        case ErrorCode::TooEarly: return st("Check-in has not opened yet.");
        case ErrorCode::TooLate: return st("The time has passed.");
        case ErrorCode::BookingCancelled: return st("That booking is cancelled.");
        case ErrorCode::UnknownCode: return st("No booking here has that code.");
        case ErrorCode::AlreadyCheckedIn: return st("The visitor is already checked in.");
        case ErrorCode::NoSessionToday: return st("That caseworker is not here today.");
        case ErrorCode::SessionOverToday: return st("That caseworker is not here any more today.");
        case ErrorCode::WrongStatus: return st("The booking cannot go to that status from where it is.");
        case ErrorCode::NotYet: return st("Not yet.");
        case ErrorCode::CentreCancelled: return st("The centre cancelled that booking.");
        case ErrorCode::Conflict: return st("The change would take times from visitors who have booked.");
        case ErrorCode::PersonalNumber: return st("A nickname must not look like a CPR or phone number.");
    }
    return st("Something went wrong.");
}

std::string error_text(const std::exception& e, const TimeZone& tz) {
    if (dynamic_cast<const StaffError*>(&e)) return e.what();
    if (const auto* d = dynamic_cast<const DomainError*>(&e)) {
        if (d->code == ErrorCode::NotYet && d->when)
            return st_fill("A no-show can only be marked from {time}, once the time has ended.",
                           {{"time", day_text(tz, tz.today(d->when)) + " " + time_text(tz, d->when)}});
        if (d->code == ErrorCode::TooEarly && d->when)
            return st_fill("Check-in opens at {time}.", {{"time", time_text(tz, d->when)}});
        const char* translated = st(d->what());
        if (std::strcmp(translated, d->what()) != 0) return translated;
        if (text::staff_language() == "en") return d->what();
        return code_text(d->code);
    }
    if (const auto* s = dynamic_cast<const db::StoreError*>(&e)) {
        (void)s;
        return st("The database cannot be used. Ask whoever looks after the PC.");
    }
    if (const auto* b = dynamic_cast<const db::Error*>(&e)) {
        if (b->is_busy()) return st("The database is busy (the kiosk is saving). Try again in a moment.");
        return st("The database reported an error. Ask whoever looks after the PC.");
    }
    if (text::staff_language() == "en") return e.what();
    return st("Something went wrong.");
}

std::string warning_text(const std::string& warning) {
    const char* translated = st(warning.c_str());
    if (translated != warning.c_str() && std::strcmp(translated, warning.c_str()) != 0) return translated;
    if (text::staff_language() == "en") return warning;
    return st("Note: the session is on a day or at an hour when the centre is closed (opening hours).");
}

}  // namespace indgang::admin::gui
