// Booking, step 5: everything on one card, one big "Book this time" button.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_book_confirm(Ui& ui, const ConfirmModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Is this right?"), NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    const float line = f.bold_px * 1.5f;
    // As tall as its lines, computed once: `area` shrinks as soon as take_top() runs.
    const int lines = 3 + (m.caseworker.empty() ? 0 : 1) + (m.nickname.empty() ? 0 : 1);
    const float card_h = std::min(area.h - ui.mm(40), lines * line + ui.mm(16));
    // Card and button as one group, a little above the middle of the screen.
    const float group_h = card_h + gap * 2 + (m.error.empty() ? 0 : ui.mm(16) + gap) + ui.mm(32);
    if (area.h > group_h) area.take_top((area.h - group_h) / 3);
    Rect card = area.take_top(card_h, gap * 2).centered(std::min(area.w, ui.mm(260)), card_h);
    panel(ui, card, colour::panel, ui.mm(3));
    Rect in = card.inset(ui.mm(8));
    Rect icon = ui.m.dir(in.take_left(ui.mm(22), ui.mm(6)), card.inset(ui.mm(8)));
    draw_icon(ui.dl, m.icon, ImVec2(icon.x + icon.w / 2, icon.y + ui.mm(11)), ui.mm(20), colour::primary, ui.rtl());
    in = ui.m.dir(in, card.inset(ui.mm(8)));
    text_block(ui, in.take_top(line), m.service, f.bold, f.bold_px);
    text_block(ui, in.take_top(line), m.day + ui.text->comma() + m.time, f.bold, f.bold_px);
    if (!m.caseworker.empty())
        text_block(ui, in.take_top(line), ui.text->fmt("with {name}", {{"name", m.caseworker}}), f.body, f.bold_px);
    text_block(ui, in.take_top(line), m.place, f.body, f.body_px, Align::Start, colour::muted);
    if (!m.nickname.empty())
        text_block(ui, in.take_top(line), ui.text->fmt("Nickname: {nickname}", {{"nickname", m.nickname}}), f.body,
                   f.body_px, Align::Start, colour::muted);

    if (!m.error.empty()) {
        Rect e = area.take_top(ui.mm(16), gap);
        text_block(ui, e, m.error, f.bold, f.body_px, Align::Center, colour::warn, true);
    }
    Rect go = area.take_top(ui.mm(32)).centered(std::min(area.w, ui.mm(170)), ui.mm(32));
    if (button(ui, ui.tr("Book this time"), "confirm", go, Icon::Check, Tone::Primary)) out.act = Act::ConfirmBooking;
    return out;
}

}  // namespace indgang::kiosk
