#include "core/domain/timetable.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/input_text.hpp"
#include "core/domain/settings.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace indgang {

// [SECTION] Sites and services ----------------------------------------------------------------

static void require(bool ok, const std::string& what) {
    if (!ok) throw DomainError(ErrorCode::Invalid, what);
}

// One event_log row per timetable change, naming who made it (inside the caller's transaction).
static void audit(db::Db& db, Instant now, const std::string& actor, const std::string& what) {
    log_event(db, now, "timetable", actor + ": " + what);
}

static void validate(const Site& site) {
    require_valid_text(site.name, "the site's name", 120);
    require_valid_text(site.address, "the address", 200);
    require(!site.name.empty(), "a site needs a name");
}

Id add_site(db::Db& db, const Site& site) {
    validate(site);
    TimeZone check(site.timezone);  // throws on an unknown zone
    db::Transaction tx(db);
    // A new centre starts with the standard services, so its first session can be added at once.
    if (list_services(db, true).empty()) ensure_standard_services(db);
    db.cached("INSERT INTO site(name, address, timezone) VALUES (?, ?, ?)")
        .bind(site.name, site.address, site.timezone)
        .exec();
    const Id id = db.last_insert_id();
    set_opening_hours(db, id, site.hours);
    tx.commit();
    return id;
}

void update_site(db::Db& db, const Site& site) {
    validate(site);
    db.cached("UPDATE site SET name = ?, address = ? WHERE id = ?").bind(site.name, site.address, site.id).exec();
    if (db.changes() == 0) throw DomainError(ErrorCode::NotFound, "no site " + std::to_string(site.id));
}

void set_opening_hours(db::Db& db, Id site_id, const std::vector<OpeningHours>& hours) {
    for (const auto& h : hours)
        require(h.weekday >= 1 && h.weekday <= 7 && h.open_minute >= 0 &&
                    h.open_minute < h.close_minute && h.close_minute <= 1440,
                "opening hours must be a weekday 1–7 with open before close");
    db::Transaction tx(db);
    db.cached("DELETE FROM opening_hours WHERE site_id = ?").bind(site_id).exec();
    for (const auto& h : hours)
        db.cached("INSERT INTO opening_hours(site_id, weekday, open_minute, close_minute) "
                  "VALUES (?, ?, ?, ?)")
            .bind(site_id, h.weekday, h.open_minute, h.close_minute)
            .exec();
    tx.commit();
}

static std::vector<OpeningHours> hours_of(db::Db& db, Id site_id) {
    std::vector<OpeningHours> out;
    auto& s = db.cached("SELECT weekday, open_minute, close_minute FROM opening_hours "
                        "WHERE site_id = ? ORDER BY weekday");
    s.bind(site_id);
    while (s.step()) out.push_back({s.integer(0), s.integer(1), s.integer(2)});
    return out;
}

std::vector<Site> list_sites(db::Db& db) {
    std::vector<Site> out;
    auto& s = db.cached("SELECT id, name, address, timezone FROM site ORDER BY id");
    s.bind();
    while (s.step()) out.push_back({s.int64(0), s.text(1), s.text(2), s.text(3), {}});
    for (auto& site : out) site.hours = hours_of(db, site.id);
    return out;
}

Site get_site(db::Db& db, Id site_id) {
    auto site = db.cached("SELECT id, name, address, timezone FROM site WHERE id = ?")
                    .bind(site_id)
                    .first([](db::Stmt& s) { return Site{s.int64(0), s.text(1), s.text(2), s.text(3), {}}; });
    if (!site) throw DomainError(ErrorCode::NotFound, "no site " + std::to_string(site_id));
    site->hours = hours_of(db, site_id);
    return *site;
}

TimeZone site_timezone(db::Db& db, Id site_id) {
    // One ICU zone object per name for the process: constructing one costs more than a query.
    static std::map<std::string, TimeZone> zones;
    const auto name = db.cached("SELECT timezone FROM site WHERE id = ?")
                          .bind(site_id)
                          .first([](db::Stmt& s) { return s.text(0); });
    if (!name) throw DomainError(ErrorCode::NotFound, "no site " + std::to_string(site_id));
    auto it = zones.find(*name);
    if (it == zones.end()) it = zones.emplace(*name, TimeZone(*name)).first;
    return it->second;
}

