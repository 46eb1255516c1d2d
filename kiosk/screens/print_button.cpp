// The Print band on the receipt, the walk-in ticket and the check-in proof: a button, and next
// to it one kind line about the printer. Shown only when a printer is set; it never covers or
// replaces Done, and the screen works the same whatever the printer says.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

void print_band(Ui& ui, Rect& area, const PrintOffer& p, Intent& out) {
    if (!p.can_print) return;
    const float gap = ui.m.gap();
    Rect band = area.take_bottom(ui.mm(16), gap);
    const float bw = std::min(band.w * 0.4f, ui.mm(100));
    Rect btn = ui.m.dir(band.take_left(bw, gap), area);
    Rect note = ui.m.dir(band, area);
    if (button(ui, ui.tr("Print a slip"), "print", btn, Icon::None, Tone::Normal, !p.busy)) out.act = Act::Print;
    if (!p.status.empty())
        text_block(ui, note, p.status, ui.fonts->body, ui.fonts->body_px, Align::Start, colour::text, true);
}

}  // namespace indgang::kiosk
