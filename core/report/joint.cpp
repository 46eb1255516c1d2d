#include "core/report/joint.hpp"

#include <glpk.h>

#include <algorithm>
#include <cmath>
#include <optional>
#include <stdexcept>

namespace indgang::report {

namespace {

constexpr double kBig = 1e7;   // every count's upper bound: "no bound" in practice

FigureIndex index_of(const JointTable& t) {
    FigureIndex f;
    f.R = t.cells.size();
    f.C = f.R ? t.cells[0].size() : 0;
    return f;
}

// The month's tables as one integer program: a variable per cell, a row per published figure
// bounded by what a reader knows of it, and the rows that tie the tables together.
class Program {
public:
    explicit Program(const std::vector<JointTable>& tables) : tables_(tables), lp_(glp_create_prob()) {
        if (tables.empty() || tables[0].cells.size() != 1) throw std::invalid_argument("joint: no grouping table");
        for (const auto& t : tables) {
            const FigureIndex f = index_of(t);
            first_col_.push_back(glp_get_num_cols(lp_) + 1);
            const int n = static_cast<int>(f.R * f.C);
            if (n == 0) throw std::invalid_argument("joint: empty table");
            glp_add_cols(lp_, n);
            for (int j = first_col_.back(); j < first_col_.back() + n; ++j) {
                glp_set_col_bnds(lp_, j, GLP_DB, 0, kBig);
                glp_set_col_kind(lp_, j, GLP_IV);
            }
        }
        for (size_t t = 0; t < tables.size(); ++t) {
            const FigureIndex f = index_of(tables[t]);
            if (tables[t].known.size() != f.size() || tables[t].marks.size() != f.size() ||
                tables[t].locked.size() != f.size())
                throw std::invalid_argument("joint: figure vectors do not match the table");
            figure_row_.emplace_back(f.size(), 0);
            for (size_t j = 0; j < f.size(); ++j) {
                if (!f.published(j)) continue;
                figure_row_[t][j] = add_row(expr(t, j), {});
                restore(t, j);
            }
        }
        // Ties between the tables: a group is no larger than the forms that gave its service;
        // a one-row table has no more answers than there were forms (the grouping table's total).
        const std::vector<int> forms = expr(0, index_of(tables[0]).row_total(0));
        for (size_t t = 1; t < tables.size(); ++t) {
            const FigureIndex f = index_of(tables[t]);
            if (tables[t].row_bound.empty()) {
                add_row(expr(t, f.R > 1 ? f.grand() : f.row_total(0)), forms);
                continue;
            }
            if (tables[t].row_bound.size() != f.R) throw std::invalid_argument("joint: row bounds do not match");
            for (size_t r = 0; r < f.R; ++r) {
                std::vector<int> bound;
                for (size_t c : tables[t].row_bound[r]) bound.push_back(first_col_[0] + static_cast<int>(c));
                add_row(expr(t, f.row_total(r)), bound);
            }
        }
    }
    ~Program() { glp_delete_prob(lp_); }
    Program(const Program&) = delete;
    Program& operator=(const Program&) = delete;

    // The columns whose sum is figure j of table t.
    std::vector<int> expr(size_t t, size_t j) const {
        const FigureIndex f = index_of(tables_[t]);
        const int base = first_col_[t];
        std::vector<int> cols;
        auto cell = [&](size_t r, size_t c) { cols.push_back(base + static_cast<int>(f.cell(r, c))); };
        if (j < f.R * f.C) cell(j / f.C, j % f.C);
        else if (j < f.R * f.C + f.R) for (size_t c = 0; c < f.C; ++c) cell(j - f.R * f.C, c);
        else if (j < f.R * f.C + f.R + f.C) for (size_t r = 0; r < f.R; ++r) cell(r, j - f.R * f.C - f.R);
        else for (size_t r = 0; r < f.R; ++r) for (size_t c = 0; c < f.C; ++c) cell(r, c);
        return cols;
    }

