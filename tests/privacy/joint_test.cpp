// The month's tables read together (core/report/joint.hpp): each table alone can look safe while
// the scale table, read with the service table, pins a hidden service count. The year-long audit
// (linked_audit_test.cpp) checks the same on generated data; this is the mechanism on one month.
#include "core/report/joint.hpp"

#include <doctest/doctest.h>

#include <stdexcept>

using namespace indgang::report;

namespace {

// The service table: forms that named A, B, or did not say; each count hidden, the total (15) shown.
// The scale table (two answers) for the same forms, every figure shown. Alone, the service table
// lets A, B and "not stated" be anything from 0 to 15. Together, A ≥ 10, B ≥ 3 and "not stated"
// ≥ 2 from the scale table's rows, and they sum to 15: every hidden count is pinned.
std::vector<JointTable> pinned_month() {
    JointTable service;
    service.cells = {{10, 3, 2}};
    FigureIndex f{1, 3};
    service.known.assign(f.size(), Known{0, std::nullopt});
    service.marks.assign(f.size(), Hidden::Complementary);
    service.known[f.row_total(0)] = Known{15, 15};
    service.marks[f.row_total(0)] = Hidden::No;
    service.locked.assign(f.size(), false);

    JointTable scale;
    scale.cells = {{5, 5}, {3, 0}, {1, 1}};
    FigureIndex g{3, 2};
    const std::vector<int64_t> v = figure_values(scale.cells);
    for (size_t j = 0; j < g.size(); ++j) scale.known.push_back(Known{v[j], v[j]});
    scale.marks.assign(g.size(), Hidden::No);
    scale.locked.assign(g.size(), false);
    scale.row_bound = {{0}, {1}, {2}};
    return {service, scale};
}

}  // namespace

TEST_CASE("a hidden service count that each table alone leaves open is pinned by the tables together") {
    std::vector<JointTable> month = pinned_month();
    // Alone (the flow width of linked.hpp): every hidden service count keeps 16 values.
    for (size_t c = 0; c < 3; ++c) CHECK(figure_width(month[0].cells, month[0].known, c, 100) == 16);
    // Together: pinned.
    CHECK(joint_narrowest(month, 100) == 1);

    // The check names a figure to hide while one is too narrow; hiding them widens all to ≥ 5.
    std::vector<std::vector<bool>> verified;
    int unfixable = 0;
    int steps = 0;
    for (;; ++steps) {
        REQUIRE(steps < 40);
        const JointStep step = check_month(month, 5, verified, unfixable);
        if (step.ok) break;
        REQUIRE_FALSE(step.everything);   // hiding what holds it suffices here
        REQUIRE_FALSE(step.hide.empty());
        for (const auto& [table, figure] : step.hide) {
            JointTable& t = month[table];
            REQUIRE(t.marks[figure] == Hidden::No);   // never a figure already hidden
            t.marks[figure] = Hidden::Complementary;
            t.known[figure] = Known{0, std::nullopt};
        }
    }
    CHECK(steps >= 1);
    CHECK(unfixable == 0);
    CHECK(joint_narrowest(month, 100) >= 5);
    // Something that was shown had to go (here the number of forms, the one figure whose bound
    // holds all three counts at once).
    int hidden = 0;
    for (const auto& t : month)
        for (Hidden h : t.marks) hidden += h != Hidden::No;
    CHECK(hidden > 3 + 4);   // the three counts and the service table's four unpublished figures
}

TEST_CASE("figures already public cannot be taken back: what they pin is counted, not hidden") {
    std::vector<JointTable> month = pinned_month();
    // Published before as numbers: the whole scale table and the number of forms.
    month[1].locked.assign(month[1].locked.size(), true);
    month[0].locked[FigureIndex{1, 3}.row_total(0)] = true;
    std::vector<std::vector<bool>> verified;
    int unfixable = 0;
    const JointStep step = check_month(month, 5, verified, unfixable);
    CHECK(step.ok);
    CHECK(unfixable == 3);   // A, B and "not stated": nothing left that may be hidden
}

TEST_CASE("a month whose tables do not fit together is refused, not solved") {
    std::vector<JointTable> month = pinned_month();
    month[1].row_bound = {{0}, {1}};   // one bound short for three rows
    std::vector<std::vector<bool>> verified;
    int unfixable = 0;
    CHECK_THROWS_AS(check_month(month, 5, verified, unfixable), std::invalid_argument);
}
