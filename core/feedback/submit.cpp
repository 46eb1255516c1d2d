#include "core/feedback/submit.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <sodium.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace indgang::feedback {

LimiterRules FeedbackSettings::limiter_rules() const {
    LimiterRules r;
    r.burst_max = burst_max;
    r.burst_window_ms = int64_t{burst_window_minutes} * 60 * 1000;
    r.repeat_window_ms = int64_t{repeat_window_seconds} * 1000;
    return r;
}

namespace {

struct IntKey {
    const char* key;
    int FeedbackSettings::*field;
};
// Ranges and defaults live in the settings table (core/domain/settings.cpp).
constexpr IntKey kIntKeys[] = {
    {"feedback.press_interval_ms", &FeedbackSettings::press_interval_ms},
    {"feedback.burst_max", &FeedbackSettings::burst_max},
    {"feedback.burst_window_minutes", &FeedbackSettings::burst_window_minutes},
    {"feedback.repeat_window_seconds", &FeedbackSettings::repeat_window_seconds},
    {"feedback.retention_months", &FeedbackSettings::retention_months},
    {"feedback.text_retention_days", &FeedbackSettings::text_retention_days},
    {"report.min_cell", &FeedbackSettings::min_cell},
};
struct BoolKey {
    const char* key;
    bool FeedbackSettings::*field;
};
constexpr BoolKey kBoolKeys[] = {
    {"feedback.free_text", &FeedbackSettings::free_text},
    {"feedback.export_free_text", &FeedbackSettings::export_free_text},
};

std::string ymd(Date d) { return format_date(d); }

}  // namespace

FeedbackSettings feedback_settings(db::Db& db) {
    FeedbackSettings s;
    for (const auto& k : kIntKeys) s.*k.field = static_cast<int>(setting_int(db, k.key));
    for (const auto& k : kBoolKeys) s.*k.field = setting_bool(db, k.key);
    return s;
}

void set_feedback_setting(db::Db& db, const std::string& key, const std::string& value) {
    if (key.rfind("feedback.", 0) != 0 && key != "report.min_cell")
        throw DomainError(ErrorCode::Invalid, "unknown feedback setting \"" + key + "\"");
    set_setting_checked(db, key, value);
}

std::vector<std::pair<std::string, std::string>> feedback_setting_list(db::Db& db) {
    const FeedbackSettings s = feedback_settings(db);
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& k : kBoolKeys) out.emplace_back(k.key, s.*k.field ? "on" : "off");
    for (const auto& k : kIntKeys) out.emplace_back(k.key, std::to_string(s.*k.field));
    std::sort(out.begin(), out.end());
    return out;
}

std::string random_response_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    unsigned char raw[16];
    randombytes_buf(raw, sizeof raw);
    char hex[2 * sizeof raw + 1];
    sodium_bin2hex(hex, sizeof hex, raw, sizeof raw);
    return hex;
}

PurgeCount purge_old_feedback(db::Db& db, Date today, const FeedbackSettings& s) {
    using namespace std::chrono;
    PurgeCount n;
    const year_month first_kept = year_month(today.year(), today.month()) - months(s.retention_months - 1);
    const std::string cutoff = ymd(first_kept / day(1));
    db.cached("DELETE FROM feedback_response WHERE day < ?").bind(cutoff).exec();
    n.responses = db.changes();
    const std::string text_cutoff = ymd(add_days(today, -s.text_retention_days));
    db.cached("DELETE FROM feedback_text WHERE response_id IN "
              "(SELECT id FROM feedback_response WHERE day < ?)")
        .bind(text_cutoff)
        .exec();
    n.comments = db.changes();
    return n;
}

bool store_feedback(db::Db& db, Id site_id, const Form& form, const Draft& draft, Date day,
                    const FeedbackSettings& settings, ScrubResult* scrub_out) {
    if (auto why = check_draft(form, draft); !why.empty()) throw DomainError(ErrorCode::Invalid, why);

    std::string comment;
    const Question* text_q = nullptr;
    for (const auto& q : form.questions)
        if (q.kind == QuestionKind::Text) text_q = &q;
    if (settings.free_text && text_q && !draft.free_text.empty()) {
        ScrubResult sr = scrub_free_text(draft.free_text, text_q->max_chars);
        comment = sr.text;
        if (scrub_out) *scrub_out = std::move(sr);
    }
    if (draft.answers.empty() && comment.empty()) return false;

    db::Transaction tx(db);
    purge_old_feedback(db, day, settings);
    const std::string id = random_response_id();
    db.cached("INSERT INTO feedback_response(id, site_id, day, form_id, form_version) "
              "VALUES (?, ?, ?, ?, ?)")
        .bind(id, site_id, ymd(day), form.id, form.version)
        .exec();
    for (const auto& [question, answer] : draft.answers)
        db.cached("INSERT INTO feedback_answer(response_id, question, answer) VALUES (?, ?, ?)")
            .bind(id, question, answer)
            .exec();
    if (!comment.empty())
        db.cached("INSERT INTO feedback_text(response_id, text) VALUES (?, ?)").bind(id, comment).exec();
    tx.commit();
    return true;
}

SubmitResult submit_feedback(db::Db& db, Id site_id, const Form& form, const Draft& draft,
                             Instant now, SubmissionLimiter& limiter, int64_t now_ms) {
    const FeedbackSettings settings = feedback_settings(db);
    Draft effective = draft;
    if (!settings.free_text) effective.free_text.clear();
    SubmitResult r;
    // Check before admitting, so a bad draft neither stores nor uses up the burst allowance.
    if (auto why = check_draft(form, effective); !why.empty()) throw DomainError(ErrorCode::Invalid, why);
    r.admission = limiter.admit(effective, now_ms);
    if (r.admission != Admission::Accept) return r;
    try {
        const Date day = site_timezone(db, site_id).today(now);
        r.stored = store_feedback(db, site_id, form, effective, day, settings, &r.scrub);
    } catch (...) {
        limiter.forget_last();
        throw;
    }
    if (!r.stored) {
        limiter.forget_last();
        r.admission = Admission::Empty;   // e.g. a comment that was all whitespace
    }
    return r;
}

}  // namespace indgang::feedback
