// A small, fully deterministic month at one værested for the extract and outbox tests: two
// weekly sessions, bookings that end seen, no-show and open, walk-ins, and feedback forms.
// Built twice, it gives the same data (random ids and codes never reach the extract).
#pragma once

#include "loopback.hpp"

#include "core/db/store.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/feedback/form.hpp"
#include "core/feedback/submit.hpp"

#include <chrono>
#include <memory>

namespace extract_world {

using namespace indgang;

inline Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}
// November in Copenhagen is UTC+1.
inline Instant nov_cph(unsigned d, int h, int mi) {
    return static_cast<Instant>(std::chrono::sys_days{ymd(2026, 11, d)}.time_since_epoch().count()) * 86400 +
           (h - 1) * 3600 + mi * 60;
}
inline const Instant kExportTime = nov_cph(30, 23, 0) + 3 * 3600;   // 1 December, after the month

struct World {
    loopback::TempDir dir;
    std::unique_ptr<db::Db> db;
    Id site = 0;

    explicit World(int extra_bookings = 0) {
        db = db::open_store((dir.path / "indgang.db").string());
        ensure_standard_services(*db);
        Site s;
        s.name = "Værestedet Kilden";
        s.address = "Kildevej 12, 5000 Odense C";
        for (int wd = 1; wd <= 5; ++wd) s.hours.push_back({wd, 9 * 60, 16 * 60});
        site = add_site(*db, s);
        Session job;
        job.site_id = site;
        job.service_id = get_service_by_key(*db, "jobcentre").id;
        job.caseworker = "Mette";
        job.weekday = 2;                                  // Tuesdays
        job.first_date = ymd(2026, 11, 3);
        job.start_minute = 10 * 60;
        job.end_minute = 12 * 60;
        job.slot_minutes = 20;
        const Id job_session = add_session(*db, job);
        Session social = job;
        social.service_id = get_service_by_key(*db, "social").id;
        social.caseworker = "Ali";
        social.weekday = 4;                               // Thursdays
        social.first_date = ymd(2026, 11, 5);
        social.start_minute = 13 * 60;
        social.end_minute = 15 * 60;
        social.slot_minutes = 30;
        const Id social_session = add_session(*db, social);

        const Instant booking_time = nov_cph(2, 9, 0);
        const Booking a = book(*db, {job_session, ymd(2026, 11, 3), 10 * 60}, "Kim", booking_time);
        const Booking b = book(*db, {job_session, ymd(2026, 11, 3), 10 * 60 + 20}, "", booking_time);
        book(*db, {job_session, ymd(2026, 11, 3), 10 * 60 + 40}, "Sol", booking_time);   // becomes a no-show
        const Booking d = book(*db, {social_session, ymd(2026, 11, 5), 13 * 60}, "", booking_time);
        for (int i = 0; i < extra_bookings; ++i)
            book(*db, {social_session, ymd(2026, 11, 5), 13 * 60 + 30 * (i + 1)}, "", booking_time);
        mark_seen(*db, a.id, nov_cph(3, 10, 25));
        mark_no_show(*db, b.id, nov_cph(3, 11, 0));   // slot 10:20–10:40 + 15 min grace
        mark_seen(*db, d.id, nov_cph(5, 13, 30));
        take_number(*db, site, job.service_id, nov_cph(3, 10, 5));
        take_number(*db, site, job.service_id, nov_cph(3, 10, 7));

        const feedback::Form form = feedback::load_default_form();
        const feedback::FeedbackSettings settings = feedback::feedback_settings(*db);
        for (int i = 0; i < 7; ++i) {
            feedback::Draft draft;
            draft.answer("service", "jobcentre");
            draft.answer("safe", std::to_string(3 + i % 3));
            draft.answer("relevant", i == 0 ? "declined" : "4");
            feedback::store_feedback(*db, site, form, draft, ymd(2026, 11, 3), settings);
        }
    }
};

}  // namespace extract_world
