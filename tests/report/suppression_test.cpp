#include "core/report/aggregate.hpp"
#include "core/report/suppression.hpp"

#include <doctest/doctest.h>

#include <functional>
#include <random>
#include <set>

using namespace indgang::report;

namespace {

using Cells = std::vector<std::vector<int64_t>>;

// Every table a reader could believe, given what is published: visible counts exact, "<k"
// between 1 and k−1, "×" at least k — for cells, row totals, column totals and the grand total.
// Returns, per cell, the set of values seen across all of them.
std::vector<std::vector<std::set<int64_t>>> brute_force_readings(const Cells& truth, const TableProtection& p,
                                                                 int k, int64_t max_cell) {
    const size_t R = truth.size(), C = truth[0].size();
    auto fits = [&](Hidden h, int64_t v, int64_t real) {
        switch (h) {
            case Hidden::No: return v == real;
            case Hidden::Small: return v >= (p.zeros_hidden ? 0 : 1) && v < k;
            case Hidden::Complementary: return v >= k;
        }
        return false;
    };
    std::vector<int64_t> real_cols(C, 0);
    int64_t real_grand = 0;
    for (const auto& row : truth)
        for (size_t c = 0; c < C; ++c) { real_cols[c] += row[c]; real_grand += row[c]; }
    std::vector<std::vector<std::set<int64_t>>> seen(R, std::vector<std::set<int64_t>>(C));
    Cells guess(R, std::vector<int64_t>(C, 0));
    std::function<void(size_t, size_t)> rec = [&](size_t r, size_t c) {
        if (c == C) {   // a row is complete: its total must fit before going on
            int64_t sum = 0, real = 0;
            for (size_t j = 0; j < C; ++j) { sum += guess[r][j]; real += truth[r][j]; }
            if (!fits(p.row_totals[r], sum, real)) return;
            return rec(r + 1, 0);
        }
        if (r == R) {
            int64_t grand = 0;
            for (size_t j = 0; j < C; ++j) {
                int64_t col = 0;
                for (size_t i = 0; i < R; ++i) col += guess[i][j];
                if (!fits(p.col_totals[j], col, real_cols[j])) return;
                grand += col;
            }
            if (!fits(p.grand, grand, real_grand)) return;
            for (size_t i = 0; i < R; ++i)
                for (size_t j = 0; j < C; ++j) seen[i][j].insert(guess[i][j]);
            return;
        }
        for (int64_t v = 0; v <= max_cell; ++v) {
            if (!fits(p.cells[r][c], v, truth[r][c])) continue;
            guess[r][c] = v;
            rec(r, c + 1);
        }
    };
    rec(0, 0);
    return seen;
}

// Rows, columns and the two totals lines: none may have exactly one hidden member.
void check_lines(const TableProtection& p) {
    const size_t R = p.cells.size(), C = p.cells[0].size();
    auto h = [](Hidden x) { return x != Hidden::No ? 1 : 0; };
    for (size_t r = 0; r < R; ++r) {
        int n = h(p.row_totals[r]);
        for (size_t c = 0; c < C; ++c) n += h(p.cells[r][c]);
        CHECK(n != 1);
    }
    for (size_t c = 0; c < C; ++c) {
        int n = h(p.col_totals[c]);
        for (size_t r = 0; r < R; ++r) n += h(p.cells[r][c]);
        CHECK(n != 1);
    }
    int rows = h(p.grand), cols = h(p.grand);
    for (auto x : p.row_totals) rows += h(x);
    for (auto x : p.col_totals) cols += h(x);
    CHECK(rows != 1);
    CHECK(cols != 1);
}

}  // namespace

TEST_CASE("small counts are hidden; zeros and large counts are not") {
    const TableProtection p = protect_table({{10, 2, 0, 8, 7}}, 5);
    CHECK(p.cells[0][1] == Hidden::Small);
    CHECK(p.cells[0][2] == Hidden::No);       // 0 describes nobody
    CHECK(p.cells[0][0] == Hidden::No);
    CHECK(p.cells[0][3] == Hidden::No);
    CHECK(p.row_totals[0] == Hidden::No);
}

TEST_CASE("the subtraction case: total minus the visible cells would reveal a hidden one") {
    // 27 − 10 − 8 − 7 = 2: with only the 2 hidden, anyone could work it out. The smallest other
    // cell (7) is hidden as well, and the reader is left with 2 + 7 = 9 split unknown ways.
    const Cells t{{10, 2, 8, 7}};
    const TableProtection p = protect_table(t, 5);
    CHECK(p.cells[0][1] == Hidden::Small);
    CHECK(p.cells[0][3] == Hidden::Complementary);
    CHECK(p.cells[0][0] == Hidden::No);
    CHECK(p.cells[0][2] == Hidden::No);
    CHECK(p.row_totals[0] == Hidden::No);
    CHECK(p.cell_bounds[0][1].lo == 1);
    CHECK(p.cell_bounds[0][1].hi == 4);
    CHECK(p.cell_bounds[0][3].lo == 5);
    CHECK(p.cell_bounds[0][3].hi == 8);
    CHECK(cell_can_vary(t, p, 5, 0, 1));
    const auto seen = brute_force_readings(t, p, 5, 30);
    CHECK(seen[0][1] == std::set<int64_t>{1, 2, 3, 4});
}

