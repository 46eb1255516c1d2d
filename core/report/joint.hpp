// The questions of one month read together. Each table is protected on its own (linked.hpp), but
// a reader also knows how the tables of the same forms hang together: a scale question's group is
// never larger than the forms that named its service (the "not stated" group: the forms that
// declined or skipped the question), and no question has more answers than there were forms. So a
// hidden service count can be narrowed from below by a scale table, and a scale figure from above
// by the service table. That system is no longer a flow, so it is solved exactly here, as integer
// programs (GLPK): a hidden figure's smallest and largest value given every table of the month.
// This is rule 4 of linked.hpp for the month as a whole; the audit in
// tests/privacy/linked_audit_test.cpp attacks the same system independently.
//
// A month is independent of every other month (a form counts in one month only, and a quarter
// shows only sums of month figures that are shown), so the month is the whole problem.
#pragma once

#include "core/report/linked.hpp"

#include <cstdint>
#include <utility>
#include <vector>

namespace indgang::report {

struct JointTable {
    std::vector<std::vector<int64_t>> cells;    // the month's counts
    std::vector<Known> known;                   // per figure (FigureIndex order): what a reader knows
    std::vector<Hidden> marks;                  // per figure: how it is published
    std::vector<bool> locked;                   // per figure: public before; it must stay shown
    // A grouped (scale) table: per row, the cells of the grouping table (tables[0], one row) whose
    // sum bounds the row's total. Empty for a one-row table, which is bounded by the number of forms.
    std::vector<std::vector<size_t>> row_bound;
};

struct JointStep {
    bool ok = true;                                 // every hidden figure keeps at least T values
    std::vector<std::pair<size_t, size_t>> hide;    // otherwise: hide these (table, figure) next …
    bool everything = false;                        // … or, when that cannot be found, every figure not locked
};

// Checks every hidden figure not yet in `verified` (per table, per figure; hiding more only
// widens, so a figure found wide enough stays so). A figure that is too narrow even with every
// figure hidden that may be is marked verified and counted in `unfixable`. tables[0] is the
// grouping question: one row whose total is the number of forms.
JointStep check_month(const std::vector<JointTable>& tables, int64_t T, std::vector<std::vector<bool>>& verified,
                      int& unfixable);

// Fewest values any hidden figure of the month can take, capped at `cap` (0: none hidden).
int64_t joint_narrowest(const std::vector<JointTable>& tables, int64_t cap);

}  // namespace indgang::report
