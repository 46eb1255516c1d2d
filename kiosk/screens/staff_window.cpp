// Staff mode while the full staff window (indgang-admin) is open on top: the kiosk waits, keeps
// its loop and watchdog alive, and takes no input until the window closes (app/staff_window.cpp).
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_staff_window_open(Ui& ui) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Staff window"), NavNone, out);
    const Fonts& f = *ui.fonts;
    Rect mid = area.centered(std::min(area.w, ui.mm(260)), f.title_px * 4);
    text_block(ui, mid.take_top(f.title_px * 1.5f, ui.m.gap()), ui.tr("The staff window is open."), f.title, f.title_px,
               Align::Center);
    text_block(ui, mid, ui.tr("Close it to come back to staff mode."), f.body, f.body_px, Align::Center, colour::muted);
    return out;
}

}  // namespace indgang::kiosk
