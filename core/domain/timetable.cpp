#include "core/domain/timetable.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/demo_data.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace indgang {

// [SECTION] Sites and services ----------------------------------------------------------------

static void require(bool ok, const std::string& what) {
    if (!ok) throw DomainError(ErrorCode::Invalid, what);
}

Id add_site(db::Db& db, const Site& site) {
    require(!site.name.empty(), "a site needs a name");
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
    "end_minute, slot_minutes, bookable_slots, walkin_minutes"

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
    require(v.caseworker.size() <= 60, "the caseworker's first name is too long");
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

Id add_session(db::Db& db, const Session& v) {
    validate(v);
    get_site(db, v.site_id);
    get_service(db, v.service_id);
    db.cached("INSERT INTO session(site_id, service_id, caseworker, weekday, first_date, last_date, "
              "start_minute, end_minute, slot_minutes, bookable_slots, walkin_minutes) "
              "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .bind(v.site_id, v.service_id, v.caseworker, v.weekday, format_date(v.first_date),
              last_date_text(v), v.start_minute, v.end_minute, v.slot_minutes, v.bookable_slots,
              v.walkin_minutes)
        .exec();
    return db.last_insert_id();
}

void update_session(db::Db& db, const Session& v) {
    validate(v);
    db.cached("UPDATE session SET service_id = ?, caseworker = ?, weekday = ?, first_date = ?, "
              "last_date = ?, start_minute = ?, end_minute = ?, slot_minutes = ?, "
              "bookable_slots = ?, walkin_minutes = ? WHERE id = ?")
        .bind(v.service_id, v.caseworker, v.weekday, format_date(v.first_date), last_date_text(v),
              v.start_minute, v.end_minute, v.slot_minutes, v.bookable_slots, v.walkin_minutes,
              v.id)
        .exec();
    if (db.changes() == 0) throw DomainError(ErrorCode::NotFound, "no session " + std::to_string(v.id));
}

void end_session(db::Db& db, Id session_id, Date last_date) {
    Session s = get_session(db, session_id);
    require(s.weekday.has_value(), "only a weekly session can be ended; cancel a one-off date");
    require(last_date >= add_days(s.first_date, -1), "the last date is before the first");
    if (last_date < s.first_date) last_date = s.first_date;  // ends before it ever ran
    s.last_date = last_date;
    update_session(db, s);
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

std::vector<Booking> cancel_session_date(db::Db& db, Id session_id, Date date,
                                         const std::string& reason, Instant now) {
    const Session session = get_session(db, session_id);
    require(session_runs_on(session, date),
            "the session does not run on " + format_date(date));
    db::Transaction tx(db);
    db.cached("INSERT OR REPLACE INTO session_cancellation(session_id, date, reason, created_at) "
              "VALUES (?, ?, ?, ?)")
        .bind(session_id, format_date(date), reason, now)
        .exec();
    tx.commit();
    std::vector<Booking> affected;
    for (auto& b : bookings_on(db, session.site_id, date))
        if (b.session_id == session_id &&
            (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn))
            affected.push_back(std::move(b));
    return affected;
}

void restore_session_date(db::Db& db, Id session_id, Date date) {
    db.cached("DELETE FROM session_cancellation WHERE session_id = ? AND date = ?")
        .bind(session_id, format_date(date))
        .exec();
}

// [SECTION] Slots --------------------------------------------------------------------------------

std::vector<Slot> generate_slots(const Session& s, Date date, const TimeZone& tz) {
    std::vector<Slot> out;
    if (!session_runs_on(s, date)) return out;
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
            if (!session_runs_on(session, d) || cancelled.count({session.id, day})) continue;
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
