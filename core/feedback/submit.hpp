// Storing one visitor's answers: the whole draft in one transaction, or nothing. The row holds the
// site, the date (no time of day), the form id and version and a random id — no booking, ticket,
// device or visitor reference — so an answer cannot be tied back to a conversation.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"
#include "core/feedback/admission.hpp"
#include "core/feedback/draft.hpp"
#include "core/feedback/form.hpp"
#include "core/feedback/scrub.hpp"

namespace indgang::feedback {

// Settings shared by the kiosk, the admin tool and the reports (table `setting`).
struct FeedbackSettings {
    bool free_text = false;            // feedback.free_text: ask "anything else?" at all
    bool export_free_text = false;     // feedback.export_free_text: comments in reports/extracts
    int press_interval_ms = 700;       // feedback.press_interval_ms (100–5000)
    int burst_max = 4;                 // feedback.burst_max (1–100) …
    int burst_window_minutes = 5;      // … per feedback.burst_window_minutes (1–240)
    int repeat_window_seconds = 60;    // feedback.repeat_window_seconds (0–3600)
    int retention_months = 24;         // feedback.retention_months (1–120): answers kept this long
    int text_retention_days = 92;      // feedback.text_retention_days (1–3660): comments kept
    int min_cell = 5;                  // report.min_cell: small-cell threshold, never below 3

    LimiterRules limiter_rules() const;
};

inline constexpr int kMinCellFloor = 3;

// Reads the settings; unset or unreadable values take the defaults above, and out-of-range values
// are clamped (a threshold of 1 in the database still reports with 3).
FeedbackSettings feedback_settings(db::Db& db);
// Sets one setting by its key ("feedback.free_text", "report.min_cell", …) after checking it.
// Throws DomainError::Invalid with a plain message for an unknown key or a bad value.
void set_feedback_setting(db::Db& db, const std::string& key, const std::string& value);
// Every key with its current value, sorted by key.
std::vector<std::pair<std::string, std::string>> feedback_setting_list(db::Db& db);

struct SubmitResult {
    Admission admission = Admission::Empty;   // Accept means stored
    bool stored = false;
    ScrubResult scrub;                        // what was removed from the comment, if any
};

// The one call the kiosk makes when the visitor presses "Send". Drops the comment when free text
// is off, refuses an empty draft, asks the limiter, validates against the form and stores it all
// in one transaction. Throws DomainError::Invalid for answers that do not fit the form and
// db::Error when the database fails; in both cases nothing is stored.
SubmitResult submit_feedback(db::Db& db, Id site_id, const Form& form, const Draft& draft,
                             Instant now, SubmissionLimiter& limiter, int64_t now_ms);

// The storing step alone (no limiter): for staff entering paper forms and for tests. Returns
// false when there was nothing to store. `day` is the site-local date.
bool store_feedback(db::Db& db, Id site_id, const Form& form, const Draft& draft, Date day,
                    const FeedbackSettings& settings, ScrubResult* scrub = nullptr);

struct PurgeCount {
    int responses = 0;
    int comments = 0;
};
// Deletes answers older than retention_months and comments older than text_retention_days,
// counted from `today`. store_feedback runs it on every submission, so it needs no scheduler.
PurgeCount purge_old_feedback(db::Db& db, Date today, const FeedbackSettings& settings);

// 32 hex characters from libsodium's CSPRNG.
std::string random_response_id();

}  // namespace indgang::feedback
