#include "core/report/aggregate.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"

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

FeedbackSummary summarize_feedback(db::Db& db, Id site_id, const Period& period,
                                   const feedback::Form& form, int min_cell, bool include_comments) {
    if (min_cell < feedback::kMinCellFloor)
        throw DomainError(ErrorCode::Invalid, "the small-cell threshold is never below 3");
    const int k = min_cell;
    FeedbackSummary out;

    // Responses keyed by their random id: the order says nothing, and only counts leave here.
    std::map<std::string, std::map<std::string, std::string>> responses;
    {
        auto& s = db.cached("SELECT r.id, a.question, a.answer FROM feedback_response r "
                            "LEFT JOIN feedback_answer a ON a.response_id = r.id "
                            "WHERE r.site_id = ? AND r.day BETWEEN ? AND ?");
        s.bind(site_id, format_date(period.first), format_date(period.last));
        while (s.step()) {
            auto& answers = responses[s.text(0)];
            if (!s.is_null(1)) answers[s.text(1)] = s.text(2);
        }
    }
    const int64_t total = static_cast<int64_t>(responses.size());
    out.responses = published(total, total < k ? Hidden::Small : Hidden::No);

    const feedback::Question* group_q = nullptr;
    for (const auto& q : form.questions)
        if (q.kind == QuestionKind::Choice) { group_q = &q; break; }
    std::vector<std::string> groups;
    std::vector<std::string> group_labels;
    if (group_q) {
        out.group_question = group_q->key;
        for (const auto& c : group_q->choices) { groups.push_back(c.key); group_labels.push_back(c.label); }
    }
    groups.push_back(kNotStated);
    group_labels.push_back("Not stated");
    auto group_of = [&](const std::map<std::string, std::string>& answers) -> size_t {
        if (group_q)
            if (auto it = answers.find(group_q->key); it != answers.end())
                for (size_t g = 0; g + 1 < groups.size(); ++g)
                    if (groups[g] == it->second) return g;
        return groups.size() - 1;
    };

    for (const auto& q : form.questions) {
        if (q.kind == QuestionKind::Text) continue;
        QuestionTable t;
        t.key = q.key;
        t.text = q.text;
        t.kind = q.kind;
        t.answers = form.answer_keys(q);
        for (const auto& a : t.answers) t.answer_labels.push_back(form.answer_label(q, a));
        const size_t C = t.answers.size();
        std::vector<int> values(C, 0);
        if (q.kind == QuestionKind::Scale)
            for (size_t c = 0; c < C; ++c) values[c] = t.answers[c] == feedback::kDeclined ? 0 : std::stoi(t.answers[c]);
        auto column = [&](const std::string& a) -> std::optional<size_t> {
            for (size_t c = 0; c < C; ++c) if (t.answers[c] == a) return c;
            return std::nullopt;   // an answer from an older form version: not counted
        };

        // The grouping question and any other choice question: one row; scale questions: one
        // row per group, and the column totals as the "all" row.
        const bool grouped = q.kind == QuestionKind::Scale;
        const size_t R = grouped ? groups.size() : 1;
        std::vector<std::vector<int64_t>> cells(R, std::vector<int64_t>(C, 0));
        for (const auto& [id, answers] : responses) {
            auto it = answers.find(q.key);
            if (it == answers.end()) continue;
            auto c = column(it->second);
            if (!c) continue;
            ++cells[grouped ? group_of(answers) : 0][*c];
        }
        const TableProtection p = protect_table(cells, k);

        auto make_row = [&](std::string group, std::string label, const std::vector<int64_t>& counts,
                            const std::vector<Hidden>& hidden, const std::vector<Bounds>& bounds, Hidden n_hidden) {
            GroupRow row;
            row.group = std::move(group);
            row.label = std::move(label);
            int64_t n = 0, m = 0, w = 0;
            bool any_hidden = false;
            for (size_t c = 0; c < C; ++c) {
                row.cells.push_back(published(counts[c], hidden[c]));
                n += counts[c];
                any_hidden |= hidden[c] != Hidden::No;
                if (values[c] > 0) { m += counts[c]; w += values[c] * counts[c]; }
            }
            row.n = published(n, n_hidden);
            if (q.kind != QuestionKind::Scale) {
                row.mean_status = MeanStatus::NoAnswers;
            } else if (n_hidden != Hidden::No) {
                row.mean_status = MeanStatus::Suppressed;
            } else if (m == 0) {
                row.mean_status = MeanStatus::NoAnswers;   // every 1–5 cell is a visible 0
            } else {
                const double mean = static_cast<double>(mean_tenths(w, m)) / 10.0;
                if (any_hidden && mean_reveals(values, counts, hidden, bounds, n, mean)) {
                    row.mean_status = MeanStatus::Withheld;
                } else {
                    row.mean_status = MeanStatus::Shown;
                    row.mean = mean;
                }
            }
            return row;
        };
        if (grouped) {
            for (size_t r = 0; r < R; ++r)
                t.rows.push_back(make_row(groups[r], group_labels[r], cells[r], p.cells[r], p.cell_bounds[r],
                                          p.row_totals[r]));
            std::vector<int64_t> totals(C, 0);
            for (size_t r = 0; r < R; ++r)
                for (size_t c = 0; c < C; ++c) totals[c] += cells[r][c];
            t.rows.push_back(make_row(kAllGroups, "All", totals, p.col_totals, p.col_bounds, p.grand));
        } else {
            t.rows.push_back(make_row(kAllGroups, "All", cells[0], p.cells[0], p.cell_bounds[0], p.row_totals[0]));
        }
        out.questions.push_back(std::move(t));
    }

    // Comments only when switched on for export, and only among enough responses that a comment
    // cannot be pinned on the one visitor of the month.
    if (include_comments && total >= k) {
        out.comments_included = true;
        auto& s = db.cached("SELECT t.text FROM feedback_text t JOIN feedback_response r ON r.id = t.response_id "
                            "WHERE r.site_id = ? AND r.day BETWEEN ? AND ? ORDER BY t.text");
        s.bind(site_id, format_date(period.first), format_date(period.last));
        while (s.step()) out.comments.push_back(s.text(0));
    }
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
        auto& s = db.cached("SELECT substr(b.slot_date, 1, 7), s.service_id, b.status, "
                            "b.checked_in_at IS NOT NULL, count(*) "
                            "FROM booking b JOIN session s ON s.id = b.session_id "
                            "WHERE s.site_id = ? AND b.slot_date BETWEEN ? AND ? GROUP BY 1, 2, 3, 4");
        s.bind(site_id, from, to);
        while (s.step()) {
            ActivityRow& r = rows[{s.text(0), s.int64(1)}];
            with_activity.insert(s.int64(1));
            const std::string status = s.text(2);
            const int n = s.integer(4);
            if (status == "cancelled") { r.cancelled += n; continue; }
            // The centre called these off: never a visitor's no-show, never in the rate's base.
            if (status == "centre_cancelled") { r.centre_cancelled += n; continue; }
            if (s.integer(3)) r.checked_in += n;
            r.bookings += n;
            if (status == "seen") r.seen += n;
            else if (status == "missed") r.missed += n;
            else if (status == "booked") r.open += n;
            // checked_in: came, not yet marked seen — counted in the no-show base below.
        }
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
        to.bookings += r.bookings; to.cancelled += r.cancelled; to.checked_in += r.checked_in;
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
    r.feedback = summarize_feedback(db, site_id, period, form, r.min_cell,
                                    options.include_comments.value_or(settings.export_free_text));
    return r;
}

}  // namespace indgang::report
