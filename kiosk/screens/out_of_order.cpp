// Out of order: the database is missing, locked or damaged. Calm, no error codes for visitors.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_out_of_order(Ui& ui, const std::string& since) {
    Intent out;
    Rect area = screen_frame(ui, "", NavNone, out);
    const Fonts& f = *ui.fonts;
    Rect card = area.centered(std::min(area.w, ui.mm(260)), ui.mm(110));
    draw_icon(ui.dl, Icon::Pause, ImVec2(card.x + card.w / 2, card.y + ui.mm(12)), ui.mm(20), colour::muted);
    card.take_top(ui.mm(30));
    text_block(ui, card.take_top(f.title_px * 1.4f, ui.mm(4)), ui.tr("This screen is out of order"), f.title,
               f.title_px, Align::Center);
    text_block(ui, card.take_top(f.bold_px * 2.8f, ui.mm(4)), ui.tr("Please ask the staff. They can help you."),
               f.bold, f.bold_px, Align::Center, colour::text);
    text_block(ui, card, since, f.body, f.body_px * 0.8f, Align::Center, colour::muted);
    return out;
}

}  // namespace indgang::kiosk
