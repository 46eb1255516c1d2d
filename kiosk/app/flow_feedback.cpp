// Feedback: the form's questions one at a time → thanks. The draft lives in Visitor::feedback
// (memory only) and is stored whole by the core at the end, or not at all.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"

#include "core/feedback/submit.hpp"

#include <algorithm>

namespace indgang::kiosk {

std::vector<const feedback::Question*> KioskApp::feedback_questions() const {
    std::vector<const feedback::Question*> out;
    if (!form_) return out;
    // Free-text questions need the keyboard and a scrubbing review; the kiosk asks only the
    // scale and choice questions (see docs/kiosk.md).
    for (const auto* q : form_->visible_questions(false))
        if (q->kind != feedback::QuestionKind::Text) out.push_back(q);
    return out;
}

Intent KioskApp::draw_feedback(Ui& ui) {
    const FeedbackState& f = visitor_.feedback;
    if (visitor_.screen == ScreenId::FeedbackThanks) return draw_feedback_thanks(ui, f.message);
    FeedbackQuestionModel m;
    const auto qs = feedback_questions();
    if (qs.empty() || !form_) return draw_feedback_thanks(ui, text_->tr("Thank you."));
    const auto* q = qs[std::clamp(f.index, 0, static_cast<int>(qs.size()) - 1)];
    m.title = text_->tr(form_->title.c_str());
    if (f.index == 0) m.intro = text_->tr(form_->intro.c_str());
    m.index = f.index;
    m.count = static_cast<int>(qs.size());
    m.question = text_->tr(q->text.c_str());
    m.decline_label = text_->tr(form_->decline_label.c_str());
    m.scale = q->kind == feedback::QuestionKind::Scale;
    if (m.scale) {
        static const Icon faces[] = {Icon::Face1, Icon::Face2, Icon::Face3, Icon::Face4, Icon::Face5};
        for (size_t i = 0; i < form_->scale.size(); ++i)
            m.options.push_back({form_->scale[i].value, text_->tr(form_->scale[i].label.c_str()),
                                 faces[std::min<size_t>(i, 4)]});
    } else {
        for (const auto& c : q->choices) m.options.push_back({c.key, text_->tr(c.label.c_str()), service_icon(c.key)});
    }
    if (const std::string* a = f.draft.find(q->key)) m.selected = *a;
    return draw_feedback_question(ui, m);
}

void KioskApp::apply_feedback(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    FeedbackState& f = v.feedback;
    const auto qs = feedback_questions();
    if (in.act == Act::GoFeedback) {
        scrub(f);
        press_filter_.reset();
        if (qs.empty()) {
            f.message = text_->tr("Sorry, feedback is not available right now. Please ask the staff.");
            go(ScreenId::FeedbackThanks);
        } else {
            go(ScreenId::FeedbackQuestion);
        }
        return;
    }
    if (v.screen != ScreenId::FeedbackQuestion || qs.empty()) return;
    // A shaky double tap must not answer two questions at once.
    if (!press_filter_.accept(static_cast<int64_t>(frame_ms_))) return;
    const auto* q = qs[std::clamp(f.index, 0, static_cast<int>(qs.size()) - 1)];
    if (in.act == Act::FeedbackAnswer) f.draft.answer(q->key, in.text);
    else if (in.act == Act::FeedbackSkip) f.draft.skip(q->key);
    if (f.index + 1 < static_cast<int>(qs.size())) {
        ++f.index;   // Back steps through the questions (see apply)
        return;
    }
    // Last question: store the whole draft at once, or nothing.
    std::string message = text_->tr(form_->thanks.c_str());
    try {
        auto r = feedback::submit_feedback(*db_, data_->site.id, *form_, f.draft, now, limiter_,
                                           static_cast<int64_t>(frame_ms_));
        if (!r.stored && r.admission != feedback::Admission::Empty)
            log_line(std::string("feedback not stored: ") + feedback::to_string(r.admission));
    } catch (const std::exception& e) {
        log_line(std::string("feedback could not be stored: ") + e.what());
        message = text_->tr("Sorry, your answers could not be saved. Please ask the staff.");
    }
    scrub(f);
    f.message = message;
    v.back.clear();
    v.screen = ScreenId::FeedbackThanks;
}

}  // namespace indgang::kiosk
