// Small-cell suppression for tables of counts that are published together with their totals.
//
// A table is a list of counts plus "lines": equations sum(members) = total that a reader can use
// (a row with its row total, a column with its column total, the totals with the grand total).
//  1. Primary: every count below the threshold k is hidden and shown as "<k".
//  2. Complementary: a line with exactly one hidden member would give it away by subtraction,
//     so the smallest visible member of that line is hidden too (shown as "×").
//  3. Audit: the reader's bounds on every hidden count are worked out from all lines at once
//     (primary ∈ [0, k−1], complementary ≥ k, totals as published). A hidden non-zero count that
//     the bounds pin to one value gets another complementary cell, until none is pinned.
// A hidden count pinned to 0 is left: it describes nobody.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace indgang::report {

enum class Hidden : uint8_t { No, Small, Complementary };

struct Line {
    std::vector<std::size_t> members;       // indices into the counts
    std::size_t total = 0;                  // index of the count they sum to
};

struct Bounds {
    int64_t lo = 0;
    int64_t hi = 0;
};

struct Protection {
    std::vector<Hidden> hidden;        // per count
    std::vector<Bounds> bounds;        // what a reader can work out about each count
};

// Requires k ≥ 1 and every line consistent (members sum to the total); throws otherwise.
Protection protect(const std::vector<int64_t>& counts, const std::vector<Line>& lines, int k);

// The reader's bounds given what is published (visible counts exact, hidden per their kind).
std::vector<Bounds> reader_bounds(const std::vector<int64_t>& counts, const std::vector<Hidden>& hidden,
                                  const std::vector<Line>& lines, int k);

}  // namespace indgang::report
