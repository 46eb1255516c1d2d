#include "core/domain/booking.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <sodium.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace indgang {

BookingRules booking_rules(db::Db& db) {
    BookingRules r;
    r.window_days = get_setting_int(db, "booking.window_days", r.window_days);
    r.checkin_before_minutes = get_setting_int(db, "checkin.before_minutes", r.checkin_before_minutes);
    r.checkin_after_minutes = get_setting_int(db, "checkin.after_minutes", r.checkin_after_minutes);
    r.missed_grace_minutes = get_setting_int(db, "booking.missed_grace_minutes", r.missed_grace_minutes);
    return r;
}

// [SECTION] Nicknames and codes ------------------------------------------------------------------

std::optional<std::string> clean_nickname(std::string_view raw) {
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

// [SECTION] Booking and cancelling ---------------------------------------------------------------

Booking book(db::Db& db, const SlotRef& ref, std::string_view raw_nickname, Instant now,
             BookingSource source) {
    const auto nickname = clean_nickname(raw_nickname);
    const Session session = get_session(db, ref.session_id);
    const TimeZone tz = site_timezone(db, session.site_id);
    const BookingRules rules = booking_rules(db);

    if (!session_runs_on(session, ref.date))
        throw DomainError(ErrorCode::SlotUnavailable, "the session does not run on that day");
    if (is_session_cancelled(db, session.id, ref.date))
        throw DomainError(ErrorCode::SessionCancelled, "the session on that day is cancelled");
    std::optional<Slot> slot;
    for (auto& s : generate_slots(session, ref.date, tz))
        if (s.start_minute == ref.start_minute) slot = s;
    if (!slot) throw DomainError(ErrorCode::SlotUnavailable, "there is no such time in the session");
    if (slot->start <= now) throw DomainError(ErrorCode::SlotUnavailable, "that time has passed");
    if (ref.date > add_days(tz.today(now), rules.window_days))
        throw DomainError(ErrorCode::OutsideBookingWindow,
                          "bookings open " + std::to_string(rules.window_days) + " days ahead");

    // The unique index booking_one_per_slot decides races; a code collision just draws again.
    for (int attempt = 0; attempt < 20; ++attempt) {
        const std::string code = make_code();
        try {
            db::Transaction tx(db);
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

Booking cancel_booking(db::Db& db, const std::string& code, Instant now) {
    auto b = find_latest_booking(db, code);
    if (!b) throw DomainError(ErrorCode::UnknownCode, "no booking has the code " + code);
    if (b->status == BookingStatus::Cancelled)
        throw DomainError(ErrorCode::BookingCancelled, "that booking is already cancelled");
    if (b->status != BookingStatus::Booked)
        throw DomainError(ErrorCode::WrongStatus,
                          std::string("a booking that is ") + to_string(b->status) +
                              " cannot be cancelled");
    db.cached("UPDATE booking SET status = 'cancelled', status_at = ? WHERE id = ? AND status = 'booked'")
        .bind(now, b->id)
        .exec();
    if (db.changes() != 1)
        throw DomainError(ErrorCode::WrongStatus, "the booking changed meanwhile; look again");
    return get_booking(db, b->id);
}

// [SECTION] Check-in and the status flow ---------------------------------------------------------

CheckInResult check_in(db::Db& db, Id site_id, const std::string& code, Instant now) {
    if (!is_valid_code(code)) throw DomainError(ErrorCode::UnknownCode, "a code is 5 digits");
    auto b = find_latest_booking(db, code);
    if (!b || b->site_id != site_id)
        throw DomainError(ErrorCode::UnknownCode, "no booking here has the code " + code);
    const BookingRules rules = booking_rules(db);
    if (is_session_cancelled(db, b->session_id, b->date))
        throw DomainError(ErrorCode::SessionCancelled, "the caseworker cancelled that day", b->start);
    switch (b->status) {
        case BookingStatus::Cancelled:
            throw DomainError(ErrorCode::BookingCancelled, "that booking was cancelled", b->start);
        case BookingStatus::CheckedIn:
        case BookingStatus::Seen:
            throw DomainError(ErrorCode::AlreadyCheckedIn, "you are already checked in",
                              b->checked_in_at.value_or(b->start));
        case BookingStatus::Missed:
            throw DomainError(ErrorCode::TooLate, "the time has passed", b->start);
        case BookingStatus::Booked:
            break;
    }
    const Instant opens = b->start - rules.checkin_before_minutes * 60;
    const Instant closes = b->start + rules.checkin_after_minutes * 60;
    if (now < opens) throw DomainError(ErrorCode::TooEarly, "check-in opens later", opens);
    if (now > closes) throw DomainError(ErrorCode::TooLate, "the time has passed", b->start);

    db::Transaction tx(db);
    db.cached("UPDATE booking SET status = 'checked_in', checked_in_at = ?, status_at = ? "
              "WHERE id = ? AND status = 'booked'")
        .bind(now, now, b->id)
        .exec();
    if (db.changes() != 1)
        throw DomainError(ErrorCode::AlreadyCheckedIn, "you are already checked in", now);
    CheckInResult r;
    r.ahead = *db.cached("SELECT count(*) FROM booking WHERE session_id = ? AND slot_date = ? "
                         "AND status = 'checked_in' AND slot_start < ?")
                   .bind(b->session_id, format_date(b->date), b->start)
                   .first([](db::Stmt& s) { return s.integer(0); });
    tx.commit();
    r.booking = get_booking(db, b->id);
    return r;
}

void mark_seen(db::Db& db, Id id, Instant now) {
    db.cached("UPDATE booking SET status = 'seen', status_at = ? "
              "WHERE id = ? AND status IN ('booked', 'checked_in', 'missed', 'seen')")
        .bind(now, id)
        .exec();
    if (db.changes() != 1) {
        const Booking b = get_booking(db, id);  // NotFound when it does not exist
        throw DomainError(ErrorCode::WrongStatus,
                          std::string("a ") + to_string(b.status) + " booking cannot be marked seen");
    }
}

void mark_no_show(db::Db& db, Id id, Instant now) {
    db.cached("UPDATE booking SET status = 'missed', status_at = ? "
              "WHERE id = ? AND status IN ('booked', 'checked_in', 'seen', 'missed')")
        .bind(now, id)
        .exec();
    if (db.changes() != 1) {
        const Booking b = get_booking(db, id);
        throw DomainError(ErrorCode::WrongStatus,
                          std::string("a ") + to_string(b.status) + " booking cannot be a no-show");
    }
}

int mark_missed(db::Db& db, Instant now) {
    const int grace = booking_rules(db).missed_grace_minutes * 60;
    db.cached("UPDATE booking SET status = 'missed', status_at = ? "
              "WHERE status = 'booked' AND slot_end + ? < ?")
        .bind(now, grace, now)
        .exec();
    return db.changes();
}

}  // namespace indgang
