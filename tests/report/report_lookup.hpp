// Finding a question's table and a group's row in a built report, for the report and privacy
// tests; a missing one fails the test where it is asked for.
#pragma once

#include "core/report/aggregate.hpp"

#include <doctest/doctest.h>

#include <string>

namespace indgang::testing {

inline const report::QuestionTable& question(const report::Report& r, const std::string& key) {
    for (const auto& q : r.feedback.questions)
        if (q.key == key) return q;
    FAIL("no question " << key);
    throw 0;
}

inline const report::GroupRow& group(const report::QuestionTable& q, const std::string& g) {
    for (const auto& row : q.rows)
        if (row.group == g) return row;
    FAIL("no group " << g);
    throw 0;
}

}  // namespace indgang::testing
