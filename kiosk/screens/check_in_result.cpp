// Check-in result: the proof of having come, or a clear, kind reason why not and what to do.
// The proof is one framed block a visitor can photograph or show at the desk: when they checked
// in (date and time, large), for what and with whom, where, and the code.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_check_in_result(Ui& ui, const CheckInResultModel& m) {
    Intent out;
    Rect area = screen_frame(ui, "", NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    Rect actions = area.take_bottom(ui.mm(28), gap * 2);
    print_band(ui, area, m.print, out);
    const float pad = ui.mm(8), proof_pad = ui.mm(5);
    const float card_w = std::min(area.w, ui.mm(300));
    const float w = card_w - 2 * pad;
    const float pw = w - 2 * proof_pad;

    const std::string code = m.code.empty() ? "" : ui.text->fmt("Code: {code}", {{"code", m.code}});
    // Heights first, so the card is exactly as tall as its content.
    const float head_h = ui.mm(22);
    const float detail_h = m.detail.empty() ? 0 : ui.text->measure(f.bold, f.bold_px, m.detail, w) + gap;
    float proof_h = 0;
    const bool proof = !m.proof.empty();
    if (proof) {
        proof_h = 2 * proof_pad + ui.text->measure(f.title, f.title_px, m.proof, pw);
        if (!m.appointment.empty()) proof_h += ui.mm(3) + ui.text->measure(f.bold, f.bold_px, m.appointment, pw);
        if (!m.place.empty()) proof_h += ui.mm(2) + ui.text->measure(f.body, f.body_px, m.place, pw);
        if (!code.empty()) proof_h += ui.mm(2) + ui.text->measure(f.body, f.body_px, code, pw);
    }
    float rest_h = 0;   // without proof: the appointment and the code as plain lines
    if (!proof) {
        if (!m.appointment.empty()) rest_h += ui.text->measure(f.body, f.bold_px, m.appointment, w) + gap;
        if (!code.empty()) rest_h += ui.text->measure(f.body, f.body_px, code, w);
    }
    const float content_h = head_h + gap + detail_h + proof_h + rest_h;
    Rect card = area.centered(card_w, std::min(area.h, content_h + 2 * pad));

    panel(ui, card, m.ok ? colour::good_bg : colour::warn_bg, ui.mm(3), m.ok ? colour::good : colour::warn, ui.mm(1));
    Rect in = card.inset(pad);
    Rect head = in.take_top(head_h, gap);
    Rect icon = ui.m.dir(head.take_left(ui.mm(22), ui.mm(5)), in);
    draw_icon(ui.dl, m.ok ? Icon::CheckIn : Icon::Warning, ImVec2(icon.x + icon.w / 2, icon.y + icon.h / 2), ui.mm(20),
              m.ok ? colour::good : colour::warn, ui.rtl());
    text_block(ui, ui.m.dir(head, in), m.title, f.title, f.title_px, Align::Start, colour::text, true);
    if (!m.detail.empty()) {
        const float used = text_block(ui, in, m.detail, f.bold, f.bold_px);
        in.take_top(used, gap);
    }
    if (proof) {
        Rect box = in.take_top(proof_h);
        panel(ui, box, colour::panel, ui.mm(2), colour::good, ui.mm(0.6f));
        Rect p = box.inset(proof_pad);
        p.take_top(text_block(ui, p, m.proof, f.title, f.title_px, Align::Start), ui.mm(3));
        if (!m.appointment.empty()) p.take_top(text_block(ui, p, m.appointment, f.bold, f.bold_px), ui.mm(2));
        if (!m.place.empty()) p.take_top(text_block(ui, p, m.place, f.body, f.body_px, Align::Start, colour::muted), ui.mm(2));
        if (!code.empty()) text_block(ui, p, code, f.body, f.body_px, Align::Start, colour::muted);
    } else {
        if (!m.appointment.empty()) in.take_top(text_block(ui, in, m.appointment, f.body, f.bold_px), gap);
        if (!code.empty()) text_block(ui, in, code, f.body, f.body_px, Align::Start, colour::muted);
    }

    const float bw = std::min(actions.w / 2 - gap, ui.mm(130));
    if (m.can_book) {
        Rect book = ui.m.dir(Rect{actions.x + actions.w / 2 - bw - gap / 2, actions.y, bw, actions.h}, actions);
        Rect done = ui.m.dir(Rect{actions.x + actions.w / 2 + gap / 2, actions.y, bw, actions.h}, actions);
        if (button(ui, ui.tr("Book a new time"), "book_new", book, Icon::Calendar, Tone::Primary)) out.act = Act::GoBook;
        if (button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Normal)) out.act = Act::Done;
    } else if (m.can_retry) {
        Rect retry = ui.m.dir(Rect{actions.x + actions.w / 2 - bw - gap / 2, actions.y, bw, actions.h}, actions);
        Rect done = ui.m.dir(Rect{actions.x + actions.w / 2 + gap / 2, actions.y, bw, actions.h}, actions);
        if (button(ui, ui.tr("Try again"), "retry", retry, Icon::Back, Tone::Primary)) out.act = Act::TryAgain;
        if (button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Normal)) out.act = Act::Done;
    } else {
        Rect done = actions.centered(bw, actions.h);
        if (button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Primary)) out.act = Act::Done;
    }
    return out;
}

}  // namespace indgang::kiosk
