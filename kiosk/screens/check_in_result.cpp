// Check-in result: the proof of having come (time and date, big enough to photograph), or a
// clear, kind reason why not and what to do.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_check_in_result(Ui& ui, const CheckInResultModel& m) {
    Intent out;
    Rect area = screen_frame(ui, "", NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    Rect actions = area.take_bottom(ui.mm(28), gap * 2);
    Rect card = area.centered(std::min(area.w, ui.mm(300)), std::min(area.h, ui.mm(ui.m.portrait() ? 200 : 160)));
    ui.dl->AddRectFilled(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()),
                         m.ok ? colour::good_bg : colour::warn_bg, ui.mm(3));
    ui.dl->AddRect(ImVec2(card.x, card.y), ImVec2(card.right(), card.bottom()), m.ok ? colour::good : colour::warn,
                   ui.mm(3), 0, ui.mm(1));
    Rect in = card.inset(ui.mm(8));
    Rect head = in.take_top(ui.mm(22), gap);
    Rect icon = ui.m.dir(head.take_left(ui.mm(22), ui.mm(5)), in);
    draw_icon(ui.dl, m.ok ? Icon::CheckIn : Icon::Warning, ImVec2(icon.x + icon.w / 2, icon.y + icon.h / 2), ui.mm(20),
              m.ok ? colour::good : colour::warn, ui.rtl());
    text_block(ui, ui.m.dir(head, in), m.title, f.title, f.title_px, Align::Start, colour::text, true);
    const float line = f.bold_px * 1.5f;
    if (!m.detail.empty()) {
        const float used = text_block(ui, in, m.detail, f.bold, f.bold_px);
        in.take_top(used, gap);
    }
    if (!m.appointment.empty()) {
        const float used = text_block(ui, in, m.appointment, f.body, f.bold_px);
        in.take_top(used, gap);
    }
    if (!m.proof.empty()) {
        Rect proof = in.take_top(line * 2.2f, gap);
        ui.dl->AddRectFilled(ImVec2(proof.x, proof.y), ImVec2(proof.right(), proof.bottom()), colour::panel, ui.mm(2));
        text_block(ui, proof.inset(ui.mm(3)), m.proof, f.bold, f.bold_px, Align::Center, colour::text, true);
    }
    if (!m.code.empty())
        text_block(ui, in.take_top(line), ui.text->fmt("Code: {code}", {{"code", m.code}}), f.body, f.body_px,
                   Align::Start, colour::muted);

    const float bw = std::min(actions.w / 2 - gap, ui.mm(130));
    if (m.can_retry) {
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
