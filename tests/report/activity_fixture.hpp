// A feedback fixture with sessions, bookings and walk-ins written straight into the tables, for
// the activity and chart tests.
#pragma once

#include "tests/feedback/fixture.hpp"

#include <optional>
#include <string>

namespace indgang::testing {

struct ActivityFixture : FeedbackFixture {
    Id session_for(const char* service) {
        db->cached("INSERT INTO session(site_id, service_id, caseworker, weekday, first_date, start_minute, "
                   "end_minute, slot_minutes) VALUES (?, ?, 'Mette', 2, '2026-01-06', 600, 720, 20)")
            .bind(site, get_service_by_key(*db, service).id)
            .exec();
        return db->last_insert_id();
    }
    int next = 0;
    void booking(Id session, const char* date, const char* status, bool checked_in) {
        ++next;
        const int64_t start = 1790000000 + next * 1200;
        db->cached("INSERT INTO booking(session_id, slot_date, slot_start, slot_end, code, status, created_at, "
                   "checked_in_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .bind(session, date, start, start + 1200, std::to_string(10000 + next), status, start - 86400,
                  checked_in ? std::optional<int64_t>(start - 300) : std::nullopt)
            .exec();
    }
    void walkin(const char* service, const char* day, int number) {
        db->cached("INSERT INTO walkin(site_id, service_id, day, number, created_at) VALUES (?, ?, ?, ?, 0)")
            .bind(site, get_service_by_key(*db, service).id, day, number)
            .exec();
    }
};

}  // namespace indgang::testing
