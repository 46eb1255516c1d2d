// The figures a project lead reports on, as plain structs with small-cell suppression already
// applied: hidden counts carry no value at all, so no caller (HTML, CSV, the municipality's
// extract) can leak one by accident. Presentation lives in render.hpp.
//
// Feedback is grouped by the answer to the form's first choice question ("Who did you talk
// with?"), because a response is never linked to a booking. Everything is counted, and listed in
// key order, never in the order answers came in.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"
#include "core/feedback/form.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/period.hpp"
#include "core/report/suppression.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace indgang::report {

// A published count: `value` is empty exactly when the count is hidden.
struct Count {
    std::optional<int> value;
    Hidden hidden = Hidden::No;
};

enum class MeanStatus {
    Shown,
    NoAnswers,                         // nobody gave a 1–5 answer
    Suppressed,                        // the group itself is smaller than the threshold
    Withheld,                          // the mean would let a reader work out a hidden count
};
const char* to_string(MeanStatus s);

struct GroupRow {
    std::string group;                 // choice key ("jobcentre"), "not_stated" or "all"
    std::string label;                 // msgid to show
    Count n;                           // answers to the question in this group, incl. "Rather not say"
    std::vector<Count> cells;          // one per QuestionTable::answers
    std::optional<double> mean;        // Scale only: mean of the 1–5 answers, one decimal
    MeanStatus mean_status = MeanStatus::NoAnswers;
};

struct QuestionTable {
    std::string key;
    std::string text;                  // msgid
    feedback::QuestionKind kind = feedback::QuestionKind::Scale;
    std::vector<std::string> answers;        // answer keys in display order, "declined" last
    std::vector<std::string> answer_labels;  // msgids
    // Scale questions: one row per group, then "not_stated", then "all" (the column totals).
    // The grouping question itself: a single "all" row.
    std::vector<GroupRow> rows;
};

inline constexpr const char* kAllGroups = "all";
inline constexpr const char* kNotStated = "not_stated";

struct FeedbackSummary {
    Count responses;                   // forms submitted in the period
    std::string group_question;        // key of the grouping question ("service")
    std::vector<QuestionTable> questions;     // Scale and Choice questions in form order
    bool comments_included = false;    // feedback.export_free_text on and enough responses
    std::vector<std::string> comments; // sorted by text, never by arrival
    // Hidden figures the month's joint check could not widen to the threshold because figures
    // published before pin them (joint.hpp); never more than 0 for a month published first.
    int joint_unfixable = 0;
};

// Bookings, walk-ins and check-ins for one service in one month (or the whole period when
// month is "all"). Operational counts: not suppressed (see docs/reports.md).
struct ActivityRow {
    std::string month;                 // "2026-11" or "all"
    std::string service;               // service key
    std::string service_name;
    // bookings = seen + checked_in + missed + open: each booking in exactly one of them.
    int bookings = 0;                  // neither cancelled by the visitor nor by the centre
    int cancelled = 0;                 // the visitor cancelled
    int centre_cancelled = 0;          // the centre called it off: never a no-show
    int checked_in = 0;                // checked in at the kiosk, not (yet) marked seen
    int seen = 0;
    int missed = 0;                    // no-shows
    int open = 0;                      // still booked: the slot has not been settled yet
    int walkins = 0;
    std::optional<double> no_show_rate;   // missed / (seen + checked_in + missed), 0–1;
                                          // centre cancellations are not in it
};

struct Report {
    Id site_id = 0;
    std::string site_name;
    Period period;
    int min_cell = 5;
    std::string form_id;
    int form_version = 0;
    std::vector<ActivityRow> activity;         // by month, then service sort order
    std::vector<ActivityRow> activity_totals;  // per service for the period, then "all"
    FeedbackSummary feedback;
};

struct ReportOptions {
    std::optional<int> min_cell;       // default: report.min_cell; never below 3 either way
    std::optional<bool> include_comments;   // default: feedback.export_free_text
    // A publication (the table leaves the centre): recorded in the ledger, which freezes its
    // months. A preview (false) reads the ledger but writes nothing.
    bool record = false;
    std::string channel = "report";    // what the ledger notes: "html", "csv", "json", "extract"
};

// Throws DomainError::NotFound for an unknown site, DomainError::Invalid for min_cell < 3.
Report build_report(db::Db& db, Id site_id, const Period& period, const feedback::Form& form,
                    const ReportOptions& options = {});

// Only the feedback part, protected against the ledger; `ledger_out` receives what a reader
// would know per month if this were published (what build_report records).
FeedbackSummary summarize_feedback(db::Db& db, Id site_id, const Period& period,
                                   const feedback::Form& form, int min_cell, bool include_comments,
                                   std::map<std::string, feedback::MonthLedger>* ledger_out = nullptr);
std::vector<ActivityRow> activity_by_month(db::Db& db, Id site_id, const Period& period);
std::vector<ActivityRow> activity_totals(const std::vector<ActivityRow>& by_month);

// Does publishing `mean` (one decimal) with this row let a reader pin a hidden non-zero count?
// `values` are the answer values per cell (1–5, 0 for "declined"), `bounds` the reader's bounds
// per cell, `n` the published row total. Exposed for the tests.
bool mean_reveals(const std::vector<int>& values, const std::vector<int64_t>& counts,
                  const std::vector<Hidden>& hidden, const std::vector<Bounds>& bounds, int64_t n,
                  double mean);

}  // namespace indgang::report
