// Protection of a table against everything already published for the same site and month: the
// linked set (every report at every threshold, every extract, every re-export, months and their
// quarter) is what a reader holds, so a new table may add only what keeps every hidden figure
// wide open. In the spirit of Statistics Norway's GaussSuppression and tau-Argus's linked tables,
// but exact for our shape: one month's table with its margins is a flow circulation, so the
// smallest and largest value a hidden figure can take follow from max-flow on a 16-node graph.
//
// What a reader learns from one published figure (docs/privacy.md, "The ledger"):
//   a number              exactly that value
//   "<k"  (Hidden::Small)  0 … k−1  (zeros beside hidden figures are hidden too, so "<k" may be 0)
//   "×"   (Complementary)  nothing but ≥ 0
// The ledger keeps, per figure, the intersection of all of these over every publication.
//
// The rules, applied to each new table of one month (a quarter shows a figure only when it is the
// sum of month figures that are shown, see aggregate.cpp):
//  1. A figure published before as a number is public: it is shown again, the same number.
//  2. A figure hidden before stays hidden.
//  3. Counts 1 … k−1 are hidden ("<k"); a group (or the "all" row) whose answers all fall in one
//     category is hidden as a whole row, zeros included.
//  4. Every hidden figure must be able to take at least T values given all publications together
//     (T = k, or the smallest threshold this month was published at before, if lower): otherwise
//     more figures are hidden ("×"), the one that widens it most first.
//  5. If that cannot be reached, the new table adds nothing: every figure not already public is
//     hidden as "×".
#pragma once

#include "core/report/suppression.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace indgang::report {

// What a reader knows about one figure; `hi` empty: no upper bound.
struct Known {
    int64_t lo = 0;
    std::optional<int64_t> hi;
    bool exact() const { return hi && *hi == lo; }
};
Known intersect(const Known& a, const Known& b);

// A month's table flattened: cells row by row, then row totals, column totals, grand total.
// A one-row table (a choice question) publishes its cells and its total only.
struct FigureIndex {
    size_t R = 0, C = 0;
    size_t cell(size_t r, size_t c) const { return r * C + c; }
    size_t row_total(size_t r) const { return R * C + r; }
    size_t col_total(size_t c) const { return R * C + R + c; }
    size_t grand() const { return R * C + R + C; }
    size_t size() const { return grand() + 1; }
    bool published(size_t i) const { return R > 1 || i < R * C + R; }
};

// Every figure's value in FigureIndex order (cells, row totals, column totals, grand total).
// Throws std::invalid_argument on an empty, ragged or negative table.
std::vector<int64_t> figure_values(const std::vector<std::vector<int64_t>>& cells);

struct LinkedResult {
    TableProtection protection;          // what to publish (zeros_hidden is true: "<k" includes 0)
    std::vector<Known> known;            // per figure: what a reader knows after this publication
    std::vector<std::optional<int64_t>> highest;   // per published figure: the largest value a reader
                                                   // can allow it (empty: no bound)
    int64_t narrowest = 0;               // fewest values any hidden figure can take (0: none hidden)
    bool fell_back = false;              // rule 5 applied
    std::vector<Hidden> marks;           // per figure (FigureIndex order): how it is published
};

// `prior` has one entry per figure (FigureIndex order), empty when nothing was published;
// `prior_min_k` is the smallest threshold used before (0: none). `ceilings` (optional, per
// figure) are upper bounds a reader has from other tables of the same forms (a group is never
// larger than the forms that named its service). Throws DomainError(Invalid) when a published
// number no longer matches the counts (a frozen month changed). `forced` (optional, per figure):
// figures the month's joint check (joint.hpp) needs hidden; each is hidden ("×") unless public,
// and the rules then run as usual, so the result hides at least what it hid without them.
LinkedResult protect_linked(const std::vector<std::vector<int64_t>>& cells, int k,
                            const std::vector<std::optional<Known>>& prior, int prior_min_k,
                            const std::vector<std::optional<int64_t>>& ceilings = {},
                            const std::vector<bool>& forced = {});

// Fewest values figure `i` can take given `known` for every figure (the exact test rule 4 uses,
// capped at `cap`). Exposed for the tests.
int64_t figure_width(const std::vector<std::vector<int64_t>>& cells, const std::vector<Known>& known, size_t i,
                     int64_t cap);

}  // namespace indgang::report
