// Check in: the code on a large keypad.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_check_in(Ui& ui, const CheckInModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Type your check-in code"), NavBoth, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    Rect left, right;
    ui.m.split_for_keypad(area, true, left, right);
    Rect hint = left.take_top(f.body_px * 2.6f, gap);
    text_block(ui, hint, ui.tr("The code is on your receipt: 5 digits."), f.body, f.body_px, Align::Center,
               colour::muted, true);
    code_display(ui, left.take_top(std::min(ui.mm(32), left.h)), m.code, m.length);
    Intent k = keypad(ui, right, static_cast<int>(m.code.size()) == m.length, ui.tr("Check in"));
    if (k.act != Act::None) out = k;
    return out;
}

}  // namespace indgang::kiosk
