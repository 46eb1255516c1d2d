#include "core/report/suppression.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <stdexcept>

namespace indgang::report {

std::vector<Bounds> reader_bounds(const std::vector<int64_t>& counts, const std::vector<Hidden>& hidden,
                                  const std::vector<Line>& lines, int k) {
    const int64_t big = std::accumulate(counts.begin(), counts.end(), int64_t{0}) + k;
    std::vector<Bounds> b(counts.size());
    for (size_t i = 0; i < counts.size(); ++i) {
        switch (hidden[i]) {
            case Hidden::No: b[i] = {counts[i], counts[i]}; break;
            case Hidden::Small: b[i] = {0, k - 1}; break;
            case Hidden::Complementary: b[i] = {k, big}; break;
        }
    }
    // Interval propagation to a fixed point: each line bounds its total by its members and each
    // member by the total minus the others.
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

Protection protect(const std::vector<int64_t>& counts, const std::vector<Line>& lines, int k) {
    if (k < 1) throw std::invalid_argument("suppression threshold must be at least 1");
    for (const Line& line : lines) {
        int64_t sum = 0;
        for (size_t m : line.members) sum += counts.at(m);
        if (sum != counts.at(line.total)) throw std::invalid_argument("suppression: a line does not add up");
    }
    Protection p;
    p.hidden.resize(counts.size(), Hidden::No);
    for (size_t i = 0; i < counts.size(); ++i)
        if (counts[i] < k) p.hidden[i] = Hidden::Small;

    // Hides the smallest visible member of `line` (members before the total, so a row total stays
    // visible where it can). Returns false when everything in the line is already hidden.
    auto hide_one_more = [&](const Line& line) {
        std::optional<size_t> pick;
        for (size_t m : line.members)
            if (p.hidden[m] == Hidden::No && (!pick || counts[m] < counts[*pick])) pick = m;
        if (!pick && p.hidden[line.total] == Hidden::No) pick = line.total;
        if (!pick) return false;
        p.hidden[*pick] = Hidden::Complementary;
        return true;
    };

    for (bool changed = true; changed;) {
        changed = false;
        for (const Line& line : lines) {
            int hidden = p.hidden[line.total] != Hidden::No;
            for (size_t m : line.members) hidden += p.hidden[m] != Hidden::No;
            if (hidden == 1) changed |= hide_one_more(line);
        }
        if (changed) continue;
        p.bounds = reader_bounds(counts, p.hidden, lines, k);
        for (size_t i = 0; i < counts.size() && !changed; ++i) {
            if (p.hidden[i] == Hidden::No || counts[i] == 0 || p.bounds[i].lo != p.bounds[i].hi) continue;
            for (const Line& line : lines) {
                const bool in_line = line.total == i ||
                    std::find(line.members.begin(), line.members.end(), i) != line.members.end();
                if (in_line && hide_one_more(line)) { changed = true; break; }
            }
        }
    }
    p.bounds = reader_bounds(counts, p.hidden, lines, k);
    return p;
}

}  // namespace indgang::report
