#include "core/report/aggregate.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/joint.hpp"
#include "core/report/linked.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace indgang::report {

using feedback::QuestionKind;

const char* to_string(MeanStatus s) {
    switch (s) {
        case MeanStatus::Shown: return "shown";
        case MeanStatus::NoAnswers: return "no_answers";
        case MeanStatus::Suppressed: return "suppressed";
        case MeanStatus::Withheld: return "withheld";
    }
    return "?";
}

namespace {

// Mean in tenths, rounded half up, in integers so the audit reproduces it exactly.
int64_t mean_tenths(int64_t weighted, int64_t m) { return (20 * weighted + m) / (2 * m); }

Count published(int64_t value, Hidden h) {
    Count c;
    c.hidden = h;
    if (h == Hidden::No) c.value = static_cast<int>(value);
    return c;
}

}  // namespace

bool mean_reveals(const std::vector<int>& values, const std::vector<int64_t>& counts,
                  const std::vector<Hidden>& hidden, const std::vector<Bounds>& bounds, int64_t n,
                  double mean) {
    const int64_t target = static_cast<int64_t>(mean * 10 + 0.5);
    std::vector<size_t> free;                 // hidden cells
    int64_t rest = n, known_m = 0, known_w = 0;
    for (size_t i = 0; i < counts.size(); ++i) {
        if (hidden[i] != Hidden::No) { free.push_back(i); continue; }
        rest -= counts[i];
        if (values[i] > 0) { known_m += counts[i]; known_w += values[i] * counts[i]; }
    }
    if (free.empty()) return false;
    // For each hidden cell: the first feasible value found and whether another one exists.
    std::vector<std::optional<int64_t>> first(free.size());
    std::vector<bool> varies(free.size(), false);
    std::vector<int64_t> pick(free.size());
    int64_t budget = 4'000'000;               // past this, withhold rather than guess
    bool exhausted = false;

    auto rec = [&](auto&& self, size_t j, int64_t left, int64_t m, int64_t w) -> void {
        if (exhausted) return;
        if (--budget < 0) { exhausted = true; return; }
        if (j == free.size()) {
            if (left != 0 || m == 0 || mean_tenths(w, m) != target) return;
            for (size_t t = 0; t < free.size(); ++t) {
                if (!first[t]) first[t] = pick[t];
                else if (*first[t] != pick[t]) varies[t] = true;
            }
            return;
        }
        const size_t i = free[j];
        const int64_t lo = std::max<int64_t>(0, bounds[i].lo);
        const int64_t hi = std::min(bounds[i].hi, left);
        for (int64_t a = lo; a <= hi; ++a) {
            pick[j] = a;
            self(self, j + 1, left - a, m + (values[i] > 0 ? a : 0), w + values[i] * a);
        }
    };
    rec(rec, 0, rest, known_m, known_w);
    if (exhausted) return true;
    for (size_t t = 0; t < free.size(); ++t)
        if (counts[free[t]] != 0 && !varies[t]) return true;
    return false;
}

namespace {

using Key = std::tuple<std::string, std::string, std::string>;   // question, group, answer

Known known_of(const feedback::LedgerBound& b) { return Known{b.lo, b.hi}; }
feedback::LedgerBound bound_of(const Known& k) { return {k.lo, k.hi}; }

}  // namespace

