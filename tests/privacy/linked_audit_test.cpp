// The auditor's attack on the publications, with an exact integer program (GLPK): a year of every
// table that leaves the centre for one site — monthly reports as HTML, CSV and JSON at two
// thresholds, the extract, a re-export after late forms, quarters published after and before
// their months — on generated data with traps (small groups, groups whose answers all fall in one
// category, a single form that skipped the grouping question each month, declined answers).
// For every hidden figure of every publication: minimise and maximise it subject to all published
// figures together (counts, totals, "<k" marks, forms per month ≥ answers per question, all
// non-negative integers). No hidden figure may be pinned, nor left fewer values than the
// threshold.
//
// The constraint system splits exactly by quarter (no publication spans two quarters, and a form
// counts in one month only), so each question is solved per quarter with every publication that
// touches it.
#include "tests/feedback/fixture.hpp"

#include "core/feedback/tally_store.hpp"
#include "core/report/aggregate.hpp"
#include "core/report/render.hpp"

#include <doctest/doctest.h>
#include <glpk.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <set>

using namespace indgang;
using namespace indgang::report;
using indgang::testing::FeedbackFixture;

namespace {

constexpr double kCeiling = 100000;   // every variable's upper bound: "unbounded" in practice

// One linear expression over the month-level variables: sum of the listed columns (1-based).
using Expr = std::vector<int>;

struct Ip {
    glp_prob* lp = glp_create_prob();
    Ip() { glp_set_obj_dir(lp, GLP_MIN); }
    ~Ip() { glp_delete_prob(lp); }
    Ip(const Ip&) = delete;
    Ip& operator=(const Ip&) = delete;
    int var() {
        const int j = glp_add_cols(lp, 1);
        glp_set_col_bnds(lp, j, GLP_DB, 0, kCeiling);
        glp_set_col_kind(lp, j, GLP_IV);
        return j;
    }
    void row(const Expr& e, int type, double lo, double hi) {
        const int i = glp_add_rows(lp, 1);
        std::vector<int> idx{0};
        std::vector<double> val{0};
        for (int j : e) { idx.push_back(j); val.push_back(1); }
        glp_set_mat_row(lp, i, static_cast<int>(e.size()), idx.data(), val.data());
        glp_set_row_bnds(lp, i, type, lo, hi);
    }
    void equal(const Expr& e, double v) { row(e, GLP_FX, v, v); }
    void at_most(const Expr& e, double v) { row(e, GLP_UP, 0, v); }
    // A ≤ B as A − B ≤ 0.
    void not_more(const Expr& a, const Expr& b) {
        const int i = glp_add_rows(lp, 1);
        std::map<int, double> coef;
        for (int j : a) coef[j] += 1;
        for (int j : b) coef[j] -= 1;
        std::vector<int> idx{0};
        std::vector<double> val{0};
        for (auto [j, c] : coef) if (c != 0) { idx.push_back(j); val.push_back(c); }
        glp_set_mat_row(lp, i, static_cast<int>(idx.size() - 1), idx.data(), val.data());
        glp_set_row_bnds(lp, i, GLP_UP, 0, 0);
    }
    // Optimum of the expression, or nullopt when infeasible.
    std::optional<double> optimise(const Expr& e, int dir) {
        const int n = glp_get_num_cols(lp);
        for (int j = 1; j <= n; ++j) glp_set_obj_coef(lp, j, 0);
        for (int j : e) glp_set_obj_coef(lp, j, glp_get_obj_coef(lp, j) + 1);
        glp_set_obj_dir(lp, dir);
        glp_iocp parm;
        glp_init_iocp(&parm);
        parm.presolve = GLP_ON;
        parm.msg_lev = GLP_MSG_OFF;
        if (glp_intopt(lp, &parm) != 0) return std::nullopt;
        const int st = glp_mip_status(lp);
        if (st != GLP_OPT) return std::nullopt;
        return glp_mip_obj_val(lp);
    }
};

struct Publication {
    Report report;
    std::string channel;
};

// One month's forms with traps. `m` is 1–12; the random engine is shared so each month differs.
void generate_month(FeedbackFixture& fx, int m, std::mt19937& rng) {
    const char* services[] = {"jobcentre", "social", "benefits", "substance", "skp", "other"};
    const char* scale[] = {"safe", "relevant", "place", "again"};
    auto day = [&](int d) {
        static char buf[16];
        std::snprintf(buf, sizeof buf, "2026-%02d-%02d", m, d);
        return buf;
    };
    std::uniform_int_distribution<int> answer(1, 5), dday(1, 28), coin(0, 9);
    auto one_form = [&](const char* service, std::optional<int> all_same) {
        feedback::Draft d;
        if (service) d.answer("service", service);
        for (const char* q : scale) {
            const int c = coin(rng);
            if (c == 0) continue;                            // skipped
            if (c == 1 && !all_same) { d.answer(q, "declined"); continue; }
            d.answer(q, std::to_string(all_same ? *all_same : answer(rng)));
        }
        REQUIRE(fx.store(d, day(dday(rng))));
    };
    // Big groups, a small one (1–3 forms), a group whose every answer is the same, and one form
    // that skipped "who did you talk with".
    std::uniform_int_distribution<int> big(8, 20), small(1, 3);
    for (int i = big(rng); i > 0; --i) one_form("jobcentre", std::nullopt);
    for (int i = big(rng); i > 0; --i) one_form("social", std::nullopt);
    for (int i = small(rng); i > 0; --i) one_form(services[2 + (m % 4)], std::nullopt);
    for (int i = 5 + small(rng); i > 0; --i) one_form(m % 2 ? "benefits" : "other", 4);
    one_form(nullptr, std::nullopt);
}

struct Audit {
    int hidden = 0;          // distinct hidden figures audited
    int programs = 0;        // integer programs solved
    double narrowest = 1e18; // fewest values any hidden figure kept
    int public_again = 0;    // hidden figures whose value another publication shows (must stay 0)
    int shown = 0;           // figures published as numbers (each time)
    int narrowed = 0;        // all questions together: hidden figures left fewer than k values
    int pinned = 0;          // all questions together: hidden figures left one value
};

// Solves every hidden figure of every publication touching `months`, all questions together:
// besides each table's own figures, the reader knows how the tables hang together — the service
// question's total is the number of forms, no question has more answers than there were forms,
// and a group in a scale question is no larger than the forms that gave that service (the "not
// stated" group: those that skipped the service question or declined it).
// `only`: audit that one question's tables alone (with the number of forms); empty: all questions
// together. Both assert every promise.
void audit_quarter(const std::vector<Publication>& pubs, const std::vector<std::string>& months, Audit& audit,
                   const std::string& only) {
    Ip ip;
    struct Shape { size_t R = 0, C = 0; bool scale = false; std::vector<std::string> answers, groups; };
    std::map<std::string, Shape> shapes;
    std::vector<std::string> keys;
    for (const auto& p : pubs)
        for (const auto& q : p.report.feedback.questions) {
            if (shapes.count(q.key) || (!only.empty() && q.key != only)) continue;
            Shape& sh = shapes[q.key];
            keys.push_back(q.key);
            sh.scale = q.kind == feedback::QuestionKind::Scale;
            sh.C = q.answers.size();
            sh.R = sh.scale ? q.rows.size() - 1 : 1;
            sh.answers = q.answers;
            for (size_t r = 0; r < sh.R; ++r) sh.groups.push_back(q.rows[r].group);
        }
    // x[month][question][r][c]: one integer variable per month-level cell.
    std::map<std::string, std::map<std::string, std::vector<std::vector<int>>>> x;
    std::map<std::string, int> forms;
    for (const auto& m : months) {
        forms[m] = ip.var();
        for (const auto& key : keys) {
            const Shape& sh = shapes[key];
            auto& t = x[m][key];
            t.assign(sh.R, std::vector<int>(sh.C));
            for (auto& row : t) for (int& v : row) v = ip.var();
            Expr answered;
            for (auto& row : t) for (int v : row) answered.push_back(v);
            if (key == "service") ip.not_more(answered, {forms[m]}), ip.not_more({forms[m]}, answered);
            else ip.not_more(answered, {forms[m]});
        }
        if (!only.empty()) continue;
        const Shape& svc = shapes["service"];
        auto svc_cell = [&](const std::string& answer) {
            for (size_t c = 0; c < svc.C; ++c) if (svc.answers[c] == answer) return x[m]["service"][0][c];
            FAIL("no service answer " << answer);
            return 0;
        };
        for (const auto& key : keys) {
            const Shape& sh = shapes[key];
            if (!sh.scale) continue;
            for (size_t r = 0; r < sh.R; ++r) {
                Expr group_size(x[m][key][r].begin(), x[m][key][r].end());
                const Expr bound = sh.groups[r] == kNotStated ? Expr{svc_cell(kNotStated), svc_cell(feedback::kDeclined)}
                                                               : Expr{svc_cell(sh.groups[r])};
                ip.not_more(group_size, bound);
            }
        }
    }
    struct Hidden_ { Expr e; int k; std::string what; };
    std::vector<Hidden_> hidden;
    std::map<Expr, std::vector<double>> shown;   // every value a figure was published as
    auto fact = [&](const Expr& e0, const Count& c, int k, const std::string& what) {
        Expr e = e0;
        std::sort(e.begin(), e.end());
        if (c.hidden == Hidden::No) {
            ip.equal(e, *c.value);
            shown[e].push_back(*c.value);
            ++audit.shown;
            return;
        }
        if (c.hidden == Hidden::Small) ip.at_most(e, k - 1);   // "<k": 0 … k−1
        hidden.push_back({e, k, what});
    };
    int smallest_k = 1 << 20;
    for (const auto& p : pubs) {
        const auto& pm = p.report.period.months;
        if (std::find(months.begin(), months.end(), pm.front()) == months.end()) continue;
        const int k = p.report.min_cell;
        smallest_k = std::min(smallest_k, k);
        Expr n_forms;
        for (const auto& m : pm) n_forms.push_back(forms[m]);
        fact(n_forms, p.report.feedback.responses, k, p.report.period.label + " responses");
        for (const auto& q : p.report.feedback.questions) {
            if (!shapes.count(q.key)) continue;
            const Shape& sh = shapes[q.key];
            for (size_t r = 0; r < q.rows.size(); ++r) {
                const GroupRow& g = q.rows[r];
                const bool all = sh.R > 1 && r == sh.R;
                Expr row_total;
                for (size_t c = 0; c < sh.C; ++c) {
                    Expr e;
                    for (const auto& m : pm)
                        for (size_t rr = 0; rr < sh.R; ++rr)
                            if (all || rr == r) e.push_back(x[m][q.key][rr][c]);
                    row_total.insert(row_total.end(), e.begin(), e.end());
                    fact(e, g.cells[c], k, p.report.period.label + " " + q.key + "/" + g.group + "/" + q.answers[c]);
                }
                fact(row_total, g.n, k, p.report.period.label + " " + q.key + "/" + g.group + "/n");
                // A mean is shown only over a row whose every figure is shown.
                if (g.mean) {
                    CHECK(g.n.value);
                    for (const auto& c : g.cells) CHECK(c.value);
                }
            }
        }
    }
    std::set<Expr> done;
    for (const auto& h : hidden) {
        if (shown.count(h.e)) { ++audit.public_again; continue; }
        if (!done.insert(h.e).second) continue;   // the same figure hidden in several publications
        // The promise: at least the smallest threshold these months were published at (a
        // stricter publication cannot take back what a laxer one already showed).
        const int k = std::min(h.k, smallest_k);
        const auto lo = ip.optimise(h.e, GLP_MIN);
        const auto hi = ip.optimise(h.e, GLP_MAX);
        audit.programs += 2;
        REQUIRE_MESSAGE(lo, "published figures contradict each other at " << h.what);
        REQUIRE(hi);
        const double values = *hi - *lo + 1;
        INFO(h.what << ": " << *lo << " … " << *hi);
        CHECK(*hi > *lo);      // not pinned
        CHECK(values >= k);    // not narrowed below the threshold
        audit.narrowed += values < k;
        audit.pinned += values < 2;
        ++audit.hidden;
        audit.narrowest = std::min(audit.narrowest, values);
    }
}

}  // namespace

