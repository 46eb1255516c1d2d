// Paused by staff: "back soon".
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_paused(Ui& ui) {
    Intent out;
    Rect area = screen_frame(ui, "", NavNone, out);
    const Fonts& f = *ui.fonts;
    Rect card = area.centered(std::min(area.w, ui.mm(260)), ui.mm(90));
    draw_icon(ui.dl, Icon::Clock, ImVec2(card.x + card.w / 2, card.y + ui.mm(12)), ui.mm(22), colour::primary);
    card.take_top(ui.mm(30));
    text_block(ui, card.take_top(f.title_px * 1.4f, ui.mm(4)), ui.tr("Back soon"), f.title, f.title_px,
               Align::Center);
    text_block(ui, card, ui.tr("The screen is paused. Please ask the staff."), f.bold, f.bold_px, Align::Center,
               colour::muted);
    return out;
}

}  // namespace indgang::kiosk
