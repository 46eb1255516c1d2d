#include "core/domain/housekeeping.hpp"

#include "core/db/store.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/retention.hpp"
#include "core/domain/settings.hpp"

#include <filesystem>
#include <string>

namespace indgang {

namespace {
constexpr const char* kLastClock = "housekeeping.last_clock";     // internal, not a setting
constexpr const char* kLastRefusal = "housekeeping.last_refusal";  // the clock last refused
constexpr const char* kLastIntegrityCheck = "housekeeping.last_integrity_check";
// A clock a few minutes behind is NTP stepping or two tools racing, not a jump.
constexpr Instant kBackwardSlack = 10 * 60;

// Copenhagen wall time: what staff compare with the clock on the wall.
std::string when(Instant t) {
    const LocalTime l = TimeZone("Europe/Copenhagen").to_local(t);
    return format_date(l.date) + " " + format_minute(l.minute);
}
}  // namespace

std::optional<std::string> clock_problem(db::Db& db, Instant now) {
    const auto last = get_setting(db, kLastClock);
    if (!last) return std::nullopt;
    Instant seen = 0;
    try {
        seen = std::stoll(*last);
    } catch (const std::exception&) {
        return std::nullopt;  // unreadable: start afresh rather than block forever
    }
    if (now < seen - kBackwardSlack)
        return "the clock says " + when(now) + ", earlier than the last run at " + when(seen) +
               "; check the system time (or a leftover INDGANG_NOW)";
    const Instant max_jump = setting_int(db, settings_key::kMaxClockJumpHours) * 3600;
    if (now > seen + max_jump)
        return "the clock says " + when(now) + ", " + std::to_string((now - seen) / 3600) +
               " hours after the last run at " + when(seen) +
               "; if that is right, confirm it with 'indgang-admin housekeeping --accept-clock'";
    return std::nullopt;
}

HousekeepingResult run_housekeeping(db::Db& db, Instant now) {
    HousekeepingResult r;
    if (db.read_only()) {
        r.refused = "the database is open read-only";
        return r;
    }
    if (auto why = clock_problem(db, now)) {
        r.refused = *why;
        if (get_setting(db, kLastRefusal) != std::to_string(now / 3600)) {
            db::Transaction tx(db);
            log_event(db, now, "clock", "housekeeping refused: " + *why);
            set_setting(db, kLastRefusal, std::to_string(now / 3600));
            tx.commit();
        }
        return r;
    }
    // A file too big for integrity_check at every open (store.hpp) gets it once a day here, before
    // anything is written: a damaged index must not let a slot be booked twice for long.
    {
        std::error_code ec;
        const auto bytes = db.path() == ":memory:" ? 0 : std::filesystem::file_size(db.path(), ec);
        const auto last = get_setting(db, kLastIntegrityCheck);
        if (!ec && bytes > db::kFullCheckBytes && (!last || std::stoll(*last) + 86400 <= now)) {
            const std::string check = db::integrity_check(db);
            if (check != "ok")
                throw db::StoreError(db::StoreError::Kind::Corrupt,
                                     db.path() + " failed its integrity check: " + check);
            set_setting(db, kLastIntegrityCheck, std::to_string(now));
            r.integrity_checked = true;
        }
    }
    db::Transaction tx(db);
    r.marked_missed = mark_missed(db, now);
    r.nicknames_erased = purge_personal_data(db, now);
    const auto last = get_setting(db, kLastClock);
    if (!last || std::stoll(*last) < now) set_setting(db, kLastClock, std::to_string(now));
    tx.commit();
    r.ran = true;
    return r;
}

void accept_clock(db::Db& db, Instant now) {
    db::Transaction tx(db);
    set_setting(db, kLastClock, std::to_string(now));
    log_event(db, now, "clock", "staff confirmed the clock: " + when(now));
    tx.commit();
}

}  // namespace indgang
