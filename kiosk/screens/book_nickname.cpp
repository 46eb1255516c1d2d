// Booking, step 4: an optional nickname on the on-screen keyboard. Never a real name or CPR.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_book_nickname(Ui& ui, const NicknameModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("A nickname? (you can skip this)"), NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    text_block(ui, area.take_top(f.body_px * 1.3f, gap), ui.tr("So the caseworker can call you. Not your real name."),
               f.body, f.body_px, Align::Center, colour::muted);

    const float field_w = std::min(area.w, ui.mm(200));
    Rect field = area.take_top(ui.mm(20), gap).centered(field_w, ui.mm(20));
    panel(ui, field, colour::panel, ui.mm(2), colour::primary, ui.mm(0.8f));
    Rect inner = field.inset(ui.mm(4));
    const float used_w = m.nickname.empty()
                             ? 0.0f
                             : [&] {
                                   const auto& ls = ui.text->lines(f.bold, f.bold_px, m.nickname, 1e6f);
                                   const std::string& l = ls.empty() ? m.nickname : ls.front();
                                   return f.bold->CalcTextSizeA(f.bold_px, 1e9f, 0, l.data(), l.data() + l.size()).x;
                               }();
    ui.reg->add({"nickname", m.nickname, {field.x, field.y, field.w, field.h}, false, true});
    ui.text->paragraph(ui.dl, f.bold, f.bold_px, inner, m.nickname, Align::Start, colour::text, true);
    // The caret sits after the text in reading direction.
    const float cx = ui.rtl() ? inner.right() - used_w - ui.mm(1) : inner.x + used_w + ui.mm(1);
    ui.dl->AddLine(ImVec2(cx, inner.y + ui.mm(1)), ImVec2(cx, inner.bottom() - ui.mm(1)), colour::primary, ui.mm(0.7f));

    Rect actions = area.take_bottom(ui.mm(24), gap * 1.5f);
    const float bw = std::min(actions.w / 2 - gap, ui.mm(110));
    Rect skip = ui.m.dir(Rect{actions.x, actions.y, bw, actions.h}, actions);
    Rect go = ui.m.dir(Rect{actions.right() - bw, actions.y, bw, actions.h}, actions);
    if (button(ui, ui.tr("No nickname"), "skip", skip, Icon::Skip, Tone::Quiet)) out.act = Act::NicknameSkip;
    if (button(ui, ui.tr("Continue"), "continue", go, Icon::Check, Tone::Primary, !m.nickname.empty()))
        out.act = Act::NicknameDone;

    if (m.layout) {
        Intent k = keyboard(ui, area, *m.layout, m.shift);
        if (k.act != Act::None) out = k;
    }
    return out;
}

}  // namespace indgang::kiosk
