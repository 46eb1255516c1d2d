// The feedback file: a separate SQLite file, attached to the main connection as schema `fb`,
// that holds counters per site and month and never a row per form. Its design answers one
// threat — someone holding a copy of every file at one moment (docs/privacy.md):
// - counters, not rows, and only the month: no row says when or in which order forms came;
// - its own rollback journal (TRUNCATE), never the main file's WAL, so a form's commit never sits
//   between timestamped check-ins in one log;
// - secure_delete on, and VACUUM after every write, so freed space and the position of a cell
//   in its page (which tells the cell written last) say nothing: the file is rebuilt in key order;
// - the file times are set back to the first of the month after every write.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace indgang::feedback {

inline constexpr const char* kFeedbackSchema = "fb";

// "x/indgang.db" → "x/indgang.feedback.db"; ":memory:" (tests) stays in memory.
std::string feedback_file_path(const std::string& main_path);

// Attaches the feedback file (creating and migrating it on a read-write connection) unless it is
// attached already. Must run outside a transaction (SQLite refuses ATTACH inside one); throws
// db::Error otherwise. Returns false on a read-only connection when the file does not exist yet
// (then there is nothing to report).
bool attach_feedback_store(db::Db& db);

// Rebuilds the feedback file in key order (VACUUM), empties its journal and sets its times back to
// the first of the current month. Run after every committed write; a no-op inside a transaction
// (the caller who opened it settles afterwards).
void settle_feedback_file(db::Db& db, Date today);

// The schema version of the feedback file's own migrations list (independent of the main file).
int feedback_schema_version();

// What one stored form adds: the group (answer to the grouping question or "not_stated") and
// each answered question. Counted into fb.tally; the comment, if any, goes to fb.comment under a
// random key, with no link to the answers.
struct FormTally {
    Id site_id = 0;
    std::string month;                                  // "2026-11"
    std::string form_id;
    int form_version = 0;
    std::string group;
    std::map<std::string, std::string> answers;         // question → answer
    std::string comment;                                // empty: none
};
void add_form(db::Db& db, const FormTally& t);

// Counts read back for the reports: per (group, question, answer), and the number of forms.
struct MonthCounts {
    int64_t forms = 0;
    std::map<std::tuple<std::string, std::string, std::string>, int64_t> cells;  // group, question, answer
};
MonthCounts read_counts(db::Db& db, Id site_id, const std::string& first_month,
                        const std::string& last_month);
std::vector<std::string> read_comments(db::Db& db, Id site_id, const std::string& first_month,
                                       const std::string& last_month);

// [SECTION] The publication ledger (docs/privacy.md): what a reader knows about each figure of a
// month from everything published so far, kept so each new table can be protected against it.
struct LedgerBound {
    int64_t lo = 0;
    std::optional<int64_t> hi;                          // empty: no upper bound
};
struct MonthLedger {
    int min_k = 0;                                      // 0: never published
    std::map<std::tuple<std::string, std::string, std::string>, LedgerBound> figures;  // question, group, answer
};
MonthLedger read_ledger(db::Db& db, Id site_id, const std::string& month);
// One publication: its row, and per month the figures as a reader now knows them (the caller
// passes the intersection with what was known before) and its threshold. Needs the feedback
// file attached (db::Error otherwise); joins the caller's transaction if there is one.
void record_publication(db::Db& db, Id site_id, const std::string& period, int min_cell, const std::string& channel,
                        const std::map<std::string, MonthLedger>& months);
int64_t count_publications(db::Db& db, Id site_id);
// The month a form for `month` is counted into: itself, or the first later month not published.
std::string counting_month(db::Db& db, Id site_id, const std::string& month);

}  // namespace indgang::feedback
