// Feedback, the form's last question when feedback.free_text is on: "Is there anything else you
// want to tell us?" on the on-screen keyboard. Skippable; what is typed is scrubbed by the core
// (numbers, addresses) before it is stored, and never linked to a booking.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_feedback_comment(Ui& ui, const CommentModel& m) {
    Intent out;
    Rect area = screen_frame(ui, m.title, NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    text_block(ui, area.take_top(f.body_px * 1.4f, ui.mm(1)),
               ui.text->fmt("Question {i} of {n}", {{"i", std::to_string(m.index + 1)}, {"n", std::to_string(m.count)}}),
               f.body, f.body_px, Align::Center, colour::muted);
    text_block(ui, area.take_top(f.title_px * 1.6f, gap), m.question, f.title, f.title_px, Align::Center, colour::text, true);

    // Two lines of text; a longer comment shows its end.
    const float field_w = std::min(area.w, ui.mm(240));
    const float field_h = f.bold_px * 2.6f + ui.mm(6);
    Rect field = area.take_top(field_h, gap).centered(field_w, field_h);
    panel(ui, field, colour::panel, ui.mm(2), colour::primary, ui.mm(0.8f));
    Rect inner = field.inset(ui.mm(3));
    ui.reg->add({"comment", m.text, {field.x, field.y, field.w, field.h}, false, true});
    // The end of the text, where the visitor is typing (whole code points, logical order).
    constexpr size_t kShownCodePoints = 90;
    size_t start = m.text.size(), seen = 0;
    while (start > 0 && seen < kShownCodePoints) {
        --start;
        if ((static_cast<unsigned char>(m.text[start]) & 0xC0) != 0x80) ++seen;
    }
    ui.text->paragraph(ui.dl, f.bold, f.bold_px, inner, std::string_view(m.text).substr(start), Align::Start,
                       colour::text, false);
    if (m.text.empty())
        text_block(ui, inner, ui.tr("You can write here. Please no names or numbers."), f.body, f.body_px, Align::Start,
                   colour::muted, true);

    Rect actions = area.take_bottom(ui.mm(24), gap * 1.5f);
    const float bw = std::min(actions.w / 2 - gap, ui.mm(110));
    Rect skip = ui.m.dir(Rect{actions.x, actions.y, bw, actions.h}, actions);
    Rect send = ui.m.dir(Rect{actions.right() - bw, actions.y, bw, actions.h}, actions);
    if (button(ui, ui.tr("Skip"), "skip", skip, Icon::Skip, Tone::Quiet)) out.act = Act::CommentSkip;
    if (button(ui, ui.tr("Send"), "send", send, Icon::Check, Tone::Primary, !m.text.empty())) out.act = Act::CommentDone;

    if (m.layout) {
        Intent k = keyboard(ui, area, *m.layout, m.shift);
        if (k.act != Act::None) out = k;
    }
    return out;
}

}  // namespace indgang::kiosk
