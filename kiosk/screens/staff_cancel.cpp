// Staff mode, "cancel today": a caseworker called in sick. Pick the session, confirm (it cannot
// be undone here; the staff window restores dates), then the visitors to tell.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_staff_cancel(Ui& ui, const StaffCancelModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Cancel today"), NavBack, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    if (!m.message.empty())
        text_block(ui, area.take_top(f.body_px * 1.4f, gap), m.message, f.bold, f.body_px, Align::Start, colour::warn);
    if (m.done) {
        text_block(ui, area.take_top(f.body_px * 1.5f, gap),
                   m.tell.empty() ? ui.tr("Cancelled. Nobody was booked.") : ui.tr("Cancelled. Please tell these visitors:"),
                   f.bold, f.body_px);
        for (const auto& line : m.tell) {
            if (area.h < f.body_px * 1.4f) break;
            text_block(ui, area.take_top(f.body_px * 1.4f, ui.mm(1)), line, f.body, f.body_px);
        }
        return out;
    }
    if (m.confirm_id) {
        text_block(ui, area.take_top(f.body_px * 3.2f, gap * 2), m.confirm, f.bold, f.body_px);
        Rect actions = area.take_top(ui.mm(22), gap);
        const float bw = std::min(actions.w / 2 - gap, ui.mm(110));
        Rect no = ui.m.dir(Rect{actions.x, actions.y, bw, actions.h}, actions);
        Rect yes = ui.m.dir(Rect{actions.x + bw + gap * 2, actions.y, bw, actions.h}, actions);
        if (button(ui, ui.tr("No, keep it"), "cancel_no", no, Icon::Back, Tone::Quiet)) out = {Act::StaffCancelPick, 0, {}};
        if (button(ui, ui.tr("Yes, cancel today"), "cancel_yes", yes, Icon::Cross, Tone::Warn))
            out = {Act::StaffCancelConfirm, m.confirm_id, {}};
        return out;
    }
    text_block(ui, area.take_top(f.body_px * 1.4f, gap), ui.tr("Who cannot come today?"), f.body, f.body_px,
               Align::Start, colour::muted);
    if (m.sessions.empty()) {
        text_block(ui, area, ui.tr("No caseworker is here today."), f.body, f.body_px);
        return out;
    }
    const float row_h = ui.mm(18);
    const float action_w = std::clamp(area.w * 0.25f, ui.mm(40), ui.mm(80));
    for (const auto& s : m.sessions) {
        if (area.h < row_h) break;
        Rect row = area.take_top(row_h, ui.mm(2.5f));
        panel(ui, row, colour::panel, ui.mm(2));
        Rect b = ui.m.dir(row.take_right(action_w, gap), area);
        if (button(ui, ui.tr("Cancel today"), "cancel_" + std::to_string(s.id), b, Icon::Cross, Tone::Normal, !s.cancelled))
            out = {Act::StaffCancelPick, s.id, {}};
        text_block(ui, ui.m.dir(row.inset(ui.mm(3)), area), s.time + "  " + s.what, f.body, f.body_px, Align::Start,
                   colour::text, true);
    }
    return out;
}

}  // namespace indgang::kiosk
