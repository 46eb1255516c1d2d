// Feedback: one question per screen, five faces and "Rather not say", and Skip.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_feedback_question(Ui& ui, const FeedbackQuestionModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.text->fmt("Question {i} of {n}", {{"i", std::to_string(m.index + 1)},
                                                                     {"n", std::to_string(m.count)}}),
                             NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    text_block(ui, area.take_top(f.title_px * 2.6f, gap * 2), m.question, f.title, f.title_px, Align::Center,
               colour::text, true);
    Rect bottom = area.take_bottom(ui.mm(22), gap * 2);
    const bool portrait = ui.m.portrait();
    const int cols = portrait ? 3 : 5;
    const float face_h = std::min(ui.mm(60), portrait ? (area.h - gap) / 2 : area.h);
    Rect faces_area = area.take_top(portrait ? face_h * 2 + gap : face_h, gap);
    // Worst to best reads in the visitor's direction, like the paper form's scale.
    auto cells = grid(ui.m, faces_area, 5, cols, gap * 1.5f, face_h);
    static const Icon icons[] = {Icon::Face1, Icon::Face2, Icon::Face3, Icon::Face4, Icon::Face5};
    for (int i = 0; i < 5; ++i) {
        const std::string value = std::to_string(i + 1);
        const std::string& label = i < static_cast<int>(m.face_labels.size()) ? m.face_labels[i] : value;
        if (button(ui, label, "answer_" + value, cells[i], icons[i], m.selected == value ? Tone::Selected : Tone::Normal))
            out = {Act::FeedbackAnswer, 0, value};
    }
    const float bw = std::min(bottom.w / 2 - gap, ui.mm(110));
    Rect decline = ui.m.dir(Rect{bottom.x, bottom.y, bw, bottom.h}, bottom);
    Rect skip = ui.m.dir(Rect{bottom.right() - bw, bottom.y, bw, bottom.h}, bottom);
    if (button(ui, ui.tr("Rather not say"), "declined", decline, Icon::None,
               m.selected == "declined" ? Tone::Selected : Tone::Quiet))
        out = {Act::FeedbackAnswer, 0, "declined"};
    if (button(ui, ui.tr("Skip"), "skip", skip, Icon::Skip, Tone::Quiet)) out.act = Act::FeedbackSkip;
    return out;
}

}  // namespace indgang::kiosk
