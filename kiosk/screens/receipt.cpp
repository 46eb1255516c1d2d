// The receipt: the check-in code, big, with day, time, caseworker and place. Shown once: it goes
// away for good on Done or the idle reset. The card is as tall as what it holds (no empty band
// under the text), so a phone photo of it is all receipt.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_receipt(Ui& ui, const ReceiptModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Your time is booked"), NavNone, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    const bool portrait = ui.m.portrait();
    const Rect done = reserve_done(ui, area);
    print_band(ui, area, m.print, out);

    const float pad = ui.mm(8);
    const float card_w = std::min(area.w, ui.mm(330));
    const float inner_w = card_w - 2 * pad;
    const float code_w = portrait ? inner_w : (inner_w - ui.mm(8)) * 0.5f;
    const float info_w = portrait ? inner_w : inner_w - code_w - ui.mm(8);
    const char* photo = ui.tr("Take a photo or write it down. You need it to check in.");

    // What the info column says, line by line: {text, font, size, colour, space after}.
    struct Line { std::string text; ImFont* font; float px; ImU32 col; float after; };
    std::vector<Line> info{
        {m.day, f.title, f.title_px, colour::text, ui.mm(1)},
        {ui.text->fmt("at {time}", {{"time", m.time}}), f.title, f.title_px, colour::text, ui.mm(4)},
        {m.service, f.bold, f.bold_px, colour::text, ui.mm(1)},
    };
    if (!m.caseworker.empty())
        info.push_back({ui.text->fmt("with {name}", {{"name", m.caseworker}}), f.body, f.bold_px, colour::text, ui.mm(1)});
    info.push_back({m.place, f.body, f.body_px, colour::muted, ui.mm(1)});
    if (!m.nickname.empty())
        info.push_back({ui.text->fmt("Nickname: {nickname}", {{"nickname", m.nickname}}), f.body, f.body_px,
                        colour::muted, 0});
    float info_h = 0;
    for (const auto& l : info) info_h += ui.text->measure(l.font, l.px, l.text, info_w) + l.after;
    const float code_box = ui.mm(34);
    const float code_h = f.body_px * 1.3f + ui.mm(2) + code_box + ui.mm(3) + ui.text->measure(f.body, f.body_px, photo, code_w);
    const float content_h = portrait ? code_h + gap * 2 + info_h : std::max(code_h, info_h);
    Rect card = area.centered(card_w, std::min(area.h, content_h + 2 * pad));

    panel(ui, card, colour::panel, ui.mm(3), colour::good, ui.mm(1));
    Rect in = card.inset(pad);
    Rect code_col = in, info_col = in;
    if (portrait) {
        code_col = info_col.take_top(code_h, gap * 2);
    } else {
        code_col = ui.m.dir(info_col.take_left(code_w, ui.mm(8)), in);
        info_col = ui.m.dir(info_col, in);
        // The shorter column sits in the middle of the taller one.
        if (code_h < info_h) code_col.take_top((info_h - code_h) / 2);
        else info_col.take_top((code_h - info_h) / 2);
    }
    text_block(ui, code_col.take_top(f.body_px * 1.3f, ui.mm(2)), ui.tr("Your check-in code"), f.body, f.body_px,
               Align::Center, colour::muted);
    code_display(ui, code_col.take_top(code_box, ui.mm(3)), m.code, static_cast<int>(m.code.size()));
    text_block(ui, code_col, photo, f.body, f.body_px, Align::Center, colour::text);

    for (const auto& l : info) {
        const float h = ui.text->measure(l.font, l.px, l.text, info_col.w);
        text_block(ui, info_col.take_top(h, l.after), l.text, l.font, l.px, Align::Start, l.col);
    }

    if (done_button(ui, done)) out.act = Act::Done;
    return out;
}

}  // namespace indgang::kiosk