TEST_CASE("two hidden cells are not enough when the bounds pin them") {
    // 18 − 10 = 8 and both hidden cells are at most 4: each must be 4. A third cell is hidden.
    const TableProtection p = protect_table({{4, 4, 10}}, 5);
    CHECK(p.cells[0][0] == Hidden::Small);
    CHECK(p.cells[0][1] == Hidden::Small);
    CHECK(p.cells[0][2] == Hidden::Complementary);
    // Two ones: 2 = 1 + 1 pins both, too (a hidden count is at least 1 because zeros are shown).
    const TableProtection q = protect_table({{1, 1, 9}}, 5);
    CHECK(q.cells[0][2] == Hidden::Complementary);
}

TEST_CASE("a rectangle of hidden cells that only one reading fits is opened up") {
    // Rows and columns of the top-left 2×2 add up so that, with every hidden cell in [1, 2]
    // (k = 3), the published totals allow a single reading — the exact audit finds it.
    const Cells t{{1, 2, 9}, {2, 1, 9}, {9, 9, 0}};
    const TableProtection p = protect_table(t, 3);
    check_lines(p);
    const auto seen = brute_force_readings(t, p, 3, 20);
    for (size_t r = 0; r < 3; ++r)
        for (size_t c = 0; c < 3; ++c)
            if (p.cells[r][c] != Hidden::No) {
                INFO(r << "," << c);
                CHECK(seen[r][c].size() >= 2);
            }
}

TEST_CASE("a whole small row is hidden, and its column partners with it") {
    const Cells t{{6, 7, 9}, {8, 5, 6}, {1, 0, 2}};
    const TableProtection p = protect_table(t, 5);
    CHECK(p.row_totals[2] == Hidden::Small);
    CHECK(p.cells[2][0] == Hidden::Small);
    CHECK(p.cells[2][1] == Hidden::No);   // a shown 0
    CHECK(p.cells[2][2] == Hidden::Small);
    CHECK(p.grand == Hidden::No);
    check_lines(p);
    const auto seen = brute_force_readings(t, p, 5, 25);
    for (size_t r = 0; r < 3; ++r)
        for (size_t c = 0; c < 3; ++c) {
            if (p.cells[r][c] == Hidden::No) continue;
            INFO(r << "," << c << " = " << t[r][c]);
            CHECK(seen[r][c].size() >= 2);
            CHECK(seen[r][c].count(t[r][c]) == 1);
        }
}

TEST_CASE("random tables: no hidden count can be worked out from what is published") {
    std::mt19937 rng(20261124);
    for (int round = 0; round < 400; ++round) {
        const size_t R = 2 + rng() % 2, C = 2 + (round % 3 == 0);
        Cells t(R, std::vector<int64_t>(C));
        for (auto& row : t)
            for (auto& v : row) v = (rng() % 3 == 0) ? 0 : static_cast<int64_t>(rng() % 9);
        const int k = 3 + static_cast<int>(rng() % 3);
        const TableProtection p = protect_table(t, k);
        check_lines(p);
        const auto seen = brute_force_readings(t, p, k, 12);
        for (size_t r = 0; r < R; ++r)
            for (size_t c = 0; c < C; ++c) {
                CHECK((t[r][c] == 0 || t[r][c] >= k || p.cells[r][c] == Hidden::Small));
                if (p.cells[r][c] == Hidden::No) continue;
                INFO("round " << round << " k " << k << " cell " << r << "," << c << " = " << t[r][c]);
                CHECK(seen[r][c].size() >= 2);
                CHECK(cell_can_vary(t, p, k, r, c));
            }
    }
}

TEST_CASE("a mean that would reveal a hidden count is withheld") {
    // Answers 1..5 and "declined": 3 → 2 (hidden), 4 → 5, 5 → 5; n = 12; mean 51/12 = 4.25 → 4.3.
    // Among the readings that fit n, only "two answered 3" gives 4.3, so the mean would tell.
    const std::vector<int> values{1, 2, 3, 4, 5, 0};
    const std::vector<int64_t> counts{0, 0, 2, 5, 5, 0};
    const std::vector<Hidden> hidden{Hidden::No, Hidden::No, Hidden::Small, Hidden::No, Hidden::No, Hidden::No};
    std::vector<Bounds> bounds{{0, 0}, {0, 0}, {1, 4}, {5, 5}, {5, 5}, {0, 0}};
    // With one hidden cell the row total alone gives it away, so take the looser case the
    // suppression leaves: the 5s hidden as a partner too (≥ 5).
    std::vector<Hidden> h2 = hidden;
    h2[4] = Hidden::Complementary;
    bounds[4] = {5, 12};
    CHECK(mean_reveals(values, counts, h2, bounds, 12, 4.3));
    // The same shape among more answers: many readings give the same mean; it is shown.
    const std::vector<int64_t> big{1, 2, 2, 15, 20, 0};
    const std::vector<Hidden> hb{Hidden::Small, Hidden::Small, Hidden::Small, Hidden::No, Hidden::No, Hidden::No};
    const std::vector<Bounds> bb{{1, 4}, {1, 4}, {1, 4}, {15, 15}, {20, 20}, {0, 0}};
    // (1 + 4 + 6 + 60 + 100) / 40 = 4.275 → 4.3
    CHECK_FALSE(mean_reveals(values, big, hb, bb, 40, 4.3));
}
