// Feedback: the form's questions one at a time → thanks. The draft lives in Visitor::feedback
// (memory only) and is stored whole by the core at the end, or not at all.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"
#include "app/typed_text.hpp"

#include "core/feedback/submit.hpp"
#include "core/text/keyboard.hpp"

#include <algorithm>

namespace indgang::kiosk {

std::vector<const feedback::Question*> KioskApp::feedback_questions() const {
    std::vector<const feedback::Question*> out;
    if (!form_) return out;
    // The comment question ("anything else?") only when feedback.free_text is on: the core
    // scrubs what is typed (numbers, e-mail addresses) before it is stored.
    const bool free_text = data_ && data_->feedback_free_text;
    for (const auto* q : form_->visible_questions(free_text)) out.push_back(q);
    return out;
}

ScreenId KioskApp::feedback_screen_at(int index) const {
    const auto qs = feedback_questions();
    if (index >= 0 && index < static_cast<int>(qs.size()) && qs[index]->kind == feedback::QuestionKind::Text)
        return ScreenId::FeedbackComment;
    return ScreenId::FeedbackQuestion;
}

Intent KioskApp::draw_feedback(Ui& ui) {
    const FeedbackState& f = visitor_.feedback;
    if (visitor_.screen == ScreenId::FeedbackThanks) return draw_feedback_thanks(ui, f.message);
    FeedbackQuestionModel m;
    const auto qs = feedback_questions();
    if (qs.empty() || !form_) return draw_feedback_thanks(ui, text_->tr("Thank you."));
    const auto* q = qs[std::clamp(f.index, 0, static_cast<int>(qs.size()) - 1)];
    if (visitor_.screen == ScreenId::FeedbackComment) {
        CommentModel c;
        c.title = text_->tr(form_->title.c_str());
        c.question = text_->tr(q->text.c_str());
        c.text = f.comment;
        c.shift = f.shift;
        c.index = f.index;
        c.count = static_cast<int>(qs.size());
        const auto* l = text_->find_language(visitor_.language);
        try {
            c.layout = &text::keyboard_layout(l ? l->keyboard : "da");
        } catch (const std::exception&) {
            try { c.layout = &text::keyboard_layout("da"); } catch (const std::exception&) { c.layout = nullptr; }
        }
        return draw_feedback_comment(ui, c);
    }
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
            go(feedback_screen_at(0));
        }
        return;
    }
    if ((v.screen != ScreenId::FeedbackQuestion && v.screen != ScreenId::FeedbackComment) || qs.empty()) return;
    const auto* q = qs[std::clamp(f.index, 0, static_cast<int>(qs.size()) - 1)];
    if (v.screen == ScreenId::FeedbackComment) {
        // Typing is not a shaky double tap: only the step on (Send, Skip) goes through the filter.
        switch (in.act) {
        case Act::KeyText:
            if (code_points(f.comment) < static_cast<size_t>(q->max_chars)) f.comment += in.text;
            f.shift = false;
            return;
        case Act::KeySpace:
            if (!f.comment.empty() && f.comment.back() != ' ' && code_points(f.comment) < static_cast<size_t>(q->max_chars))
                f.comment += ' ';
            return;
        case Act::KeyBackspace: pop_code_point(f.comment); return;
        case Act::KeyShift: f.shift = !f.shift; return;
        case Act::CommentSkip: scrub(f.comment); break;
        case Act::CommentDone: break;
        default: return;
        }
        if (!press_filter_.accept(static_cast<int64_t>(frame_ms_))) return;
        f.draft.free_text = f.comment;   // raw here; core/feedback scrubs it when storing
    } else {
        // A shaky double tap must not answer two questions at once.
        if (!press_filter_.accept(static_cast<int64_t>(frame_ms_))) return;
        if (in.act == Act::FeedbackAnswer) f.draft.answer(q->key, in.text);
        else if (in.act == Act::FeedbackSkip) f.draft.skip(q->key);
    }
    if (f.index + 1 < static_cast<int>(qs.size())) {
        ++f.index;   // Back steps through the questions (see apply)
        v.screen = feedback_screen_at(f.index);
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