static Service read_service(db::Stmt& s) {
    Service v;
    v.id = s.int64(0);
    v.key = s.text(1);
    v.name = s.text(2);
    v.description = s.text(3);
    v.icon = s.text(4);
    v.walkin_prefix = s.text(5);
    v.sort = s.integer(6);
    v.active = s.integer(7) != 0;
    return v;
}

#define SERVICE_COLUMNS "id, key, name, description, icon, walkin_prefix, sort, active"

static void validate(const Service& v) {
    require_valid_text(v.key, "the service key", 40);
    require_valid_text(v.name, "the service name", 80);
    require_valid_text(v.description, "the description", 300);
    require_valid_text(v.icon, "the icon name", 40);
    require(!v.key.empty() && !v.name.empty(), "a service needs a key and a name");
    require(v.walkin_prefix.size() == 1 && v.walkin_prefix[0] >= 'A' && v.walkin_prefix[0] <= 'Z',
            "the walk-in prefix is one capital letter A–Z");
}

Id add_service(db::Db& db, const Service& v) {
    validate(v);
    try {
        db.cached("INSERT INTO service(key, name, description, icon, walkin_prefix, sort, active) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)")
            .bind(v.key, v.name, v.description, v.icon, v.walkin_prefix, v.sort, v.active)
            .exec();
    } catch (const db::Error& e) {
        if (e.is_constraint())
            throw DomainError(ErrorCode::Invalid, "a service with key '" + v.key + "' exists");
        throw;
    }
    return db.last_insert_id();
}

void update_service(db::Db& db, const Service& v) {
    validate(v);
    db.cached("UPDATE service SET key = ?, name = ?, description = ?, icon = ?, "
              "walkin_prefix = ?, sort = ?, active = ? WHERE id = ?")
        .bind(v.key, v.name, v.description, v.icon, v.walkin_prefix, v.sort, v.active, v.id)
        .exec();
    if (db.changes() == 0) throw DomainError(ErrorCode::NotFound, "no service " + std::to_string(v.id));
}

std::vector<Service> list_services(db::Db& db, bool include_inactive) {
    std::vector<Service> out;
    auto& s = db.cached("SELECT " SERVICE_COLUMNS " FROM service WHERE active OR ? ORDER BY sort, id");
    s.bind(include_inactive);
    while (s.step()) out.push_back(read_service(s));
    return out;
}

Service get_service(db::Db& db, Id id) {
    auto v = db.cached("SELECT " SERVICE_COLUMNS " FROM service WHERE id = ?").bind(id).first(read_service);
    if (!v) throw DomainError(ErrorCode::NotFound, "no service " + std::to_string(id));
    return *v;
}

Service get_service_by_key(db::Db& db, const std::string& key) {
    auto v = db.cached("SELECT " SERVICE_COLUMNS " FROM service WHERE key = ?").bind(key).first(read_service);
    if (!v) throw DomainError(ErrorCode::NotFound, "no service '" + key + "'");
    return *v;
}

// [SECTION] Sessions ----------------------------------------------------------------------------

#define SESSION_COLUMNS                                                                       \
    "id, site_id, service_id, caseworker, weekday, first_date, last_date, start_minute, "     \
    "end_minute, slot_minutes, bookable_slots, walkin_minutes, walkin_only, replaces"

static Session read_session(db::Stmt& s) {
    Session v;
    v.id = s.int64(0);
    v.site_id = s.int64(1);
    v.service_id = s.int64(2);
    v.caseworker = s.text(3);
    if (!s.is_null(4)) v.weekday = s.integer(4);
    v.first_date = *parse_date(s.text(5));
    if (auto last = s.opt_text(6)) v.last_date = parse_date(*last);
    v.start_minute = s.integer(7);
    v.end_minute = s.integer(8);
    v.slot_minutes = s.integer(9);
    v.bookable_slots = s.integer(10);
    v.walkin_minutes = s.integer(11);
    v.walkin_only = s.integer(12) != 0;
    v.replaces = s.opt_int64(13);
    return v;
}