FeedbackSummary summarize_feedback(db::Db& db, Id site_id, const Period& period,
                                   const feedback::Form& form, int min_cell, bool include_comments,
                                   std::map<std::string, feedback::MonthLedger>* ledger_out) {
    if (min_cell < feedback::kMinCellFloor)
        throw DomainError(ErrorCode::Invalid, "the small-cell threshold is never below 3");
    const int k = min_cell;
    FeedbackSummary out;

    // Counters per (group, question, answer) for each month of the period: the file holds no
    // form, so there is nothing to list and no order to leak. Each month is protected against
    // everything already published for it (linked.hpp); a period of several months shows a figure
    // only where it is the sum of month figures that are shown, so a quarter never gives away
    // what its months hide, whichever is published first.
    const size_t M = period.months.size();
    std::vector<feedback::MonthCounts> counts(M);
    std::vector<feedback::MonthLedger> ledgers(M);
    std::map<std::string, feedback::MonthLedger> updates;
    for (size_t i = 0; i < M; ++i) {
        counts[i] = feedback::read_counts(db, site_id, period.months[i], period.months[i]);
        ledgers[i] = feedback::read_ledger(db, site_id, period.months[i]);
        updates[period.months[i]].min_k = ledgers[i].min_k > 0 ? std::min(ledgers[i].min_k, k) : k;
    }
    auto prior_of = [&](size_t month, const Key& key) -> std::optional<Known> {
        auto it = ledgers[month].figures.find(key);
        if (it == ledgers[month].figures.end()) return std::nullopt;
        return known_of(it->second);
    };

    const feedback::Question* group_q = nullptr;
    for (const auto& q : form.questions)
        if (q.kind == QuestionKind::Choice) { group_q = &q; break; }

    // The number of forms: the grouping question's total (below); without one, a one-figure
    // table per month.
    int64_t total = 0;
    for (const auto& c : counts) total += c.forms;
    if (!group_q) {
        const Key key{"", kAllGroups, "n"};
        Hidden period_mark = Hidden::No;
        for (size_t i = 0; i < M; ++i) {
            const int64_t x = counts[i].forms;
            const auto prior = prior_of(i, key);
            const LinkedResult res = protect_linked({{x}}, k, {std::nullopt, prior}, ledgers[i].min_k);
            const Hidden h = res.protection.row_totals[0];
            updates[period.months[i]].figures[key] = bound_of(res.known[1]);
            if (h != Hidden::No) period_mark = M == 1 ? h : Hidden::Complementary;
        }
        out.responses = published(total, period_mark);
    }

    std::vector<std::string> groups;
    std::vector<std::string> group_labels;
    // One name per service across the report: an answer that is one of the centre's services is
    // labelled with the centre's own name for it, as in the activity table.
    std::map<std::string, std::string> centre_names;
    for (const auto& sv : list_services(db, true)) centre_names[sv.key] = sv.name;
    if (group_q) {
        out.group_question = group_q->key;
        for (const auto& c : group_q->choices) {
            groups.push_back(c.key);
            const auto it = centre_names.find(c.key);
            group_labels.push_back(it != centre_names.end() ? it->second : c.label);
        }
    }
    groups.push_back(kNotStated);
    group_labels.push_back("Not stated");
    // Each question's month tables first; they are protected month by month below, all questions
    // of a month together, because a reader holds them together (joint.hpp).
    struct QuestionWork {
        const feedback::Question* q = nullptr;
        QuestionTable t;
        std::vector<int> values;      // per answer: its value on the scale (0: not on it)
        bool grouped = false;         // a scale question: a row per group and the "all" row
        bool is_group_q = false;
        FigureIndex f;
        std::vector<std::vector<int64_t>> cells;                         // the period
        std::vector<std::vector<std::vector<int64_t>>> month_cells;      // per month
        std::vector<std::vector<std::optional<Known>>> prior;            // per month, per figure
        std::vector<std::vector<bool>> forced;                           // per month: the joint check's
        std::vector<LinkedResult> res;                                   // per month
    };
    auto key_of = [&](const QuestionWork& w, size_t i) -> Key {
        const size_t R = w.f.R, C = w.f.C;
        if (i < R * C) return {w.q->key, w.grouped ? groups[i / C] : kAllGroups, w.t.answers[i % C]};
        if (i < R * C + R) return {w.q->key, w.grouped ? groups[i - R * C] : kAllGroups, "n"};
        if (i < R * C + R + C) return {w.q->key, kAllGroups, w.t.answers[i - R * C - R]};
        return {w.q->key, kAllGroups, "n"};
    };
    std::vector<QuestionWork> work;
    std::optional<size_t> group_work;
    for (const auto& q : form.questions) {
        if (q.kind == QuestionKind::Text) continue;
        QuestionWork w;
        w.q = &q;
        QuestionTable& t = w.t;
        t.key = q.key;
        t.text = q.text;
        t.kind = q.kind;
        t.answers = form.answer_keys(q);
        for (const auto& a : t.answers) {
            const auto it = centre_names.find(a);
            t.answer_labels.push_back(&q == group_q && it != centre_names.end() ? it->second : form.answer_label(q, a));
        }
        // The grouping question also counts the forms that skipped it: then its total is the
        // number of forms, and "how many did not say" is a figure protected with the rest
        // (otherwise forms − answers would tell the size of every "Not stated" row).
        w.is_group_q = &q == group_q;
        if (w.is_group_q) {
            t.answers.push_back(kNotStated);
            t.answer_labels.push_back("Not stated");
            group_work = work.size();
        }
        const size_t C = t.answers.size();
        w.values.assign(C, 0);
        if (q.kind == QuestionKind::Scale)
            for (size_t c = 0; c < C; ++c)
                w.values[c] = t.answers[c] == feedback::kDeclined ? 0 : std::stoi(t.answers[c]);
        auto column = [&](const std::string& a) -> std::optional<size_t> {
            for (size_t c = 0; c < C; ++c) if (t.answers[c] == a) return c;
            return std::nullopt;   // an answer from an older form version: not counted
        };
        // The grouping question and any other choice question: one row; scale questions: one
        // row per group, and the column totals as the "all" row.
        w.grouped = q.kind == QuestionKind::Scale;
        const size_t R = w.grouped ? groups.size() : 1;
        w.f.R = R;
        w.f.C = C;
        w.cells.assign(R, std::vector<int64_t>(C, 0));
        for (size_t i = 0; i < M; ++i) {
            std::vector<std::vector<int64_t>> month_cells(R, std::vector<int64_t>(C, 0));
            for (const auto& [key, n] : counts[i].cells) {
                const auto& [group, question, answer] = key;
                if (question != q.key) continue;
                auto c = column(answer);
                if (!c) continue;
                size_t r = 0;
                if (w.grouped) {
                    r = groups.size() - 1;   // an answer no longer offered counts as not stated
                    for (size_t g = 0; g + 1 < groups.size(); ++g)
                        if (groups[g] == group) r = g;
                }
                month_cells[r][*c] += n;
                w.cells[r][*c] += n;
            }
            if (w.is_group_q) {
                int64_t answered = 0;
                for (size_t c = 0; c + 1 < C; ++c) answered += month_cells[0][c];
                const int64_t skipped = std::max<int64_t>(0, counts[i].forms - answered);
                month_cells[0][C - 1] = skipped;
                w.cells[0][C - 1] += skipped;
            }
            std::vector<std::optional<Known>> prior(w.f.size());
            for (size_t j = 0; j < w.f.size(); ++j)
                if (w.f.published(j)) prior[j] = prior_of(i, key_of(w, j));
            w.month_cells.push_back(std::move(month_cells));
            w.prior.push_back(std::move(prior));
            w.forced.emplace_back(w.f.size(), false);
        }
        w.res.resize(M);
        work.push_back(std::move(w));
    }

    // The grouping question's table first: a scale question's group is never larger than the
    // forms that named its service, so the largest value a reader can allow each of its figures
    // bounds the other tables (the flow protection uses these as fixed ceilings; the joint check
    // below solves the tables together).
    std::vector<size_t> order;
    if (group_work) order.push_back(*group_work);
    for (size_t w = 0; w < work.size(); ++w)
        if (!group_work || w != *group_work) order.push_back(w);
    // The grouping table's columns that bound a scale table's row r.
    auto service_columns = [&](size_t r) {
        std::vector<size_t> cols;
        if (!group_work) return cols;
        const auto& answers = work[*group_work].t.answers;
        auto add = [&](const std::string& a) {
            for (size_t c = 0; c < answers.size(); ++c) if (answers[c] == a) cols.push_back(c);
        };
        if (groups[r] == kNotStated) { add(feedback::kDeclined); add(kNotStated); }
        else add(groups[r]);
        return cols;
    };
    for (size_t i = 0; i < M; ++i) {
        auto protect_all = [&]() {
            std::vector<std::optional<int64_t>> service_highest;   // per service answer (declined, not stated), total
            for (size_t wi : order) {
                QuestionWork& w = work[wi];
                std::vector<std::optional<int64_t>> ceil(w.f.size());
                if (w.grouped && group_work && !service_highest.empty()) {
                    for (size_t r = 0; r < w.f.R; ++r) {
                        int64_t sum = 0;
                        bool bounded = true;
                        for (size_t c : service_columns(r)) {
                            if (!service_highest[c]) bounded = false;
                            else sum += *service_highest[c];
                        }
                        if (bounded) ceil[w.f.row_total(r)] = sum;
                    }
                    ceil[w.f.grand()] = service_highest.back();
                }
                w.res[i] = protect_linked(w.month_cells[i], k, w.prior[i], ledgers[i].min_k, ceil, w.forced[i]);
                if (w.is_group_q) {
                    for (size_t c = 0; c < w.f.C; ++c) service_highest.push_back(w.res[i].highest[w.f.cell(0, c)]);
                    service_highest.push_back(w.res[i].highest[w.f.row_total(0)]);
                }
            }
        };
        protect_all();
        if (!group_work) continue;
        // The month as a whole: while a hidden figure is too narrow given every table of the
        // month, hide what widens it most, keeping everything hidden so far (so a figure once
        // wide enough stays so), and protect the tables again.
        const int64_t T = ledgers[i].min_k > 0 ? std::min(k, ledgers[i].min_k) : k;
        std::vector<std::vector<bool>> verified;
        int unfixable = 0;
        for (;;) {
            std::vector<JointTable> tables;
            for (size_t wi : order) {
                const QuestionWork& w = work[wi];
                JointTable jt;
                jt.cells = w.month_cells[i];
                jt.known = w.res[i].known;
                jt.marks = w.res[i].marks;
                for (size_t j = 0; j < w.f.size(); ++j) jt.locked.push_back(w.prior[i][j] && w.prior[i][j]->exact());
                if (w.grouped)
                    for (size_t r = 0; r < w.f.R; ++r) jt.row_bound.push_back(service_columns(r));
                tables.push_back(std::move(jt));
            }
            const JointStep step = check_month(tables, T, verified, unfixable);
            if (step.ok) break;
            for (size_t ti = 0; ti < order.size(); ++ti) {
                QuestionWork& w = work[order[ti]];
                for (size_t j = 0; j < w.f.size(); ++j) {
                    if (w.res[i].marks[j] != Hidden::No) w.forced[i][j] = true;
                    if (step.everything && !tables[ti].locked[j]) w.forced[i][j] = true;
                }
                for (const auto& [table, figure] : step.hide)
                    if (table == ti) w.forced[i][figure] = true;
            }
            protect_all();
        }
        out.joint_unfixable += unfixable;
    }

    for (QuestionWork& w : work) {
        QuestionTable& t = w.t;
        const auto& q = *w.q;
        const size_t R = w.f.R, C = w.f.C;
        const auto& values = w.values;
        TableProtection p;
        for (size_t i = 0; i < M; ++i) {
            const LinkedResult& res = w.res[i];
            for (size_t j = 0; j < w.f.size(); ++j)
                if (w.f.published(j)) updates[period.months[i]].figures[key_of(w, j)] = bound_of(res.known[j]);
            if (i == 0) {
                p = res.protection;
                if (M > 1) p.zeros_hidden = true;
                continue;
            }
            // Several months: a figure hidden in any month is hidden ("×") in the period.
            auto join = [](Hidden& a, Hidden b) { if (a != Hidden::No || b != Hidden::No) a = Hidden::Complementary; };
            for (size_t r = 0; r < R; ++r)
                for (size_t c = 0; c < C; ++c) join(p.cells[r][c], res.protection.cells[r][c]);
            for (size_t r = 0; r < R; ++r) join(p.row_totals[r], res.protection.row_totals[r]);
            for (size_t c = 0; c < C; ++c) join(p.col_totals[c], res.protection.col_totals[c]);
            join(p.grand, res.protection.grand);
        }
        const bool grouped = w.grouped;
        const bool is_group_q = w.is_group_q;
        const auto& cells = w.cells;
        if (R == 1 && grouped) {   // no grouping question: the "all" row is the one group
            p.col_totals = p.cells[0];
            p.grand = p.row_totals[0];
        }

        // Means only where they reveal nothing: over a row whose every count is shown (so the
        // mean follows from them anyway).
        auto make_row = [&](std::string group, std::string label, const std::vector<int64_t>& row_counts,
                            const std::vector<Hidden>& hidden, Hidden n_hidden) {
            GroupRow row;
            row.group = std::move(group);
            row.label = std::move(label);
            int64_t n = 0, m = 0, w = 0;
            bool any_hidden = false;
            for (size_t c = 0; c < C; ++c) {
                row.cells.push_back(published(row_counts[c], hidden[c]));
                n += row_counts[c];
                any_hidden |= hidden[c] != Hidden::No;
                if (values[c] > 0) { m += row_counts[c]; w += values[c] * row_counts[c]; }
            }
            row.n = published(n, n_hidden);
            if (q.kind != QuestionKind::Scale) {
                row.mean_status = MeanStatus::NoAnswers;
            } else if (n_hidden != Hidden::No) {
                row.mean_status = MeanStatus::Suppressed;
            } else if (any_hidden) {
                row.mean_status = MeanStatus::Withheld;
            } else if (m == 0) {
                row.mean_status = MeanStatus::NoAnswers;   // every 1–5 cell is a visible 0
            } else {
                row.mean_status = MeanStatus::Shown;
                row.mean = static_cast<double>(mean_tenths(w, m)) / 10.0;
            }
            return row;
        };
        if (grouped) {
            for (size_t r = 0; r < R; ++r)
                t.rows.push_back(make_row(groups[r], group_labels[r], cells[r], p.cells[r], p.row_totals[r]));
            std::vector<int64_t> totals(C, 0);
            for (size_t r = 0; r < R; ++r)
                for (size_t c = 0; c < C; ++c) totals[c] += cells[r][c];
            t.rows.push_back(make_row(kAllGroups, "All", totals, p.col_totals, p.grand));
        } else {
            t.rows.push_back(make_row(kAllGroups, "All", cells[0], p.cells[0], p.row_totals[0]));
            // The number of forms is this table's total: one figure, protected once.
            if (is_group_q) out.responses = t.rows.back().n;
        }
        out.questions.push_back(std::move(t));
    }

    // Comments only when switched on for export, and only among enough responses that a comment
    // cannot be pinned on the one visitor of the month.
    if (include_comments && total >= k && out.responses.value) {
        out.comments_included = true;
        out.comments = feedback::read_comments(db, site_id, period.months.front(), period.months.back());
    }
    if (ledger_out) *ledger_out = std::move(updates);
    return out;
}