TEST_CASE("a year of every publication for a site, audited together by integer programming") {
    FeedbackFixture fx;
    std::mt19937 rng(20261);
    std::vector<Publication> pubs;
    std::map<std::string, std::string> first_extract;   // month → CSV of its first extract
    auto publish = [&](const std::string& period, int k, const std::string& channel) {
        ReportOptions o;
        o.min_cell = k;
        o.record = true;
        o.channel = channel;
        pubs.push_back({build_report(*fx.db, fx.site, parse_period(period), fx.form, o), channel});
        // The protection itself found nothing it could not widen (joint.hpp).
        CHECK(pubs.back().report.feedback.joint_unfixable == 0);
        return pubs.back().report;
    };
    auto month_reports = [&](const std::string& month, int k1, int k2) {
        publish(month, k1, "html");
        publish(month, k1, "csv");
        publish(month, k2, "json");
        const Report ex = publish(month, 5, "extract");
        first_extract.emplace(month, render_csv(ex));
    };
    auto late_forms_and_reexport = [&](int m, const std::string& month) {
        // Paper forms typed in after the month went out: counted into a later month, and the
        // re-export is the same figures as the first.
        for (int i = 0; i < 3; ++i) {
            char day[16];
            std::snprintf(day, sizeof day, "2026-%02d-27", m);
            REQUIRE(fx.store(testing::draft({{"service", "skp"}, {"safe", "1"}, {"again", "1"}}), day));
        }
        const Report again = publish(month, 5, "extract");
        CHECK(render_csv(again) == first_extract.at(month));
    };

    for (int m = 1; m <= 12; ++m) {
        char month[16];
        std::snprintf(month, sizeof month, "2026-%02d", m);
        generate_month(fx, m, rng);
        // A preview writes nothing to the ledger.
        const int64_t before = feedback::count_publications(*fx.db, fx.site);
        (void)build_report(*fx.db, fx.site, parse_period(month), fx.form, {7, std::nullopt, false, "html"});
        CHECK(feedback::count_publications(*fx.db, fx.site) == before);

        const std::string quarter = "2026-Q" + std::to_string((m + 2) / 3);
        if (m == 6) {
            publish(quarter, 5, "html");   // the quarter before its last month's own report
            month_reports(month, 5, 7);
        } else if (m == 10 || m == 11) {
            month_reports(month, 7, 5);    // the stricter threshold first
        } else {
            month_reports(month, 5, 7);
        }
        late_forms_and_reexport(m, month);
        if (m % 3 == 0 && m != 6) {
            publish(quarter, 5, "html");
            publish(quarter, 7, "csv");
            publish(quarter, 5, "extract");
        }
    }

    Audit audit, joint;
    for (int qn = 0; qn < 4; ++qn) {
        std::vector<std::string> months;
        for (int i = 1; i <= 3; ++i) {
            char buf[16];
            std::snprintf(buf, sizeof buf, "2026-%02d", qn * 3 + i);
            months.push_back(buf);
        }
        for (const char* key : {"service", "safe", "relevant", "place", "again"}) audit_quarter(pubs, months, audit, key);
        audit_quarter(pubs, months, joint, "");
    }
    const int64_t recorded = feedback::count_publications(*fx.db, fx.site);
    std::printf("linked audit, each question with its months, quarters, thresholds and re-exports: publications %zu, "
                "figures shown %d, hidden figures %d, integer programs %d, fewest values a hidden figure kept %.0f\n",
                pubs.size(), audit.shown, audit.hidden, audit.programs, audit.narrowest);
    std::printf("linked audit, all questions together (service counts bound the groups): hidden figures %d, "
                "integer programs %d, fewest values %.0f, narrowed below the threshold %d, pinned %d\n",
                joint.hidden, joint.programs, joint.narrowest, joint.narrowed, joint.pinned);
    CHECK(recorded == static_cast<int64_t>(pubs.size()));
    CHECK(audit.public_again == 0);
    CHECK(audit.hidden > 100);   // the traps really hid something
    // All questions together: nothing pinned, nothing narrowed below the threshold.
    CHECK(joint.hidden > 100);
    CHECK(joint.pinned == 0);
    CHECK(joint.narrowed == 0);
    CHECK(joint.narrowest >= 5);
}
