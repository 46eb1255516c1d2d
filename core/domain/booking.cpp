#include "core/domain/booking.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/input_text.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace indgang {

BookingRules booking_rules(db::Db& db) {
    BookingRules r;
    using namespace settings_key;
    r.window_days = static_cast<int>(setting_int(db, kWindowDays));
    r.checkin_before_minutes = static_cast<int>(setting_int(db, kCheckinBeforeMinutes));
    r.checkin_after_minutes = static_cast<int>(setting_int(db, kCheckinAfterMinutes));
    r.missed_grace_minutes = static_cast<int>(setting_int(db, kMissedGraceMinutes));
    return r;
}

// [SECTION] Nicknames and codes ------------------------------------------------------------------

std::optional<std::string> clean_nickname(std::string_view raw) {
    if (!is_valid_utf8(raw)) throw DomainError(ErrorCode::Invalid, "the nickname is not valid text");
    icu::UnicodeString s = icu::UnicodeString::fromUTF8(
        icu::StringPiece(raw.data(), static_cast<int32_t>(raw.size())));
    if (s.indexOf(static_cast<UChar>(0xFFFD)) >= 0 && raw.find("\xEF\xBF\xBD") == std::string_view::npos)
        throw DomainError(ErrorCode::Invalid, "the nickname is not valid text");
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_SUCCESS(status)) s = nfc->normalize(s, status);
    if (U_FAILURE(status)) throw DomainError(ErrorCode::Invalid, "the nickname is not valid text");
    // Trim every kind of Unicode white space, not only ASCII.
    int32_t begin = 0, end = s.length();
    while (begin < end && u_isUWhiteSpace(s.char32At(begin))) begin = s.moveIndex32(begin, 1);
    while (end > begin && u_isUWhiteSpace(s.char32At(s.moveIndex32(end, -1)))) end = s.moveIndex32(end, -1);
    s = icu::UnicodeString(s, begin, end - begin);
    if (s.isEmpty()) return std::nullopt;
    {
        std::string trimmed;
        s.toUTF8String(trimmed);
        if (shows_blank(trimmed))
            throw DomainError(ErrorCode::Invalid,
                              "the nickname shows as blank; leave it empty or use letters");
        if (looks_like_cpr(trimmed))
            throw DomainError(ErrorCode::PersonalNumber,
                              "that looks like a CPR number; we never need it, a nickname is enough");
        if (looks_like_phone(trimmed))
            throw DomainError(ErrorCode::PersonalNumber,
                              "that looks like a phone number; we never need it, a nickname is enough");
    }
    for (int32_t i = 0; i < s.length(); i = s.moveIndex32(i, 1)) {
        const UChar32 c = s.char32At(i);
        // Format characters (Cf) such as ZWNJ/ZWJ are ordinary Persian or emoji spelling and
        // stay; bidi embeddings, overrides and isolates could make a nickname display as
        // something else on the staff list, so they go with the control characters.
        const auto type = u_charType(c);
        const bool bidi_control = (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
        if (type == U_CONTROL_CHAR || type == U_UNASSIGNED || type == U_LINE_SEPARATOR ||
            type == U_PARAGRAPH_SEPARATOR || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE ||
            bidi_control)
            throw DomainError(ErrorCode::Invalid, "the nickname contains control characters");
    }
    if (s.countChar32() > 40)
        throw DomainError(ErrorCode::Invalid, "the nickname is longer than 40 characters");
    std::string out;
    s.toUTF8String(out);
    return out;
}

std::string make_code() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    std::string code(5, '0');
    for (auto& c : code) c = static_cast<char>('0' + randombytes_uniform(10));
    return code;
}