std::vector<ActivityRow> activity_by_month(db::Db& db, Id site_id, const Period& period) {
    struct Key {
        std::string month;
        Id service;
        bool operator<(const Key& o) const { return std::tie(month, service) < std::tie(o.month, o.service); }
    };
    std::map<Key, ActivityRow> rows;
    std::set<Id> with_activity;
    const std::string from = format_date(period.first), to = format_date(period.last);
    {
        // Counted by status alone, so every booking lands in exactly one column: `checked_in` is
        // the status (came, not yet marked seen), never "checked_in_at is set" — a seen visitor
        // who checked in first is counted once, as seen.
        auto& s = db.cached("SELECT substr(b.slot_date, 1, 7), s.service_id, b.status, count(*) "
                            "FROM booking b JOIN session s ON s.id = b.session_id "
                            "WHERE s.site_id = ? AND b.slot_date BETWEEN ? AND ? GROUP BY 1, 2, 3");
        s.bind(site_id, from, to);
        while (s.step()) {
            ActivityRow& r = rows[{s.text(0), s.int64(1)}];
            with_activity.insert(s.int64(1));
            const std::string status = s.text(2);
            const int n = s.integer(3);
            if (status == "cancelled") { r.cancelled += n; continue; }
            if (status == "centre_cancelled") { r.centre_cancelled += n; continue; }
            r.bookings += n;
            if (status == "seen") r.seen += n;
            else if (status == "checked_in") r.checked_in += n;
            else if (status == "missed") r.missed += n;
            else if (status == "booked") r.open += n;
        }
        s.reset();
    }
    {
        auto& s = db.cached("SELECT substr(day, 1, 7), service_id, count(*) FROM walkin "
                            "WHERE site_id = ? AND day BETWEEN ? AND ? GROUP BY 1, 2");
        s.bind(site_id, from, to);
        while (s.step()) {
            rows[{s.text(0), s.int64(1)}].walkins += s.integer(2);
            with_activity.insert(s.int64(1));
        }
    }
    std::vector<Service> services = list_services(db, true);
    std::stable_sort(services.begin(), services.end(), [](const Service& a, const Service& b) {
        return std::tie(a.sort, a.key) < std::tie(b.sort, b.key);
    });
    std::vector<ActivityRow> out;
    for (const auto& month : period.months) {
        for (const auto& sv : services) {
            if (!sv.active && !with_activity.count(sv.id)) continue;
            ActivityRow r = rows[{month, sv.id}];
            r.month = month;
            r.service = sv.key;
            r.service_name = sv.name;
            const int settled = r.bookings - r.open;   // the visit has happened or not
            if (settled > 0) r.no_show_rate = static_cast<double>(r.missed) / settled;
            out.push_back(std::move(r));
        }
    }
    return out;
}

