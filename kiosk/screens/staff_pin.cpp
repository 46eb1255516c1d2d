// Staff PIN pad, opened by the hidden corner gesture. Digits are shown as dots.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_staff_pin(Ui& ui, const StaffPinModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Staff PIN"), NavBack, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    Rect left, right;
    ui.m.split_for_keypad(area, false, left, right);   // staff see it the same in every language
    Rect dots = left.take_top(ui.mm(24), gap);
    const float r = ui.mm(4);
    const int shown = std::max(4, m.digits);
    float x = dots.x + dots.w / 2 - (shown * r * 3) / 2 + r * 1.5f;
    for (int i = 0; i < shown; ++i, x += r * 3) {
        if (i < m.digits) ui.dl->AddCircleFilled(ImVec2(x, dots.y + dots.h / 2), r, colour::text);
        else ui.dl->AddCircle(ImVec2(x, dots.y + dots.h / 2), r, colour::border, 24, ui.mm(0.5f));
    }
    ui.reg->add({"pin_dots", std::string(static_cast<size_t>(m.digits), '*'), {dots.x, dots.y, dots.w, dots.h}, false, true});
    if (!m.message.empty())
        text_block(ui, left, m.message, f.bold, f.body_px, Align::Center, m.locked ? colour::warn : colour::text);
    Intent k = keypad(ui, right, m.digits >= 4 && !m.locked, ui.tr("Open"));
    if (k.act == Act::SubmitCode) k.act = Act::PinSubmit;
    if (k.act != Act::None) out = k;
    return out;
}

}  // namespace indgang::kiosk