    // As if figure j of table t were hidden ("×", nothing known), or back to what is known.
    void relax(size_t t, size_t j) { glp_set_row_bnds(lp_, figure_row_[t][j], GLP_FR, 0, 0); }
    void restore(size_t t, size_t j) {
        const Known& k = tables_[t].known[j];
        const double lo = static_cast<double>(k.lo);
        const int row = figure_row_[t][j];
        if (!k.hi) glp_set_row_bnds(lp_, row, GLP_LO, lo, 0);
        else if (*k.hi == k.lo) glp_set_row_bnds(lp_, row, GLP_FX, lo, lo);
        else glp_set_row_bnds(lp_, row, GLP_DB, lo, static_cast<double>(*k.hi));
    }

    // How many values figure j of table t can take (capped), over the integers or the reals.
    // Over the reals, `binding` (if given) collects the published figures whose bounds hold the
    // smallest or largest value where it is: only hiding one of those can widen it (a bound
    // with a zero dual can be dropped without moving the optimum).
    int64_t width(size_t t, size_t j, bool integer, int64_t cap,
                  std::vector<std::pair<size_t, size_t>>* binding = nullptr) {
        const std::vector<int> e = expr(t, j);
        const double lo = optimum(e, GLP_MIN, integer);
        if (binding) collect_binding(*binding);
        const double hi = optimum(e, GLP_MAX, integer);
        if (binding) collect_binding(*binding);
        if (hi >= kBig / 2) return cap;
        return std::min<int64_t>(cap, std::llround(hi) - std::llround(lo) + 1);
    }

private:
    // sum(cols) − sum(bound) ≤ 0, or with an empty bound a free row over cols.
    int add_row(const std::vector<int>& cols, const std::vector<int>& bound) {
        const int row = glp_add_rows(lp_, 1);
        std::vector<int> idx{0};
        std::vector<double> val{0};
        std::vector<double> coef(static_cast<size_t>(glp_get_num_cols(lp_)) + 1, 0);
        for (int c : cols) coef[static_cast<size_t>(c)] += 1;
        for (int c : bound) coef[static_cast<size_t>(c)] -= 1;
        for (size_t c = 1; c < coef.size(); ++c)
            if (coef[c] != 0) { idx.push_back(static_cast<int>(c)); val.push_back(coef[c]); }
        glp_set_mat_row(lp_, row, static_cast<int>(idx.size() - 1), idx.data(), val.data());
        if (bound.empty()) glp_set_row_bnds(lp_, row, GLP_FR, 0, 0);
        else glp_set_row_bnds(lp_, row, GLP_UP, 0, 0);
        return row;
    }

    void collect_binding(std::vector<std::pair<size_t, size_t>>& out) const {
        for (size_t t = 0; t < figure_row_.size(); ++t)
            for (size_t j = 0; j < figure_row_[t].size(); ++j) {
                const int row = figure_row_[t][j];
                if (row == 0 || std::fabs(glp_get_row_dual(lp_, row)) < 1e-9) continue;
                if (std::find(out.begin(), out.end(), std::pair{t, j}) == out.end()) out.emplace_back(t, j);
            }
    }

    double optimum(const std::vector<int>& e, int dir, bool integer) {
        const int n = glp_get_num_cols(lp_);
        for (int j = 1; j <= n; ++j) glp_set_obj_coef(lp_, j, 0);
        for (int j : e) glp_set_obj_coef(lp_, j, glp_get_obj_coef(lp_, j) + 1);
        glp_set_obj_dir(lp_, dir);
        glp_smcp sp;
        glp_init_smcp(&sp);
        sp.msg_lev = GLP_MSG_OFF;
        // The true counts satisfy every row, so the system is never empty: a failure is a bug.
        if (glp_simplex(lp_, &sp) != 0 || glp_get_status(lp_) != GLP_OPT) {
            glp_adv_basis(lp_, 0);   // a stale basis after many bound changes: start afresh once
            if (glp_simplex(lp_, &sp) != 0 || glp_get_status(lp_) != GLP_OPT)
                throw std::logic_error("joint: the published figures have no solution");
        }
        if (!integer) return glp_get_obj_val(lp_);
        glp_iocp ip;
        glp_init_iocp(&ip);
        ip.msg_lev = GLP_MSG_OFF;
        if (glp_intopt(lp_, &ip) != 0 || glp_mip_status(lp_) != GLP_OPT)
            throw std::logic_error("joint: the published figures have no integer solution");
        return glp_mip_obj_val(lp_);
    }

