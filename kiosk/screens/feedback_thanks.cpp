// Feedback: thank you (or the reason it could not be saved).
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_feedback_thanks(Ui& ui, const std::string& message) {
    Intent out;
    Rect area = screen_frame(ui, "", NavNone, out);
    const Fonts& f = *ui.fonts;
    const Rect done = reserve_done(ui, area);
    Rect card = area.centered(std::min(area.w, ui.mm(260)), ui.mm(100));
    draw_icon(ui.dl, Icon::Feedback, ImVec2(card.x + card.w / 2, card.y + ui.mm(14)), ui.mm(24), colour::primary);
    card.take_top(ui.mm(34));
    text_block(ui, card, message, f.title, f.title_px, Align::Center, colour::text);
    if (done_button(ui, done)) out.act = Act::Done;
    return out;
}

}  // namespace indgang::kiosk
