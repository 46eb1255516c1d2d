#include "core/report/suppression.hpp"

#include <algorithm>
#include <limits>
#include <optional>
#include <stdexcept>

namespace indgang::report {

namespace {

// The table flattened: cells, then row totals, column totals and the grand total, each an edge of
// the circulation S(0) → R_r(2+r) → C_c(2+R+c) → T(1) → S.
struct Flat {
    size_t R = 0, C = 0;
    std::vector<int64_t> counts;
    std::vector<Hidden> hidden;
    int64_t small_lo = 1;              // what "<k" can mean: 1…k−1, or 0…k−1 when zeros are hidden
    size_t cell(size_t r, size_t c) const { return r * C + c; }
    size_t row_total(size_t r) const { return R * C + r; }
    size_t col_total(size_t c) const { return R * C + R + c; }
    size_t grand() const { return R * C + R + C; }
    size_t size() const { return grand() + 1; }
    std::pair<size_t, size_t> edge(size_t i) const {   // (from, to) nodes
        if (i < R * C) return {2 + i / C, 2 + R + i % C};
        if (i < R * C + R) return {0, 2 + (i - R * C)};
        if (i < R * C + R + C) return {2 + R + (i - R * C - R), 1};
        return {1, 0};
    }
    size_t nodes() const { return 2 + R + C; }
};

struct Line {
    std::vector<size_t> members;
    size_t total;
};

std::vector<Line> lines_of(const Flat& f) {
    std::vector<Line> lines;
    for (size_t r = 0; r < f.R; ++r) {
        Line l{{}, f.row_total(r)};
        for (size_t c = 0; c < f.C; ++c) l.members.push_back(f.cell(r, c));
        lines.push_back(std::move(l));
    }
    for (size_t c = 0; c < f.C; ++c) {
        Line l{{}, f.col_total(c)};
        for (size_t r = 0; r < f.R; ++r) l.members.push_back(f.cell(r, c));
        lines.push_back(std::move(l));
    }
    Line rows{{}, f.grand()}, cols{{}, f.grand()};
    for (size_t r = 0; r < f.R; ++r) rows.members.push_back(f.row_total(r));
    for (size_t c = 0; c < f.C; ++c) cols.members.push_back(f.col_total(c));
    lines.push_back(std::move(rows));
    lines.push_back(std::move(cols));
    return lines;
}

// Can edge i move by one unit while every published fact stays true? Look for a cycle through it
// in the residual graph: +1 on i needs a path to→from, −1 needs from→to, over the other edges'
// residual arcs (a hidden count may go up or down within what its mark allows).
bool can_vary(const Flat& f, size_t i, int k) {
    auto up = [&](size_t j) {
        return f.hidden[j] == Hidden::Complementary || (f.hidden[j] == Hidden::Small && f.counts[j] < k - 1);
    };
    auto down = [&](size_t j) {
        return (f.hidden[j] == Hidden::Complementary && f.counts[j] > k) ||
               (f.hidden[j] == Hidden::Small && f.counts[j] > f.small_lo);
    };
    auto reachable = [&](size_t from, size_t to) {
        std::vector<bool> seen(f.nodes(), false);
        std::vector<size_t> stack{from};
        seen[from] = true;
        while (!stack.empty()) {
            const size_t n = stack.back();
            stack.pop_back();
            if (n == to) return true;
            for (size_t j = 0; j < f.size(); ++j) {
                if (j == i) continue;
                const auto [a, b] = f.edge(j);
                if (a == n && up(j) && !seen[b]) { seen[b] = true; stack.push_back(b); }
                if (b == n && down(j) && !seen[a]) { seen[a] = true; stack.push_back(a); }
            }
        }
        return false;
    };
    const auto [a, b] = f.edge(i);
    return (up(i) && reachable(b, a)) || (down(i) && reachable(a, b));
}

std::vector<Bounds> interval_bounds(const Flat& f, const std::vector<Line>& lines, int k) {
    int64_t big = 0;
    for (int64_t v : f.counts) big = std::max(big, v);
    big = big * 2 + k;
    std::vector<Bounds> b(f.size());
    for (size_t i = 0; i < f.size(); ++i) {
        switch (f.hidden[i]) {
            case Hidden::No: b[i] = {f.counts[i], f.counts[i]}; break;
            case Hidden::Small: b[i] = {f.small_lo, k - 1}; break;
            case Hidden::Complementary: b[i] = {k, big}; break;
        }
    }
    for (bool changed = true; changed;) {
        changed = false;
        auto tighten = [&](size_t i, int64_t lo, int64_t hi) {
            if (lo > b[i].lo) { b[i].lo = lo; changed = true; }
            if (hi < b[i].hi) { b[i].hi = hi; changed = true; }
        };
        for (const Line& line : lines) {
            int64_t sum_lo = 0, sum_hi = 0;
            for (size_t m : line.members) { sum_lo += b[m].lo; sum_hi += b[m].hi; }
            tighten(line.total, sum_lo, sum_hi);
            for (size_t m : line.members)
                tighten(m, b[line.total].lo - (sum_hi - b[m].hi), b[line.total].hi - (sum_lo - b[m].lo));
        }
    }
    return b;
}

Flat flatten(const std::vector<std::vector<int64_t>>& cells) {
    Flat f;
    f.R = cells.size();
    f.C = f.R ? cells[0].size() : 0;
    if (f.R == 0 || f.C == 0) throw std::invalid_argument("suppression: empty table");
    f.counts.assign(f.size(), 0);
    for (size_t r = 0; r < f.R; ++r) {
        if (cells[r].size() != f.C) throw std::invalid_argument("suppression: ragged table");
        for (size_t c = 0; c < f.C; ++c) {
            const int64_t v = cells[r][c];
            if (v < 0) throw std::invalid_argument("suppression: negative count");
            f.counts[f.cell(r, c)] = v;
            f.counts[f.row_total(r)] += v;
            f.counts[f.col_total(c)] += v;
            f.counts[f.grand()] += v;
        }
    }
    return f;
}

TableProtection unflatten(const Flat& f, const std::vector<Bounds>& b) {
    TableProtection p;
    p.cells.assign(f.R, std::vector<Hidden>(f.C));
    p.cell_bounds.assign(f.R, std::vector<Bounds>(f.C));
    for (size_t r = 0; r < f.R; ++r)
        for (size_t c = 0; c < f.C; ++c) {
            p.cells[r][c] = f.hidden[f.cell(r, c)];
            p.cell_bounds[r][c] = b[f.cell(r, c)];
        }
    for (size_t r = 0; r < f.R; ++r) p.row_totals.push_back(f.hidden[f.row_total(r)]);
    for (size_t c = 0; c < f.C; ++c) p.col_totals.push_back(f.hidden[f.col_total(c)]);
    for (size_t c = 0; c < f.C; ++c) p.col_bounds.push_back(b[f.col_total(c)]);
    p.grand = f.hidden[f.grand()];
    return p;
}

}  // namespace

namespace {

// One attempt; returns false when some hidden count stays pinned with nothing left to hide.
bool protect_flat(Flat& f, const std::vector<Line>& lines, int k, bool hide_zeros) {
    f.small_lo = hide_zeros ? 0 : 1;
    f.hidden.assign(f.size(), Hidden::No);
    for (size_t i = 0; i < f.size(); ++i)
        if ((hide_zeros || f.counts[i] > 0) && f.counts[i] < k) f.hidden[i] = Hidden::Small;

    // Hides the smallest non-zero visible member of `line` (members before the total, so a row
    // total stays visible where it can; a visible member that is not 0 is at least k, which is
    // what the reader's bounds assume). Returns false when nothing in the line is left to hide.
    auto hide_one_more = [&](const Line& line) {
        std::optional<size_t> pick;
        for (size_t m : line.members)
            if (f.hidden[m] == Hidden::No && f.counts[m] > 0 && (!pick || f.counts[m] < f.counts[*pick])) pick = m;
        if (!pick && f.hidden[line.total] == Hidden::No && f.counts[line.total] > 0) pick = line.total;
        if (!pick) return false;
        f.hidden[*pick] = Hidden::Complementary;
        return true;
    };

    for (bool changed = true; changed;) {
        changed = false;
        for (const Line& line : lines) {
            int hidden = f.hidden[line.total] != Hidden::No;
            for (size_t m : line.members) hidden += f.hidden[m] != Hidden::No;
            if (hidden == 1) changed |= hide_one_more(line);
        }
        if (changed) continue;
        for (size_t i = 0; i < f.size() && !changed; ++i) {
            if (f.hidden[i] == Hidden::No || can_vary(f, i, k)) continue;
            // Pinned: give it more room in the first of its lines that still has something to
            // hide; failing that, hide the smallest visible count anywhere (a cycle through the
            // totals then opens up).
            for (const Line& line : lines) {
                const bool in_line = line.total == i ||
                    std::find(line.members.begin(), line.members.end(), i) != line.members.end();
                if (in_line && hide_one_more(line)) { changed = true; break; }
            }
            if (!changed) {
                std::optional<size_t> pick;
                for (size_t j = 0; j < f.size(); ++j)
                    if (f.hidden[j] == Hidden::No && f.counts[j] > 0 && (!pick || f.counts[j] < f.counts[*pick]))
                        pick = j;
                if (pick) { f.hidden[*pick] = Hidden::Complementary; changed = true; }
            }
        }
    }
    for (size_t i = 0; i < f.size(); ++i)
        if (f.hidden[i] != Hidden::No && !can_vary(f, i, k)) return false;
    return true;
}

}  // namespace

TableProtection protect_table(const std::vector<std::vector<int64_t>>& cells, int k) {
    if (k < 1) throw std::invalid_argument("suppression threshold must be at least 1");
    Flat f = flatten(cells);
    const std::vector<Line> lines = lines_of(f);
    // Zeros are shown where that is safe. When it is not (tiny tables, where knowing every "<k"
    // is at least 1 pins a count), the table is redone with zeros hidden among the "<k" too.
    bool zeros_hidden = false;
    if (!protect_flat(f, lines, k, false)) {
        zeros_hidden = true;
        protect_flat(f, lines, k, true);
    }
    TableProtection p = unflatten(f, interval_bounds(f, lines, k));
    p.zeros_hidden = zeros_hidden;
    return p;
}

bool cell_can_vary(const std::vector<std::vector<int64_t>>& cells, const TableProtection& p, int k,
                   size_t row, size_t col) {
    Flat f = flatten(cells);
    f.small_lo = p.zeros_hidden ? 0 : 1;
    f.hidden.assign(f.size(), Hidden::No);
    for (size_t r = 0; r < f.R; ++r)
        for (size_t c = 0; c < f.C; ++c) f.hidden[f.cell(r, c)] = p.cells[r][c];
    for (size_t r = 0; r < f.R; ++r) f.hidden[f.row_total(r)] = p.row_totals[r];
    for (size_t c = 0; c < f.C; ++c) f.hidden[f.col_total(c)] = p.col_totals[c];
    f.hidden[f.grand()] = p.grand;
    return f.hidden[f.cell(row, col)] != Hidden::No && can_vary(f, f.cell(row, col), k);
}

}  // namespace indgang::report