    const std::vector<JointTable>& tables_;
    glp_prob* lp_;
    std::vector<int> first_col_;
    std::vector<std::vector<int>> figure_row_;
};

bool hideable(const JointTable& t, const FigureIndex& f, size_t j) {
    return f.published(j) && t.marks[j] == Hidden::No && !t.locked[j];
}

}  // namespace

JointStep check_month(const std::vector<JointTable>& tables, int64_t T, std::vector<std::vector<bool>>& verified,
                      int& unfixable) {
    Program p(tables);
    std::vector<std::vector<int64_t>> values;   // per table, per figure: for the tie-break
    for (const auto& t : tables) values.push_back(figure_values(t.cells));
    auto hideable_at = [&](size_t u, size_t c) { return hideable(tables[u], index_of(tables[u]), c); };
    // The single figure among `candidates` whose hiding widens (t, j) most; ties: the smaller figure.
    auto best_of = [&](size_t t, size_t j, const std::vector<std::pair<size_t, size_t>>& candidates, bool integer)
        -> std::optional<std::pair<size_t, size_t>> {
        const int64_t base = p.width(t, j, integer, T);
        std::optional<std::pair<size_t, size_t>> best;
        int64_t best_w = base;
        for (const auto& [u, c] : candidates) {
            p.relax(u, c);
            const int64_t w = p.width(t, j, integer, T);
            p.restore(u, c);
            const bool better = w > best_w || (best && w == best_w &&
                                               values[u][c] < values[best->first][best->second]);
            if (better) { best = {u, c}; best_w = w; }
        }
        return best;
    };
    verified.resize(tables.size());
    for (size_t t = 0; t < tables.size(); ++t) {
        const FigureIndex f = index_of(tables[t]);
        verified[t].resize(f.size(), false);
        for (size_t j = 0; j < f.size(); ++j) {
            if (!f.published(j) || tables[t].marks[j] == Hidden::No || verified[t][j]) continue;
            if (p.width(t, j, true, T) >= T) { verified[t][j] = true; continue; }
            // Too narrow. Only the published figures whose bounds hold its smallest or largest
            // value can widen it: the one that widens it most, or, when it takes several at
            // once, all of them.
            std::vector<std::pair<size_t, size_t>> binding, candidates;
            const int64_t real_width = p.width(t, j, false, T, &binding);
            for (const auto& b : binding)
                if (hideable_at(b.first, b.second)) candidates.push_back(b);
            if (auto best = best_of(t, j, candidates, false)) return {false, {*best}, false};
            if (!candidates.empty()) return {false, candidates, false};
            // Wide over the reals, narrow over the integers: try every figure that may be hidden.
            std::vector<std::pair<size_t, size_t>> all;
            for (size_t u = 0; u < tables.size(); ++u)
                for (size_t c = 0; c < index_of(tables[u]).size(); ++c)
                    if (hideable_at(u, c)) all.emplace_back(u, c);
            if (real_width >= T)
                if (auto best = best_of(t, j, all, true)) return {false, {*best}, false};
            if (!all.empty()) return {false, {}, true};
            verified[t][j] = true;   // nothing left to hide: as wide as it can be
            ++unfixable;
        }
    }
    return {};
}

int64_t joint_narrowest(const std::vector<JointTable>& tables, int64_t cap) {
    Program p(tables);
    int64_t narrowest = 0;
    for (size_t t = 0; t < tables.size(); ++t) {
        const FigureIndex f = index_of(tables[t]);
        for (size_t j = 0; j < f.size(); ++j) {
            if (!f.published(j) || tables[t].marks[j] == Hidden::No) continue;
            const int64_t w = p.width(t, j, true, cap);
            narrowest = narrowest == 0 ? w : std::min(narrowest, w);
        }
    }
    return narrowest;
}

}  // namespace indgang::report
