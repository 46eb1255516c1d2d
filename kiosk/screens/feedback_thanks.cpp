// Feedback: thank you (or the reason it could not be saved).
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_feedback_thanks(Ui& ui, const std::string& message) {
    Intent out;
    Rect area = screen_frame(ui, "", NavNone, out);
    const Fonts& f = *ui.fonts;
    Rect done = area.take_bottom(ui.mm(28), ui.m.gap() * 2).centered(std::min(area.w, ui.mm(150)), ui.mm(28));
    Rect card = area.centered(std::min(area.w, ui.mm(260)), ui.mm(100));
    draw_icon(ui.dl, Icon::Feedback, ImVec2(card.x + card.w / 2, card.y + ui.mm(14)), ui.mm(24), colour::primary);
    card.take_top(ui.mm(34));
    text_block(ui, card, message, f.title, f.title_px, Align::Center, colour::text);
    if (button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Primary)) out.act = Act::Done;
    return out;
}

}  // namespace indgang::kiosk
