// Small-cell suppression for a table of counts published with its row totals, column totals and
// grand total (a one-row table is a single line of counts and its total).
//  1. Primary: every count from 1 to k−1 is hidden and shown as "<k". A 0 is shown: it
//     describes nobody, and hiding it would only force more hiding elsewhere (unless the audit
//     cannot be satisfied otherwise; then the whole table is redone with zeros hidden too).
//  2. Complementary: a row or column (or the totals) with exactly one hidden member would give it
//     away by subtraction, so the smallest non-zero visible member is hidden too (shown as "×").
//  3. Exact audit: what a reader knows is visible counts exactly, "<k" ∈ [1, k−1] and "×" ≥ k.
//     A table with its margins is a flow circulation (S → row → column → T → S), so a hidden count
//     can take another value exactly when the residual graph has a cycle through it. A hidden
//     count without one is pinned and gets another complementary partner (in its own lines, or
//     else the smallest visible count anywhere), until none is pinned.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace indgang::report {

enum class Hidden : uint8_t { No, Small, Complementary };

struct Bounds {
    int64_t lo = 0;
    int64_t hi = 0;
};

struct TableProtection {
    std::vector<std::vector<Hidden>> cells;   // [row][column]
    std::vector<Hidden> row_totals;
    std::vector<Hidden> col_totals;
    Hidden grand = Hidden::No;
    // Zeros are normally shown (so "<k" means 1…k−1). In a table where that would still let a
    // reader pin a count, zeros are hidden as "<k" too (then "<k" means 0…k−1).
    bool zeros_hidden = false;
    // What a reader can work out about each cell by interval reasoning over all lines (used to
    // audit means); visible cells have lo == hi == the count.
    std::vector<std::vector<Bounds>> cell_bounds;
    std::vector<Bounds> col_bounds;           // the same for the column totals
};

// Throws std::invalid_argument for k < 1, an empty or ragged table, or a negative count.
TableProtection protect_table(const std::vector<std::vector<int64_t>>& cells, int k);

// True when, given what is published, the count at (row, col) could take another value: the
// exact test the audit uses. Exposed for the tests.
bool cell_can_vary(const std::vector<std::vector<int64_t>>& cells, const TableProtection& p, int k,
                   size_t row, size_t col);

}  // namespace indgang::report
