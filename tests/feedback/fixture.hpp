// Shared by the feedback and report tests: an in-memory store with one site and the standard
// services, plus small helpers to look straight into the tables.
#pragma once

#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"
#include "core/feedback/tally_store.hpp"

#include <memory>
#include <string>

namespace indgang::testing {

struct FeedbackFixture {
    std::unique_ptr<db::Db> db = db::open_store(":memory:");
    Id site = 0;
    feedback::Form form = feedback::load_default_form();

    FeedbackFixture() {
        ensure_standard_services(*db);
        Site s;
        s.name = "Værestedet Kilden";
        site = add_site(*db, s);
        feedback::attach_feedback_store(*db);   // so tests can look into fb.* before the first form
    }
    int64_t count(const char* sql) {
        auto st = db->prepare(sql);
        st.step();
        return st.int64(0);
    }
    // Stores a draft on `day` with the current settings; returns whether it was stored.
    bool store(const feedback::Draft& d, const char* day) {
        return feedback::store_feedback(*db, site, form, d, *parse_date(day), feedback::feedback_settings(*db));
    }
};

inline feedback::Draft draft(std::initializer_list<std::pair<const char*, const char*>> answers) {
    feedback::Draft d;
    for (const auto& [q, a] : answers) d.answer(q, a);
    return d;
}

}  // namespace indgang::testing
