// Walk-in ticket: the number, big, and the place in the queue.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_walkin_ticket(Ui& ui, const WalkInTicketModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Your number"), NavNone, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    const Rect done = reserve_done(ui, area);
    print_band(ui, area, m.print, out);
    // As tall as what it holds (the last line may wrap once), not a fixed box half empty.
    const float content_h = f.bold_px * 1.4f * 2 + f.huge_px * 1.3f + f.body_px * 2.8f + gap * 3;
    Rect card = area.centered(std::min(area.w, ui.mm(220)), std::min(area.h, content_h + ui.mm(14)));
    panel(ui, card, colour::panel, ui.mm(3), colour::primary, ui.mm(1));
    Rect in = card.inset(ui.mm(7));
    text_block(ui, in.take_top(f.bold_px * 1.4f, gap), m.service, f.bold, f.bold_px, Align::Center);
    Rect big = in.take_top(f.huge_px * 1.3f, gap);
    ui.reg->add({"ticket", m.label, {big.x, big.y, big.w, big.h}, false, true});
    const ImVec2 sz = f.huge->CalcTextSizeA(f.huge_px, 1e9f, 0, m.label.c_str());
    ui.dl->AddText(f.huge, f.huge_px, ImVec2(big.x + (big.w - sz.x) / 2, big.y + (big.h - sz.y) / 2),
                   colour::primary, m.label.c_str());
    text_block(ui, in.take_top(f.bold_px * 1.4f, gap), m.ahead, f.bold, f.bold_px, Align::Center);
    text_block(ui, in, ui.tr("Have a seat. We will call your number."), f.body, f.body_px, Align::Center,
               colour::muted);
    if (done_button(ui, done)) out.act = Act::Done;
    return out;
}

}  // namespace indgang::kiosk