static void validate(const Session& v) {
    require(v.first_date.ok(), "the first date is not a valid date");
    require(v.start_minute >= 0 && v.start_minute < v.end_minute && v.end_minute <= 1440,
            "a session starts before it ends, within one day");
    require(v.slot_minutes >= 5 && v.slot_minutes <= 240, "slots are 5 to 240 minutes long");
    require(v.bookable_slots >= 0 && v.walkin_minutes >= 0,
            "bookable slots and walk-in minutes cannot be negative");
    require(v.walkin_minutes <= v.end_minute - v.start_minute,
            "the walk-in time cannot be longer than the session");
    require_valid_text(v.caseworker, "the caseworker's first name", 40);
    if (v.weekday) {
        require(*v.weekday >= 1 && *v.weekday <= 7, "the weekday is 1 (Monday) to 7 (Sunday)");
    } else {
        require(!v.last_date || *v.last_date == v.first_date, "a one-off session has one date");
    }
    if (v.last_date) require(*v.last_date >= v.first_date, "the last date is before the first");
}

static std::optional<std::string> last_date_text(const Session& v) {
    if (v.weekday) return v.last_date ? std::optional(format_date(*v.last_date)) : std::nullopt;
    return format_date(v.first_date);
}

// [SECTION] Timetable rules ----------------------------------------------------------------------

static bool same_caseworker(const std::string& a, const std::string& b) {
    if (a.empty() || b.empty()) return false;
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
            return false;
    return true;
}

// The first date both sessions run on, if any (at most 8 weeks are looked at: weekly patterns
// repeat every week).
static std::optional<Date> first_common_date(const Session& a, const Session& b) {
    Date from = std::max(a.first_date, b.first_date);
    for (int i = 0; i < 7 * 8; ++i) {
        const Date d = add_days(from, i);
        if (a.last_date && d > *a.last_date) break;
        if (b.last_date && d > *b.last_date) break;
        if (!a.weekday && d > a.first_date) break;
        if (!b.weekday && d > b.first_date) break;
        if (session_runs_on(a, d) && session_runs_on(b, d)) return d;
    }
    return std::nullopt;
}

static std::vector<Session> db_sessions_of_caseworker(db::Db& db, const std::string& name) {
    std::vector<Session> out;
    if (name.empty()) return out;
    auto& q = db.cached("SELECT " SESSION_COLUMNS " FROM session WHERE caseworker = ? COLLATE NOCASE");
    q.bind(name);
    while (q.step()) out.push_back(read_session(q));
    return out;
}

