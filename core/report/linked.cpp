#include "core/report/linked.hpp"

#include "core/domain/model.hpp"

#include <algorithm>
#include <stdexcept>

namespace indgang::report {

namespace {

constexpr int64_t kInf = int64_t(1) << 50;   // "no bound": far above any count, no overflow in sums

// Figure i as an edge of the circulation S(0) → row(2+r) → column(2+R+c) → T(1) → S.
std::pair<size_t, size_t> edge(const FigureIndex& f, size_t i) {
    if (i < f.R * f.C) return {2 + i / f.C, 2 + f.R + i % f.C};
    if (i < f.R * f.C + f.R) return {0, 2 + (i - f.R * f.C)};
    if (i < f.R * f.C + f.R + f.C) return {2 + f.R + (i - f.R * f.C - f.R), 1};
    return {1, 0};
}

std::vector<int64_t> flatten(const std::vector<std::vector<int64_t>>& cells, FigureIndex& f) {
    f.R = cells.size();
    f.C = f.R ? cells[0].size() : 0;
    if (f.R == 0 || f.C == 0) throw std::invalid_argument("linked: empty table");
    std::vector<int64_t> v(f.size(), 0);
    for (size_t r = 0; r < f.R; ++r) {
        if (cells[r].size() != f.C) throw std::invalid_argument("linked: ragged table");
        for (size_t c = 0; c < f.C; ++c) {
            if (cells[r][c] < 0) throw std::invalid_argument("linked: negative count");
            v[f.cell(r, c)] = cells[r][c];
            v[f.row_total(r)] += cells[r][c];
            v[f.col_total(c)] += cells[r][c];
            v[f.grand()] += cells[r][c];
        }
    }
    return v;
}

// Edmonds–Karp on a dense capacity matrix, stopping once `limit` units are found.
int64_t max_flow(std::vector<int64_t> cap, size_t n, size_t s, size_t t, int64_t limit) {
    int64_t flow = 0;
    std::vector<size_t> parent(n);
    while (flow < limit) {
        std::fill(parent.begin(), parent.end(), n);
        parent[s] = s;
        std::vector<size_t> queue{s};
        for (size_t qi = 0; qi < queue.size() && parent[t] == n; ++qi) {
            const size_t u = queue[qi];
            for (size_t v = 0; v < n; ++v)
                if (parent[v] == n && cap[u * n + v] > 0) { parent[v] = u; queue.push_back(v); }
        }
        if (parent[t] == n) break;
        int64_t push = limit - flow;
        for (size_t v = t; v != s; v = parent[v]) push = std::min(push, cap[parent[v] * n + v]);
        for (size_t v = t; v != s; v = parent[v]) {
            cap[parent[v] * n + v] -= push;
            cap[v * n + parent[v]] += push;
        }
        flow += push;
    }
    return flow;
}

int64_t width_of(const FigureIndex& f, const std::vector<int64_t>& x, const std::vector<Known>& known, size_t i,
                 int64_t cap_values) {
    const size_t n = 2 + f.R + f.C;
    std::vector<int64_t> cap(n * n, 0);
    for (size_t j = 0; j < f.size(); ++j) {
        if (j == i) continue;
        const auto [a, b] = edge(f, j);
        cap[a * n + b] += known[j].hi ? *known[j].hi - x[j] : kInf;   // room to carry more
        cap[b * n + a] += x[j] - known[j].lo;                          // room to carry less
    }
    const auto [a, b] = edge(f, i);
    const int64_t up_room = known[i].hi ? *known[i].hi - x[i] : kInf;
    const int64_t down_room = x[i] - known[i].lo;
    const int64_t want = cap_values - 1;
    const int64_t up = max_flow(cap, n, b, a, std::min(up_room, want));             // +δ on i returns b → a
    const int64_t down = max_flow(cap, n, a, b, std::min(down_room, want - up));     // −δ on i: a → b elsewhere
    return 1 + up + down;
}

Known mark_knowledge(Hidden h, int64_t value, int k) {
    switch (h) {
        case Hidden::No: return {value, value};
        case Hidden::Small: return {0, k - 1};
        case Hidden::Complementary: return {0, std::nullopt};
    }
    return {0, std::nullopt};
}

}  // namespace

std::vector<int64_t> figure_values(const std::vector<std::vector<int64_t>>& cells) {
    FigureIndex f;
    return flatten(cells, f);
}

Known intersect(const Known& a, const Known& b) {
    Known k;
    k.lo = std::max(a.lo, b.lo);
    if (a.hi && b.hi) k.hi = std::min(*a.hi, *b.hi);
    else k.hi = a.hi ? a.hi : b.hi;
    return k;
}

int64_t figure_width(const std::vector<std::vector<int64_t>>& cells, const std::vector<Known>& known, size_t i,
                     int64_t cap) {
    FigureIndex f;
    const std::vector<int64_t> x = flatten(cells, f);
    if (known.size() != f.size() || i >= f.size()) throw std::invalid_argument("linked: knowledge size");
    return width_of(f, x, known, i, cap);
}

LinkedResult protect_linked(const std::vector<std::vector<int64_t>>& cells, int k,
                            const std::vector<std::optional<Known>>& prior, int prior_min_k,
                            const std::vector<std::optional<int64_t>>& ceilings,
                            const std::vector<bool>& forced) {
    if (k < 1) throw std::invalid_argument("linked: threshold below 1");
    FigureIndex f;
    const std::vector<int64_t> x = flatten(cells, f);
    const size_t N = f.size();
    std::vector<std::optional<Known>> before = prior;
    before.resize(N);
    for (size_t i = 0; i < N; ++i) {
        if (!before[i]) continue;
        if (x[i] < before[i]->lo || (before[i]->hi && x[i] > *before[i]->hi))
            throw DomainError(ErrorCode::Invalid,
                              "the figures of a month already published have changed; it cannot be published again");
    }
    auto is_public = [&](size_t i) { return before[i] && before[i]->exact(); };

    // Rules 1–3.
    std::vector<Hidden> h(N, Hidden::No);
    for (size_t i = 0; i < N; ++i) {
        if (!f.published(i)) h[i] = Hidden::Complementary;                  // a reader sees nothing of it
        else if (is_public(i)) h[i] = Hidden::No;
        // Hidden before: a mark that tells nothing new ("<k" only where that was known already),
        // so a re-export of unchanged figures is the same bytes.
        else if (before[i]) h[i] = before[i]->hi && *before[i]->hi <= k - 1 ? Hidden::Small : Hidden::Complementary;
        else if (x[i] > 0 && x[i] < k) h[i] = Hidden::Small;
        if (i < forced.size() && forced[i] && h[i] == Hidden::No && !is_public(i)) h[i] = Hidden::Complementary;
    }
    auto hide_row_if_one_category = [&](const std::vector<size_t>& members, size_t total) {
        if (x[total] == 0 || members.size() < 2) return;
        int nonzero = 0;
        for (size_t m : members) nonzero += x[m] > 0;
        if (nonzero != 1) return;
        for (size_t m : members)
            if (h[m] == Hidden::No && !is_public(m)) h[m] = x[m] > 0 && x[m] < k ? Hidden::Small : Hidden::Complementary;
    };
    for (size_t r = 0; r < f.R; ++r) {
        std::vector<size_t> members;
        for (size_t c = 0; c < f.C; ++c) members.push_back(f.cell(r, c));
        hide_row_if_one_category(members, f.row_total(r));
    }
    if (f.R > 1) {
        std::vector<size_t> members;
        for (size_t c = 0; c < f.C; ++c) members.push_back(f.col_total(c));
        hide_row_if_one_category(members, f.grand());
    }

    // What a reader knows from the publications; with `ceilings` also what other tables bound
    // (used to judge widths, never recorded: the ledger holds what was published).
    auto knowledge = [&](const std::vector<Hidden>& hh, bool with_ceilings = true) {
        std::vector<Known> kn(N);
        for (size_t i = 0; i < N; ++i) {
            kn[i] = mark_knowledge(hh[i], x[i], k);
            if (before[i]) kn[i] = intersect(kn[i], *before[i]);
            if (with_ceilings && i < ceilings.size() && ceilings[i] && x[i] <= *ceilings[i])
                kn[i] = intersect(kn[i], Known{0, *ceilings[i]});
        }
        return kn;
    };
    const int64_t T = prior_min_k > 0 ? std::min(k, prior_min_k) : k;

    // Rule 4: widen the first figure that is too narrow, with the hiding that widens it most.
    LinkedResult out;
    // Too narrow: fewer than T values from the publications, or pinned once other tables'
    // bounds (`ceilings`) are added. Those bounds can cap a figure below T whatever is hidden
    // here (the service table protects them in turn), so with them only pinning counts.
    auto shortfall = [&](const std::vector<Hidden>& hh, size_t i) {
        const int64_t own = width_of(f, x, knowledge(hh, false), i, T);
        const int64_t joint = ceilings.empty() ? own : width_of(f, x, knowledge(hh, true), i, 2);
        return std::max<int64_t>(0, T - own) + std::max<int64_t>(0, 2 - joint);
    };
    for (;;) {
        std::optional<size_t> narrow;
        for (size_t i = 0; i < N && !narrow; ++i)
            if (f.published(i) && h[i] != Hidden::No && shortfall(h, i) > 0) narrow = i;
        if (!narrow) break;
        const auto [na, nb] = edge(f, *narrow);
        std::optional<size_t> best;
        int64_t best_w = 0;
        bool best_near = false;
        for (size_t c = 0; c < N; ++c) {
            if (!f.published(c) || h[c] != Hidden::No || is_public(c)) continue;
            std::vector<Hidden> trial = h;
            trial[c] = Hidden::Complementary;
            const int64_t w = -shortfall(trial, *narrow);
            const auto [ca, cb] = edge(f, c);
            const bool near = ca == na || ca == nb || cb == na || cb == nb;
            const bool better = !best || w > best_w || (w == best_w && near && !best_near) ||
                                (w == best_w && near == best_near && x[c] < x[*best]);
            if (better) { best = c; best_w = w; best_near = near; }
        }
        if (!best) {
            // Rule 5: nothing left that would help; add nothing new to what is public.
            for (size_t i = 0; i < N; ++i)
                if (!is_public(i)) h[i] = Hidden::Complementary;
            out.fell_back = true;
            break;
        }
        h[*best] = Hidden::Complementary;
    }

    out.known = knowledge(h, false);
    out.marks = h;
    const std::vector<Known> judged = knowledge(h);
    out.highest.assign(N, std::nullopt);
    for (size_t i = 0; i < N; ++i) {
        if (!f.published(i)) continue;
        if (h[i] == Hidden::No) { out.highest[i] = x[i]; continue; }
        const int64_t w = width_of(f, x, judged, i, 1'000'000);
        out.narrowest = out.narrowest == 0 ? w : std::min(out.narrowest, w);
        // The largest value: widen upwards only (no room to go down).
        std::vector<Known> up_only = judged;
        up_only[i].lo = x[i];
        const int64_t up = width_of(f, x, up_only, i, 1'000'000) - 1;
        if (up < 1'000'000 - 1) out.highest[i] = x[i] + up;
    }
    TableProtection& p = out.protection;
    p.zeros_hidden = true;
    p.cells.assign(f.R, std::vector<Hidden>(f.C));
    p.cell_bounds.assign(f.R, std::vector<Bounds>(f.C));
    auto bounds = [&](size_t i) { return Bounds{out.known[i].lo, out.known[i].hi.value_or(kInf)}; };
    for (size_t r = 0; r < f.R; ++r)
        for (size_t c = 0; c < f.C; ++c) {
            p.cells[r][c] = h[f.cell(r, c)];
            p.cell_bounds[r][c] = bounds(f.cell(r, c));
        }
    for (size_t r = 0; r < f.R; ++r) p.row_totals.push_back(h[f.row_total(r)]);
    for (size_t c = 0; c < f.C; ++c) {
        p.col_totals.push_back(h[f.col_total(c)]);
        p.col_bounds.push_back(bounds(f.col_total(c)));
    }
    p.grand = h[f.grand()];
    return out;
}

}  // namespace indgang::report
