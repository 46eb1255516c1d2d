#include "core/domain/demo_data.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"

namespace indgang {

void ensure_standard_services(db::Db& db) {
    // Names and lines in Danish (the source language of staff data); the kiosk translates them
    // by key through the catalogs.
    const Service standard[] = {
        {0, "jobcentre", "Jobcenter", "Job, ledighed, aktivering og samtaler om arbejde", "briefcase", "A", 1, true},
        {0, "social", "Socialcenter", "Bolig, støtte og hjælp i hverdagen", "house", "B", 2, true},
        {0, "benefits", "Ydelseskontor", "Penge: kontanthjælp, boligstøtte og betalinger", "coins", "C", 3, true},
        {0, "substance", "Rusmiddelrådgivning", "En snak om alkohol, stoffer og helbred", "heart", "D", 4, true},
        {0, "skp", "Støtte- og kontaktperson", "En fast person, der hjælper dig videre", "handshake", "E", 5, true},
    };
    for (const auto& s : standard) {
        try {
            get_service_by_key(db, s.key);
        } catch (const DomainError&) {
            add_service(db, s);
        }
    }
}

Instant demo_showcase_time(Instant now) {
    const TimeZone tz("Europe/Copenhagen");
    const LocalTime local = tz.to_local(now);
    constexpr int kMoment = 10 * 60 + 5;
    int ahead = (2 - iso_weekday(local.date) + 7) % 7;
    if (ahead == 0 && local.minute >= kMoment) ahead = 7;
    return *tz.to_utc(add_days(local.date, ahead), kMoment);
}

Id ensure_demo_data(db::Db& db, Instant now) {
    auto sites = list_sites(db);
    if (!sites.empty()) return sites.front().id;

    db::Transaction tx(db);
    ensure_standard_services(db);
    Site kilden;
    kilden.name = "Værestedet Kilden";
    kilden.address = "Kildevej 12, 5000 Odense C";
    for (int wd = 1; wd <= 5; ++wd) kilden.hours.push_back({wd, 9 * 60, 16 * 60});
    kilden.hours.push_back({6, 10 * 60, 14 * 60});
    const Id site = add_site(db, kilden);

    const TimeZone tz("Europe/Copenhagen");
    // Sessions started some weeks ago and run on: a realistic standing timetable.
    const Date first = add_days(tz.today(now), -28);
    auto weekly = [&](const char* service, const char* who, int wd, int from, int to, int slot,
                      int walkin) {
        Session s;
        s.site_id = site;
        s.service_id = get_service_by_key(db, service).id;
        s.caseworker = who;
        s.weekday = wd;
        s.first_date = first;
        s.start_minute = from;
        s.end_minute = to;
        s.slot_minutes = slot;
        s.walkin_minutes = walkin;
        return add_session(db, s);
    };
    weekly("jobcentre", "Mette", 2, 10 * 60, 12 * 60, 20, 20);      // Tuesday 10–12
    weekly("social", "Karim", 4, 13 * 60, 15 * 60, 30, 30);         // Thursday 13–15
    weekly("skp", "Lone", 1, 10 * 60, 13 * 60, 30, 60);             // Monday drop-in
    weekly("skp", "Lone", 3, 12 * 60, 15 * 60, 30, 60);             // Wednesday drop-in
    weekly("substance", "Jonas", 5, 9 * 60, 12 * 60, 30, 30);       // Friday morning
    tx.commit();

    // A few bookings in the coming week so the timetable shows taken times.
    const Date today = tz.today(now);
    int placed = 0;
    for (const auto& slot : slots_for(db, site, today, add_days(today, 7))) {
        if (slot.start <= now || placed >= 4) continue;
        if (slot.start_minute % 60 == 0) {
            book(db, {slot.session_id, slot.date, slot.start_minute}, placed % 2 ? "Bo" : "", now,
                 BookingSource::Staff);
            ++placed;
        }
    }
    return site;
}

}  // namespace indgang