static const char* weekday_name(int wd) {
    static const char* names[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    return names[(wd - 1) % 7];
}

SessionCheck check_session(db::Db& db, const Session& v, std::optional<Instant> now, Id ignore) {
    SessionCheck c;
    if (now) {
        const Date today = site_timezone(db, v.site_id).today(*now);
        if (!v.weekday && v.first_date < today)
            c.errors.push_back("the date " + format_date(v.first_date) + " is in the past");
        if (v.weekday && v.last_date && *v.last_date < today)
            c.errors.push_back("the session would end in the past (" + format_date(*v.last_date) + ")");
    }
    if (!v.walkin_only && v.end_minute - v.start_minute - v.walkin_minutes < v.slot_minutes)
        c.errors.push_back("the session is too short for one " + std::to_string(v.slot_minutes) +
                           "-minute slot; make it longer or walk-ins only");
    for (const auto& other : db_sessions_of_caseworker(db, v.caseworker)) {
        if (other.id == ignore || other.id == v.id) continue;
        if (!same_caseworker(other.caseworker, v.caseworker)) continue;
        if (other.start_minute >= v.end_minute || v.start_minute >= other.end_minute) continue;
        if (auto d = first_common_date(v, other))
            c.errors.push_back(v.caseworker + " already has session #" + std::to_string(other.id) +
                               " at " + format_minute(other.start_minute) + "–" +
                               format_minute(other.end_minute) + " on " + format_date(*d));
    }
    const auto hours = get_site(db, v.site_id).hours;
    if (!hours.empty()) {
        const int wd = v.weekday ? *v.weekday : iso_weekday(v.first_date);
        auto h = std::find_if(hours.begin(), hours.end(), [wd](const OpeningHours& o) { return o.weekday == wd; });
        if (h == hours.end())
            c.warnings.push_back(std::string("the centre is closed on ") + weekday_name(wd) +
                                 "s (opening hours)");
        else if (v.start_minute < h->open_minute || v.end_minute > h->close_minute)
            c.warnings.push_back("the session runs outside the opening hours " +
                                 format_minute(h->open_minute) + "–" + format_minute(h->close_minute));
    }
    return c;
}

static void refuse_errors(const SessionCheck& c) {
    if (c.errors.empty()) return;
    std::string what = c.errors.front();
    for (size_t i = 1; i < c.errors.size(); ++i) what += "; " + c.errors[i];
    throw DomainError(ErrorCode::Invalid, what);
}

static void insert_session(db::Db& db, const Session& v) {
    db.cached("INSERT INTO session(site_id, service_id, caseworker, weekday, first_date, last_date, "
              "start_minute, end_minute, slot_minutes, bookable_slots, walkin_minutes, walkin_only, "
              "replaces) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(v.site_id, v.service_id, v.caseworker, v.weekday, format_date(v.first_date),
              last_date_text(v), v.start_minute, v.end_minute, v.slot_minutes, v.bookable_slots,
              v.walkin_minutes, v.walkin_only, v.replaces)
        .exec();
}

static void write_session(db::Db& db, const Session& v) {
    db.cached("UPDATE session SET service_id = ?, caseworker = ?, weekday = ?, first_date = ?, "
              "last_date = ?, start_minute = ?, end_minute = ?, slot_minutes = ?, "
              "bookable_slots = ?, walkin_minutes = ?, walkin_only = ? WHERE id = ?")
        .bind(v.service_id, v.caseworker, v.weekday, format_date(v.first_date), last_date_text(v),
              v.start_minute, v.end_minute, v.slot_minutes, v.bookable_slots, v.walkin_minutes,
              v.walkin_only, v.id)
        .exec();
    if (db.changes() == 0) throw DomainError(ErrorCode::NotFound, "no session " + std::to_string(v.id));
}

Id add_session(db::Db& db, const Session& v, std::optional<Instant> now, std::vector<std::string>* warnings,
               const std::string& actor) {
    validate(v);
    get_site(db, v.site_id);
    get_service(db, v.service_id);
    db::Transaction tx(db);
    const SessionCheck c = check_session(db, v, now);
    refuse_errors(c);
    insert_session(db, v);
    const Id id = db.last_insert_id();
    audit(db, now.value_or(0), actor, "session " + std::to_string(id) + " added (" + v.caseworker + ")");
    tx.commit();
    if (warnings) *warnings = c.warnings;
    return id;
}

// Live bookings of a session on or after `from`, in time order.
static std::vector<Booking> live_bookings_from(db::Db& db, const Session& s, Date from) {
    std::vector<Booking> out;
    auto& q = db.cached("SELECT id FROM booking WHERE session_id = ? AND slot_date >= ? "
                        "AND status IN ('booked', 'checked_in') ORDER BY slot_start");
    q.bind(s.id, format_date(from));
    std::vector<Id> ids;
    while (q.step()) ids.push_back(q.int64(0));
    for (Id id : ids) out.push_back(get_booking(db, id));
    return out;
}

EditResult edit_session(db::Db& db, Id session_id, const Session& changed_in, Date from, Instant now,
                        OnConflict on_conflict, const std::string& actor) {
    db::Transaction tx(db);
    const Session old = get_session(db, session_id);
    const TimeZone tz = site_timezone(db, old.site_id);
    const Date today = tz.today(now);
    require(from >= today, "a change takes effect today or later, not on " + format_date(from) +
                               "; past days keep what happened");
    Session next = changed_in;
    next.id = 0;
    next.site_id = old.site_id;
    next.replaces.reset();
    // Before the session has ever run there is no history to keep: change it in place.
    const bool in_place = from <= old.first_date || (!old.weekday && old.first_date >= today);
    if (!in_place) {
        require(old.weekday.has_value(), "a one-off session that has passed cannot be changed");
        if (next.weekday) {
            next.first_date = from;
            if (!changed_in.last_date) next.last_date = old.last_date;
        }
    } else if (next.weekday && next.first_date < today) {
        next.first_date = std::max(old.first_date, from);
    }
    validate(next);
    SessionCheck c = check_session(db, next, now, old.id);
    refuse_errors(c);

    // Which live bookings survive: the same date runs and the same start and end exist.
    EditResult r;
    r.warnings = c.warnings;
    std::vector<Booking> conflicts;
    std::vector<std::pair<Booking, Slot>> moves;
    for (auto& b : live_bookings_from(db, old, from)) {
        std::optional<Slot> match;
        for (auto& slot : generate_slots(next, b.date, tz))
            if (slot.start == b.start && slot.end == b.end) match = slot;
        if (match) moves.emplace_back(b, *match);
        else conflicts.push_back(b);
    }
    if (!conflicts.empty() && on_conflict == OnConflict::Refuse)
        throw TimetableConflict(std::to_string(conflicts.size()) +
                                    " booking(s) would lose their time; choose what happens to them",
                                conflicts);
    Id target = old.id;
    if (in_place) {
        next.id = old.id;
        write_session(db, next);
    } else {
        Session ended = old;
        ended.last_date = add_days(from, -1);
        if (*ended.last_date < ended.first_date) ended.last_date = ended.first_date;
        write_session(db, ended);
        next.replaces = old.id;
        insert_session(db, next);
        target = db.last_insert_id();
    }
    for (auto& [b, slot] : moves) {
        db.cached("UPDATE booking SET session_id = ? WHERE id = ?").bind(target, b.id).exec();
        r.carried.push_back(b);
    }
    if (!conflicts.empty()) {
        cancel_by_centre(db, conflicts, now, actor, "the timetable changed");
        for (auto& b : conflicts) r.to_tell.push_back(get_booking(db, b.id));
    }
    audit(db, now, actor, "session " + std::to_string(session_id) + " changed from " + format_date(from) +
                              (target != session_id ? " (continued as session " + std::to_string(target) + ")" : ""));
    tx.commit();
    r.session_id = target;
    return r;
}

std::vector<Booking> end_session(db::Db& db, Id session_id, Date last_date, Instant now,
                                 const std::string& actor) {
    db::Transaction tx(db);
    Session s = get_session(db, session_id);
    require(s.weekday.has_value(), "only a weekly session can be ended; cancel a one-off date");
    const Date today = site_timezone(db, s.site_id).today(now);
    require(last_date >= add_days(today, -1),
            "a session can end yesterday at the earliest; past days keep what happened");
    require(last_date >= add_days(s.first_date, -1), "the last date is before the first");
    const auto affected = live_bookings_from(db, s, add_days(last_date, 1));
    if (last_date < s.first_date) last_date = s.first_date;  // ends before it ever ran
    s.last_date = last_date;
    write_session(db, s);
    cancel_by_centre(db, affected, now, actor, "the session ended");
    audit(db, now, actor, "session " + std::to_string(session_id) + " ended after " + format_date(last_date));
    std::vector<Booking> out;
    for (const auto& b : affected) out.push_back(get_booking(db, b.id));
    tx.commit();
    return out;
}

void delete_session(db::Db& db, Id session_id, Instant now, const std::string& actor) {
    db::Transaction tx(db);
    get_session(db, session_id);
    const int bookings = *db.cached("SELECT count(*) FROM booking WHERE session_id = ?")
                              .bind(session_id)
                              .first([](db::Stmt& s) { return s.integer(0); });
    require(bookings == 0, "session #" + std::to_string(session_id) + " has " +
                               std::to_string(bookings) +
                               " booking(s) in its history; end it instead of deleting it");
    db.cached("UPDATE session SET replaces = NULL WHERE replaces = ?").bind(session_id).exec();
    db.cached("DELETE FROM session WHERE id = ?").bind(session_id).exec();
    audit(db, now, actor, "session " + std::to_string(session_id) + " deleted");
    tx.commit();
}

std::vector<Session> list_sessions(db::Db& db, Id site_id) {
    std::vector<Session> out;
    auto& s = db.cached("SELECT " SESSION_COLUMNS " FROM session WHERE site_id = ? "
                        "ORDER BY coalesce(weekday, 0), start_minute, id");
    s.bind(site_id);
    while (s.step()) out.push_back(read_session(s));
    return out;
}

Session get_session(db::Db& db, Id id) {
    auto v = db.cached("SELECT " SESSION_COLUMNS " FROM session WHERE id = ?").bind(id).first(read_session);
    if (!v) throw DomainError(ErrorCode::NotFound, "no session " + std::to_string(id));
    return *v;
}

bool session_runs_on(const Session& s, Date date) {
    if (date < s.first_date) return false;
    if (!s.weekday) return date == s.first_date;
    if (s.last_date && date > *s.last_date) return false;
    return iso_weekday(date) == *s.weekday;
}

bool is_session_cancelled(db::Db& db, Id session_id, Date date) {
    return db.cached("SELECT 1 FROM session_cancellation WHERE session_id = ? AND date = ?")
        .bind(session_id, format_date(date))
        .first([](db::Stmt&) { return true; })
        .has_value();
}

// Live bookings of a site on one date, optionally of one session.
static std::vector<Booking> live_on(db::Db& db, Id site_id, Date date, Id session_id = 0) {
    std::vector<Booking> out;
    for (auto& b : bookings_on(db, site_id, date))
        if ((session_id == 0 || b.session_id == session_id) &&
            (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn))
            out.push_back(std::move(b));
    return out;
}

// Bookings the centre cancelled on `date` that nothing cancels any more: live again.
static std::vector<Booking> bring_back(db::Db& db, Id site_id, Date date, Instant now, const std::string& actor,
                                       Id session_id = 0) {
    std::vector<Booking> out;
    for (auto& b : bookings_on(db, site_id, date)) {
        if (b.status != BookingStatus::CentreCancelled) continue;
        if (session_id != 0 && b.session_id != session_id) continue;
        if (b.end <= now) continue;  // its time has passed: it stays as it was
        const Session s = get_session(db, b.session_id);
        if (!session_runs_on(s, date) || is_session_cancelled(db, s.id, date) || closure_on(db, site_id, date))
            continue;
        // The audit trail tells what it was before the centre cancelled it.
        const auto history = status_history(db, b.id);
        const BookingStatus before = history.empty() ? BookingStatus::Booked : history.back().from;
        restore_by_centre(db, b, before, now, "the date was restored", actor);
        out.push_back(get_booking(db, b.id));
    }
    return out;
}

std::vector<Booking> cancel_session_date(db::Db& db, Id session_id, Date date,
                                         const std::string& reason, Instant now, const std::string& actor) {
    require_valid_text(reason, "the reason", 200);
    db::Transaction tx(db);
    const Session session = get_session(db, session_id);
    require(session_runs_on(session, date), "the session does not run on " + format_date(date));
    require(date >= site_timezone(db, session.site_id).today(now),
            format_date(date) + " has passed; past days keep what happened");
    db.cached("INSERT OR REPLACE INTO session_cancellation(session_id, date, reason, created_at) "
              "VALUES (?, ?, ?, ?)")
        .bind(session_id, format_date(date), reason, now)
        .exec();
    const auto affected = live_on(db, session.site_id, date, session_id);
    cancel_by_centre(db, affected, now, actor, "date cancelled: " + reason);
    audit(db, now, actor, "date " + format_date(date) + " of session " + std::to_string(session_id) + " cancelled");
    std::vector<Booking> out;
    for (const auto& b : affected) out.push_back(get_booking(db, b.id));
    tx.commit();
    return out;
}

std::vector<Booking> restore_session_date(db::Db& db, Id session_id, Date date, Instant now,
                                          const std::string& actor) {
    db::Transaction tx(db);
    const Session session = get_session(db, session_id);
    require(is_session_cancelled(db, session_id, date), format_date(date) + " is not cancelled");
    require(date >= site_timezone(db, session.site_id).today(now),
            format_date(date) + " has passed; past days keep what happened");
    db.cached("DELETE FROM session_cancellation WHERE session_id = ? AND date = ?")
        .bind(session_id, format_date(date))
        .exec();
    auto out = bring_back(db, session.site_id, date, now, actor, session_id);
    audit(db, now, actor, "date " + format_date(date) + " of session " + std::to_string(session_id) + " restored");
    tx.commit();
    return out;
}

// [SECTION] Closures -----------------------------------------------------------------------------

bool closure_on(db::Db& db, Id site_id, Date date) {
    const std::string d = format_date(date);
    return db.cached("SELECT 1 FROM closure WHERE site_id = ? AND first_date <= ? AND last_date >= ?")
        .bind(site_id, d, d)
        .first([](db::Stmt&) { return true; })
        .has_value();
}

std::vector<Closure> list_closures(db::Db& db, Id site_id) {
    std::vector<Closure> out;
    auto& q = db.cached("SELECT id, site_id, first_date, last_date, reason FROM closure "
                        "WHERE site_id = ? ORDER BY first_date, id");
    q.bind(site_id);
    while (q.step())
        out.push_back({q.int64(0), q.int64(1), *parse_date(q.text(2)), *parse_date(q.text(3)), q.text(4)});
    return out;
}

ClosureResult close_centre(db::Db& db, Id site_id, Date first, Date last, const std::string& reason,
                           Instant now, const std::string& actor) {
    require_valid_text(reason, "the reason", 200);
    require(first.ok() && last.ok() && first <= last, "a closure runs from a date to the same or a later date");
    require(last < add_days(first, 366), "a closure is at most a year long");
    db::Transaction tx(db);
    get_site(db, site_id);
    require(first >= site_timezone(db, site_id).today(now),
            format_date(first) + " has passed; past days keep what happened");
    db.cached("INSERT INTO closure(site_id, first_date, last_date, reason, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(site_id, format_date(first), format_date(last), reason, now)
        .exec();
    ClosureResult r;
    r.closure_id = db.last_insert_id();
    std::vector<Booking> affected;
    for (Date d = first; d <= last; d = add_days(d, 1))
        for (auto& b : live_on(db, site_id, d)) affected.push_back(std::move(b));
    cancel_by_centre(db, affected, now, actor, "centre closed: " + reason);
    audit(db, now, actor, "centre closed " + format_date(first) + " to " + format_date(last));
    for (const auto& b : affected) r.to_tell.push_back(get_booking(db, b.id));
    tx.commit();
    return r;
}

std::vector<Booking> reopen_centre(db::Db& db, Id closure_id, Instant now, const std::string& actor) {
    db::Transaction tx(db);
    auto c = db.cached("SELECT site_id, first_date, last_date FROM closure WHERE id = ?")
                 .bind(closure_id)
                 .first([](db::Stmt& s) {
                     return std::tuple(s.int64(0), *parse_date(s.text(1)), *parse_date(s.text(2)));
                 });
    if (!c) throw DomainError(ErrorCode::NotFound, "no closure " + std::to_string(closure_id));
    auto [site_id, first, last] = *c;
    const Date today = site_timezone(db, site_id).today(now);
    require(last >= today, "that closure has passed; past days keep what happened");
    if (first < today) {
        // Already under way: the days that passed stay closed, the rest opens again.
        db.cached("UPDATE closure SET last_date = ? WHERE id = ?")
            .bind(format_date(add_days(today, -1)), closure_id)
            .exec();
    } else {
        db.cached("DELETE FROM closure WHERE id = ?").bind(closure_id).exec();
    }
    std::vector<Booking> out;
    for (Date d = std::max(first, today); d <= last; d = add_days(d, 1))
        for (auto& b : bring_back(db, site_id, d, now, actor)) out.push_back(std::move(b));
    audit(db, now, actor, "closure " + std::to_string(closure_id) + " removed");
    tx.commit();
    return out;
}

// [SECTION] Slots --------------------------------------------------------------------------------

std::vector<Slot> generate_slots(const Session& s, Date date, const TimeZone& tz) {
    std::vector<Slot> out;
    if (s.walkin_only || !session_runs_on(s, date)) return out;
    const int last_end = s.end_minute - s.walkin_minutes;
    int count = 0;
    for (int m = s.start_minute; m + s.slot_minutes <= last_end; m += s.slot_minutes) {
        if (s.bookable_slots > 0 && count >= s.bookable_slots) break;
        ++count;  // a slot lost to the DST gap still counts: the wall-clock plan is the same
        const auto start = tz.to_utc(date, m);
        if (!start) continue;
        // The end is the next wall-clock boundary; across the gap or overlap that is not
        // start + slot length, so compute it the same way.
        auto end = tz.to_utc(date, m + s.slot_minutes);
        if (m + s.slot_minutes >= 1440) end = tz.to_utc(add_days(date, 1), m + s.slot_minutes - 1440);
        Slot slot;
        slot.session_id = s.id;
        slot.site_id = s.site_id;
        slot.service_id = s.service_id;
        slot.date = date;
        slot.start_minute = m;
        slot.start = *start;
        slot.end = end && *end > *start ? *end : *start + s.slot_minutes * 60;
        slot.caseworker = s.caseworker;
        out.push_back(std::move(slot));
    }
    return out;
}

std::vector<Session> sessions_on(db::Db& db, Id site_id, Date date) {
    std::vector<Session> out;
    if (closure_on(db, site_id, date)) return out;
    for (auto& s : list_sessions(db, site_id))
        if (session_runs_on(s, date) && !is_session_cancelled(db, s.id, date)) out.push_back(std::move(s));
    std::sort(out.begin(), out.end(), [](const Session& a, const Session& b) {
        return std::tie(a.start_minute, a.id) < std::tie(b.start_minute, b.id);
    });
    return out;
}

std::vector<Slot> slots_for(db::Db& db, Id site_id, Date from, Date to, Id service_id) {
    const TimeZone tz = site_timezone(db, site_id);
    const auto sessions = list_sessions(db, site_id);

    std::set<std::pair<Id, std::string>> cancelled;
    {
        auto& s = db.cached("SELECT c.session_id, c.date FROM session_cancellation c "
                            "JOIN session s ON s.id = c.session_id "
                            "WHERE s.site_id = ? AND c.date BETWEEN ? AND ?");
        s.bind(site_id, format_date(from), format_date(to));
        while (s.step()) cancelled.emplace(s.int64(0), s.text(1));
    }
    std::set<std::string> closed;
    for (const auto& c : list_closures(db, site_id))
        for (Date d = std::max(c.first_date, from); d <= std::min(c.last_date, to); d = add_days(d, 1))
            closed.insert(format_date(d));
    std::set<std::pair<Id, Instant>> taken;
    {
        auto& s = db.cached("SELECT b.session_id, b.slot_start FROM booking b "
                            "JOIN session s ON s.id = b.session_id "
                            "WHERE s.site_id = ? AND b.slot_date BETWEEN ? AND ? "
                            "AND b.status <> 'cancelled'");
        s.bind(site_id, format_date(from), format_date(to));
        while (s.step()) taken.emplace(s.int64(0), s.int64(1));
    }

    std::vector<Slot> out;
    for (Date d = from; d <= to; d = add_days(d, 1)) {
        const std::string day = format_date(d);
        for (const auto& session : sessions) {
            if (service_id != 0 && session.service_id != service_id) continue;
            if (!session_runs_on(session, d) || cancelled.count({session.id, day}) || closed.count(day)) continue;
            for (auto& slot : generate_slots(session, d, tz)) {
                slot.taken = taken.count({slot.session_id, slot.start}) > 0;
                out.push_back(std::move(slot));
            }
        }
    }
    std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) {
        return std::tie(a.start, a.session_id) < std::tie(b.start, b.session_id);
    });
    return out;
}

}  // namespace indgang
