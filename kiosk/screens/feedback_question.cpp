// Feedback: one question per screen; five faces (or a short list of choices), "Rather not say"
// and Skip. Answers are anonymous; nothing is stored before the last question.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_feedback_question(Ui& ui, const FeedbackQuestionModel& m) {
    Intent out;
    Rect area = screen_frame(ui, m.title, NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    const bool portrait = ui.m.portrait();
    if (!m.intro.empty())
        text_block(ui, area.take_top(f.body_px * 1.4f, gap), m.intro, f.body, f.body_px, Align::Center, colour::muted);
    text_block(ui, area.take_top(f.body_px * 1.4f, ui.mm(1)),
               ui.text->fmt("Question {i} of {n}", {{"i", std::to_string(m.index + 1)}, {"n", std::to_string(m.count)}}),
               f.body, f.body_px, Align::Center, colour::muted);
    text_block(ui, area.take_top(f.title_px * 2.5f, gap * 2), m.question, f.title, f.title_px, Align::Center,
               colour::text, true);

    Rect bottom = area.take_bottom(ui.mm(22), gap * 2);
    const int n = static_cast<int>(m.options.size());
    int cols = m.scale ? (portrait ? 3 : 5) : (portrait ? 2 : 3);
    const int rows = (n + cols - 1) / std::max(cols, 1);
    const float cell_h = std::min(m.scale ? ui.mm(80) : ui.mm(30), (area.h - gap * (rows - 1)) / std::max(rows, 1));
    Rect opts = area.take_top(cell_h * rows + gap * (rows - 1), gap);
    // Worst to best reads in the visitor's direction, like the paper form's scale.
    auto cells = grid(ui.m, opts, n, cols, gap * 1.5f, cell_h);
    for (int i = 0; i < n; ++i) {
        const auto& o = m.options[i];
        if (button(ui, o.label, "answer_" + o.value, cells[i], o.icon,
                   m.selected == o.value ? Tone::Selected : Tone::Normal))
            out = {Act::FeedbackAnswer, 0, o.value};
    }
    const float bw = std::min(bottom.w / 2 - gap, ui.mm(110));
    Rect decline = ui.m.dir(Rect{bottom.x, bottom.y, bw, bottom.h}, bottom);
    Rect skip = ui.m.dir(Rect{bottom.right() - bw, bottom.y, bw, bottom.h}, bottom);
    if (button(ui, m.decline_label, "declined", decline, Icon::None,
               m.selected == "declined" ? Tone::Selected : Tone::Quiet))
        out = {Act::FeedbackAnswer, 0, "declined"};
    if (button(ui, ui.tr("Skip"), "skip", skip, Icon::Skip, Tone::Quiet)) out.act = Act::FeedbackSkip;
    return out;
}

}  // namespace indgang::kiosk