std::vector<ActivityRow> activity_totals(const std::vector<ActivityRow>& by_month) {
    std::vector<ActivityRow> out;
    ActivityRow all;
    all.month = kAllGroups;
    all.service = kAllGroups;
    all.service_name = "All services";
    auto add = [](ActivityRow& to, const ActivityRow& r) {
        to.bookings += r.bookings; to.cancelled += r.cancelled; to.centre_cancelled += r.centre_cancelled; to.checked_in += r.checked_in;
        to.seen += r.seen; to.missed += r.missed; to.open += r.open; to.walkins += r.walkins;
    };
    for (const auto& r : by_month) {
        auto it = std::find_if(out.begin(), out.end(), [&](const ActivityRow& o) { return o.service == r.service; });
        if (it == out.end()) {
            ActivityRow t;
            t.month = kAllGroups;
            t.service = r.service;
            t.service_name = r.service_name;
            out.push_back(t);
            it = out.end() - 1;
        }
        add(*it, r);
        add(all, r);
    }
    out.push_back(all);
    for (auto& r : out) {
        const int settled = r.bookings - r.open;
        r.no_show_rate = settled > 0 ? std::optional<double>(static_cast<double>(r.missed) / settled) : std::nullopt;
    }
    return out;
}

Report build_report(db::Db& db, Id site_id, const Period& period, const feedback::Form& form,
                    const ReportOptions& options) {
    const feedback::FeedbackSettings settings = feedback::feedback_settings(db);
    Report r;
    const Site site = get_site(db, site_id);
    r.site_id = site.id;
    r.site_name = site.name;
    r.period = period;
    r.min_cell = options.min_cell.value_or(settings.min_cell);
    if (r.min_cell < feedback::kMinCellFloor)
        throw DomainError(ErrorCode::Invalid, "the small-cell threshold is never below 3");
    r.form_id = form.id;
    r.form_version = form.version;
    r.activity = activity_by_month(db, site_id, period);
    r.activity_totals = activity_totals(r.activity);
    std::map<std::string, feedback::MonthLedger> ledger;
    r.feedback = summarize_feedback(db, site_id, period, form, r.min_cell,
                                    options.include_comments.value_or(settings.export_free_text), &ledger);
    if (options.record)
        feedback::record_publication(db, site_id, period.label, r.min_cell, options.channel, ledger);
    return r;
}

}  // namespace indgang::report
