#include "core/domain/walkin.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <algorithm>
#include <cstdio>

namespace indgang {

std::string ticket_label(const std::string& prefix, int number) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%s-%02d", prefix.c_str(), number);
    return buf;
}

static WalkInTicket read_ticket(db::Stmt& s) {
    WalkInTicket t;
    t.id = s.int64(0);
    t.site_id = s.int64(1);
    t.service_id = s.int64(2);
    t.day = *parse_date(s.text(3));
    t.number = s.integer(4);
    t.status = walkin_status_from(s.text(5));
    t.created_at = s.int64(6);
    t.label = ticket_label(s.text(7), t.number);
    return t;
}

#define WALKIN_SELECT                                                                             \
    "SELECT w.id, w.site_id, w.service_id, w.day, w.number, w.status, w.created_at, "             \
    "v.walkin_prefix FROM walkin w JOIN service v ON v.id = w.service_id "

static int waiting_ahead(db::Db& db, const WalkInTicket& t) {
    if (t.status != WalkInStatus::Waiting) return 0;
    return *db.cached("SELECT count(*) FROM walkin WHERE site_id = ? AND service_id = ? AND "
                      "day = ? AND status = 'waiting' AND number < ?")
                .bind(t.site_id, t.service_id, format_date(t.day), t.number)
                .first([](db::Stmt& s) { return s.integer(0); });
}

WalkInTicket get_walkin(db::Db& db, Id id) {
    auto t = db.cached(WALKIN_SELECT "WHERE w.id = ?").bind(id).first(read_ticket);
    if (!t) throw DomainError(ErrorCode::NotFound, "no walk-in ticket " + std::to_string(id));
    t->ahead = waiting_ahead(db, *t);
    return *t;
}

WalkInOpen walkin_open(db::Db& db, Id site_id, Id service_id, Instant now) {
    const LocalTime local = site_timezone(db, site_id).to_local(now);
    WalkInOpen r = WalkInOpen::NotToday;
    for (const auto& s : sessions_on(db, site_id, local.date)) {
        if (s.service_id != service_id) continue;
        if (local.minute < s.end_minute) return WalkInOpen::Open;
        r = WalkInOpen::OverToday;
    }
    return r;
}

std::vector<Id> walkin_services_now(db::Db& db, Id site_id, Instant now) {
    const LocalTime local = site_timezone(db, site_id).to_local(now);
    std::vector<Id> out;
    for (const auto& s : sessions_on(db, site_id, local.date))
        if (local.minute < s.end_minute && std::find(out.begin(), out.end(), s.service_id) == out.end())
            out.push_back(s.service_id);
    return out;
}

WalkInTicket take_number(db::Db& db, Id site_id, Id service_id, Instant now) {
    const TimeZone tz = site_timezone(db, site_id);
    const LocalTime local = tz.to_local(now);
    switch (walkin_open(db, site_id, service_id, now)) {
        case WalkInOpen::Open: break;
        case WalkInOpen::NotToday:
            throw DomainError(ErrorCode::NoSessionToday, "that caseworker is not here today");
        case WalkInOpen::OverToday:
            throw DomainError(ErrorCode::SessionOverToday, "that caseworker is not here any more today");
    }

    // BEGIN IMMEDIATE serialises writers, so max + 1 cannot be handed out twice; the UNIQUE
    // constraint backs that up.
    db::Transaction tx(db);
    const int number = *db.cached("SELECT coalesce(max(number), 0) + 1 FROM walkin "
                                  "WHERE site_id = ? AND service_id = ? AND day = ?")
                            .bind(site_id, service_id, format_date(local.date))
                            .first([](db::Stmt& s) { return s.integer(0); });
    db.cached("INSERT INTO walkin(site_id, service_id, day, number, created_at) VALUES (?, ?, ?, ?, ?)")
        .bind(site_id, service_id, format_date(local.date), number, now)
        .exec();
    const Id id = db.last_insert_id();
    tx.commit();
    return get_walkin(db, id);
}

void set_walkin_status(db::Db& db, Id id, WalkInStatus status, Instant now, const std::string& actor) {
    db::Transaction tx(db);
    const WalkInTicket before = get_walkin(db, id);   // NotFound when there is none
    if (before.status == status) return;   // nothing changed, nothing to log
    db.cached("UPDATE walkin SET status = ?, status_at = ? WHERE id = ?")
        .bind(to_string(status), now, id)
        .exec();
    log_event(db, now, "walkin",
              actor + ": " + before.label + " " + to_string(before.status) + " -> " + to_string(status));
    tx.commit();
}

std::vector<WalkInTicket> walkins_on(db::Db& db, Id site_id, Date day) {
    std::vector<WalkInTicket> out;
    auto& s = db.cached(WALKIN_SELECT "WHERE w.site_id = ? AND w.day = ? ORDER BY w.service_id, w.number");
    s.bind(site_id, format_date(day));
    while (s.step()) out.push_back(read_ticket(s));
    // Ahead counts per service: waiting tickets with a lower number.
    for (auto& t : out) {
        t.ahead = 0;
        if (t.status != WalkInStatus::Waiting) continue;
        for (const auto& o : out)
            if (o.service_id == t.service_id && o.status == WalkInStatus::Waiting && o.number < t.number)
                ++t.ahead;
    }
    return out;
}

}  // namespace indgang
