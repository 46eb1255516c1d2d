// The receipt: the check-in code, big, with day, time, caseworker and place. Shown once: it goes
// away for good on Done or the idle reset.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_receipt(Ui& ui, const ReceiptModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Your time is booked"), NavNone, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    const bool portrait = ui.m.portrait();
    Rect done = area.take_bottom(ui.mm(28), gap * 2).centered(std::min(area.w, ui.mm(150)), ui.mm(28));

    Rect card = area.centered(std::min(area.w, ui.mm(330)), std::min(area.h, ui.mm(portrait ? 160 : 150)));
    ui.dl->AddRectFilled(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), colour::panel, ui.mm(3));
    ui.dl->AddRect(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), colour::good, ui.mm(3), 0, ui.mm(1));
    Rect in = card.inset(ui.mm(7));
    Rect code_col = in, info = in;
    if (portrait) {
        code_col = info.take_top(in.h * 0.42f, gap);
    } else {
        code_col = ui.m.dir(info.take_left(in.w * 0.5f, ui.mm(8)), in);
        info = ui.m.dir(info, in);
    }
    text_block(ui, code_col.take_top(f.body_px * 1.3f, ui.mm(2)), ui.tr("Your check-in code"), f.body, f.body_px,
               Align::Center, colour::muted);
    code_display(ui, code_col.take_top(std::min(code_col.h * 0.6f, ui.mm(34)), ui.mm(3)), m.code,
                 static_cast<int>(m.code.size()));
    text_block(ui, code_col, ui.tr("Take a photo or write it down. You need it to check in."), f.body, f.body_px,
               Align::Center, colour::text);

    const float line = f.bold_px * 1.45f;
    text_block(ui, info.take_top(line), m.day, f.bold, f.bold_px);
    text_block(ui, info.take_top(line), ui.text->fmt("at {time}", {{"time", m.time}}), f.bold, f.bold_px);
    text_block(ui, info.take_top(line), m.service, f.body, f.bold_px);
    if (!m.caseworker.empty())
        text_block(ui, info.take_top(line), ui.text->fmt("with {name}", {{"name", m.caseworker}}), f.body, f.bold_px);
    text_block(ui, info.take_top(line * 1.6f), m.place, f.body, f.body_px, Align::Start, colour::muted);
    if (!m.nickname.empty())
        text_block(ui, info.take_top(line), ui.text->fmt("Nickname: {nickname}", {{"nickname", m.nickname}}), f.body,
                   f.body_px, Align::Start, colour::muted);

    if (button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Primary)) out.act = Act::Done;
    return out;
}

}  // namespace indgang::kiosk