bool is_valid_code(std::string_view code) {
    if (code.size() != 5) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

// [SECTION] Reading bookings ------------------------------------------------------------------

#define BOOKING_SELECT                                                                          \
    "SELECT b.id, b.session_id, s.site_id, s.service_id, b.slot_date, b.slot_start, b.slot_end, " \
    "b.nickname, b.code, b.status, b.source, s.caseworker, b.created_at, b.checked_in_at "       \
    "FROM booking b JOIN session s ON s.id = b.session_id "

static Booking read_booking(db::Stmt& s) {
    Booking b;
    b.id = s.int64(0);
    b.session_id = s.int64(1);
    b.site_id = s.int64(2);
    b.service_id = s.int64(3);
    b.date = *parse_date(s.text(4));
    b.start = s.int64(5);
    b.end = s.int64(6);
    b.nickname = s.opt_text(7);
    b.code = s.text(8);
    b.status = booking_status_from(s.text(9));
    b.source = s.text(10) == "staff" ? BookingSource::Staff : BookingSource::Kiosk;
    b.caseworker = s.text(11);
    b.created_at = s.int64(12);
    b.checked_in_at = s.opt_int64(13);
    return b;
}

Booking get_booking(db::Db& db, Id id) {
    auto b = db.cached(BOOKING_SELECT "WHERE b.id = ?").bind(id).first(read_booking);
    if (!b) throw DomainError(ErrorCode::NotFound, "no booking " + std::to_string(id));
    return *b;
}

std::optional<Booking> find_live_booking(db::Db& db, const std::string& code) {
    return db.cached(BOOKING_SELECT "WHERE b.code = ? AND b.status IN ('booked', 'checked_in')")
        .bind(code)
        .first(read_booking);
}

// The most recent booking with this code, live or not: a cancelled or missed code still deserves
// a specific answer rather than "unknown".
static std::optional<Booking> find_latest_booking(db::Db& db, const std::string& code) {
    if (auto live = find_live_booking(db, code)) return live;
    return db.cached(BOOKING_SELECT "WHERE b.code = ? ORDER BY b.slot_start DESC LIMIT 1")
        .bind(code)
        .first(read_booking);
}

std::vector<Booking> bookings_on(db::Db& db, Id site_id, Date date) {
    std::vector<Booking> out;
    auto& s = db.cached(BOOKING_SELECT "WHERE s.site_id = ? AND b.slot_date = ? "
                                       "ORDER BY b.slot_start, b.id");
    s.bind(site_id, format_date(date));
    while (s.step()) out.push_back(read_booking(s));
    return out;
}

// [SECTION] Status changes and the audit trail ------------------------------------------------

// Changes one booking's status from exactly `from` (so a concurrent change is noticed, not
// overwritten) and records who did it. Must run inside the caller's transaction.
static void change_status(db::Db& db, const Booking& b, BookingStatus to, Instant now,
                          const std::string& actor, const std::string& note) {
    db.cached("UPDATE booking SET status = ?, status_at = ? WHERE id = ? AND status = ?")
        .bind(to_string(to), now, b.id, to_string(b.status))
        .exec();
    if (db.changes() != 1)
        throw DomainError(ErrorCode::WrongStatus, "the booking changed meanwhile; look again");
    db.cached("INSERT INTO booking_status_change(booking_id, at, from_status, to_status, actor, note) "
              "VALUES (?, ?, ?, ?, ?, ?)")
        .bind(b.id, now, to_string(b.status), to_string(to), actor, note)
        .exec();
}

std::vector<StatusChange> status_history(db::Db& db, Id booking_id) {
    std::vector<StatusChange> out;
    auto& s = db.cached("SELECT booking_id, at, from_status, to_status, actor, note "
                        "FROM booking_status_change WHERE booking_id = ? ORDER BY id");
    s.bind(booking_id);
    while (s.step())
        out.push_back({s.int64(0), s.int64(1), booking_status_from(s.text(2)),
                       booking_status_from(s.text(3)), s.text(4), s.text(5)});
    return out;
}

void restore_by_centre(db::Db& db, const Booking& b, BookingStatus to, Instant now,
                       const std::string& why, const std::string& actor) {
    change_status(db, b, to, now, actor, why);
}

void cancel_by_centre(db::Db& db, const std::vector<Booking>& bookings, Instant now,
                      const std::string& actor, const std::string& why) {
    db::Transaction tx(db);
    for (const auto& b : bookings) change_status(db, b, BookingStatus::CentreCancelled, now, actor, why);
    tx.commit();
}

// Whether the centre still holds this booking's date: the session runs, the date is not
// cancelled and the centre is not closed. When not, the booking is the centre's to cancel.
static bool centre_holds(db::Db& db, const Booking& b) {
    const Session s = get_session(db, b.session_id);
    return session_runs_on(s, b.date) && !is_session_cancelled(db, s.id, b.date) &&
           !closure_on(db, s.site_id, b.date);
}

// [SECTION] Booking and cancelling ---------------------------------------------------------------

Booking book(db::Db& db, const SlotRef& ref, std::string_view raw_nickname, Instant now,
             BookingSource source) {
    const auto nickname = clean_nickname(raw_nickname);
    const BookingRules rules = booking_rules(db);

    // The code is drawn outside, everything the centre decides is read inside the write
    // transaction: BEGIN IMMEDIATE serialises us with cancel-date, closures and session edits,
    // so no booking can land on a day the centre has just cancelled.
    for (int attempt = 0; attempt < 20; ++attempt) {
        const std::string code = make_code();
        try {
            db::Transaction tx(db);
            const Session session = get_session(db, ref.session_id);
            const TimeZone tz = site_timezone(db, session.site_id);
            if (!session_runs_on(session, ref.date))
                throw DomainError(ErrorCode::SlotUnavailable, "the session does not run on that day");
            if (is_session_cancelled(db, session.id, ref.date))
                throw DomainError(ErrorCode::SessionCancelled, "the session on that day is cancelled");
            if (closure_on(db, session.site_id, ref.date))
                throw DomainError(ErrorCode::SessionCancelled, "the centre is closed that day");
            std::optional<Slot> slot;
            for (auto& s : generate_slots(session, ref.date, tz))
                if (s.start_minute == ref.start_minute) slot = s;
            if (!slot)
                throw DomainError(ErrorCode::SlotUnavailable, session.walkin_only
                                                                  ? "that session is for walk-ins only"
                                                                  : "there is no such time in the session");
            if (slot->start <= now) throw DomainError(ErrorCode::SlotUnavailable, "that time has passed");
            if (ref.date > add_days(tz.today(now), rules.window_days))
                throw DomainError(ErrorCode::OutsideBookingWindow,
                                  "bookings open " + std::to_string(rules.window_days) + " days ahead");
            db.cached("INSERT INTO booking(session_id, slot_date, slot_start, slot_end, nickname, "
                      "code, status, source, created_at) VALUES (?, ?, ?, ?, ?, ?, 'booked', ?, ?)")
                .bind(session.id, format_date(ref.date), slot->start, slot->end, nickname, code,
                      source == BookingSource::Staff ? "staff" : "kiosk", now)
                .exec();
            const Id id = db.last_insert_id();
            tx.commit();
            return get_booking(db, id);
        } catch (const db::Error& e) {
            if (!e.is_constraint()) throw;
            if (std::string(e.what()).find("booking.code") != std::string::npos) continue;
            throw DomainError(ErrorCode::SlotTaken, "that time was just taken by someone else");
        }
    }
    throw DomainError(ErrorCode::Invalid, "could not find a free check-in code; try again");
}

Booking cancel_booking(db::Db& db, const std::string& code, Instant now, const std::string& actor) {
    db::Transaction tx(db);
    auto b = find_latest_booking(db, code);
    if (!b) throw DomainError(ErrorCode::UnknownCode, "no booking has the code " + code);
    if (b->status == BookingStatus::Cancelled)
        throw DomainError(ErrorCode::BookingCancelled, "that booking is already cancelled");
    if (b->status == BookingStatus::CentreCancelled)
        throw DomainError(ErrorCode::CentreCancelled, "the centre has already cancelled that booking");
    if (b->status != BookingStatus::Booked)
        throw DomainError(ErrorCode::WrongStatus,
                          std::string("a booking that is ") + to_string(b->status) +
                              " cannot be cancelled");
    change_status(db, *b, BookingStatus::Cancelled, now, actor, "");
    tx.commit();
    return get_booking(db, b->id);
}

// [SECTION] Check-in and the status flow ---------------------------------------------------------

CheckInResult check_in(db::Db& db, Id site_id, const std::string& code, Instant now, const std::string& actor) {
    if (!is_valid_code(code)) throw DomainError(ErrorCode::UnknownCode, "a code is 5 digits");
    db::Transaction tx(db);
    auto b = find_latest_booking(db, code);
    if (!b || b->site_id != site_id)
        throw DomainError(ErrorCode::UnknownCode, "no booking here has the code " + code);
    const BookingRules rules = booking_rules(db);
    // The centre called it off (a cancelled date, a closure, a session that ended): say so
    // kindly, whatever the stored status still says.
    if (b->status == BookingStatus::CentreCancelled ||
        ((b->status == BookingStatus::Booked || b->status == BookingStatus::CheckedIn) &&
         !centre_holds(db, *b)))
        throw DomainError(ErrorCode::CentreCancelled, "the caseworker is not coming that day", b->start);
    switch (b->status) {
        case BookingStatus::Cancelled:
            throw DomainError(ErrorCode::BookingCancelled, "that booking was cancelled", b->start);
        case BookingStatus::CheckedIn:
        case BookingStatus::Seen:
            throw DomainError(ErrorCode::AlreadyCheckedIn, "you are already checked in",
                              b->checked_in_at.value_or(b->start));
        case BookingStatus::Missed:
            throw DomainError(ErrorCode::TooLate, "the time has passed", b->start);
        case BookingStatus::CentreCancelled:
        case BookingStatus::Booked:
            break;
    }
    const Instant opens = b->start - rules.checkin_before_minutes * 60;
    const Instant closes = b->start + rules.checkin_after_minutes * 60;
    if (now < opens) throw DomainError(ErrorCode::TooEarly, "check-in opens later", opens);
    if (now > closes) throw DomainError(ErrorCode::TooLate, "the time has passed", b->start);

    change_status(db, *b, BookingStatus::CheckedIn, now, actor, "");
    db.cached("UPDATE booking SET checked_in_at = ? WHERE id = ?").bind(now, b->id).exec();
    CheckInResult r;
    r.ahead = *db.cached("SELECT count(*) FROM booking WHERE session_id = ? AND slot_date = ? "
                         "AND status = 'checked_in' AND slot_start < ?")
                   .bind(b->session_id, format_date(b->date), b->start)
                   .first([](db::Stmt& s) { return s.integer(0); });
    tx.commit();
    r.booking = get_booking(db, b->id);
    return r;
}

Instant missed_from(db::Db& db, const Booking& b) {
    return b.end + booking_rules(db).missed_grace_minutes * 60;
}

void set_booking_status(db::Db& db, Id id, BookingStatus to, Instant now, const std::string& actor) {
    db::Transaction tx(db);
    const Booking b = get_booking(db, id);
    if (b.status == to) return;  // nothing to change, nothing to record
    if (b.status == BookingStatus::CentreCancelled)
        throw DomainError(ErrorCode::CentreCancelled,
                          "the centre cancelled this booking; restore the date to bring it back");
    if (to == BookingStatus::CentreCancelled)
        throw DomainError(ErrorCode::Invalid, "cancel the date or the session instead");
    if (to == BookingStatus::Missed && now < missed_from(db, b))
        throw DomainError(ErrorCode::NotYet,
                          "a booking can be marked a no-show only after its time has ended (plus " +
                              std::to_string(booking_rules(db).missed_grace_minutes) + " minutes)",
                          missed_from(db, b));
    if (to == BookingStatus::CheckedIn)
        throw DomainError(ErrorCode::Invalid, "visitors check in themselves; mark them seen instead");
    if (to == BookingStatus::Booked || to == BookingStatus::Seen) {
        // Back from cancelled: only while the centre still holds that date.
        if (!centre_holds(db, b))
            throw DomainError(ErrorCode::CentreCancelled, "the caseworker is not coming that day");
    }
    try {
        change_status(db, b, to, now, actor, "");
    } catch (const db::Error& e) {
        // Un-cancelling a booking whose slot someone else took meanwhile.
        if (e.is_constraint())
            throw DomainError(ErrorCode::SlotTaken, "that time has been booked by someone else since");
        throw;
    }
    tx.commit();
}

void mark_seen(db::Db& db, Id id, Instant now, const std::string& actor) {
    const Booking b = get_booking(db, id);
    if (b.status == BookingStatus::Cancelled)
        throw DomainError(ErrorCode::WrongStatus, "a cancelled booking cannot be marked seen");
    set_booking_status(db, id, BookingStatus::Seen, now, actor);
}

void mark_no_show(db::Db& db, Id id, Instant now, const std::string& actor) {
    const Booking b = get_booking(db, id);
    if (b.status == BookingStatus::Cancelled)
        throw DomainError(ErrorCode::WrongStatus, "a cancelled booking cannot be a no-show");
    set_booking_status(db, id, BookingStatus::Missed, now, actor);
}

BookingStatus undo_status(db::Db& db, Id id, Instant now, const std::string& actor) {
    const auto history = status_history(db, id);
    if (history.empty()) throw DomainError(ErrorCode::Invalid, "nothing to undo for this booking");
    const StatusChange& last = history.back();
    const Booking b = get_booking(db, id);
    if (last.to != b.status) throw DomainError(ErrorCode::WrongStatus, "the booking changed meanwhile; look again");
    if (last.from == BookingStatus::CheckedIn) {
        // Undoing "seen" after a check-in gives the check-in back, not a plain booking.
        db::Transaction tx(db);
        change_status(db, b, BookingStatus::CheckedIn, now, actor, "undo");
        tx.commit();
        return BookingStatus::CheckedIn;
    }
    set_booking_status(db, id, last.from, now, actor);
    return last.from;
}

int mark_missed(db::Db& db, Instant now) {
    const int grace = booking_rules(db).missed_grace_minutes * 60;
    db::Transaction tx(db);
    // First what the centre called off but is still stored as booked (older data, a session
    // ended by hand in the file): that is never the visitor's no-show.
    std::vector<Booking> overdue;
    {
        auto& s = db.cached(BOOKING_SELECT "WHERE b.status IN ('booked', 'checked_in') AND b.slot_end + ? < ?");
        s.bind(grace, now);
        while (s.step()) overdue.push_back(read_booking(s));
    }
    int missed = 0;
    for (const auto& b : overdue) {
        if (!centre_holds(db, b)) {
            change_status(db, b, BookingStatus::CentreCancelled, now, "housekeeping",
                          "the session did not run that day");
        } else if (b.status == BookingStatus::Booked) {
            change_status(db, b, BookingStatus::Missed, now, "housekeeping", "");
            ++missed;
        }
    }
    tx.commit();
    return missed;
}

}  // namespace indgang
