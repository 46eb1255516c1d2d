// Staff mode: today's list (mark seen / no-show), pause the kiosk, quit.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_staff(Ui& ui, const StaffModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Staff"), NavNone, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    Rect bar = area.take_bottom(ui.mm(22), gap * 2);
    const float bw = (bar.w - 3 * gap) / 4;
    auto slot = [&](int i) { return ui.m.dir(Rect{bar.x + i * (bw + gap), bar.y, bw, bar.h}, bar); };
    if (button(ui, ui.tr("Close staff mode"), "staff_close", slot(0), Icon::Back, Tone::Primary)) out.act = Act::StaffClose;
    if (m.paused) {
        if (button(ui, ui.tr("Resume the kiosk"), "staff_resume", slot(1), Icon::Check)) out.act = Act::StaffResume;
    } else if (button(ui, ui.tr("Pause (back soon)"), "staff_pause", slot(1), Icon::Pause)) {
        out.act = Act::StaffPause;
    }
    if (button(ui, ui.tr("Quit the kiosk"), "staff_quit", slot(3), Icon::Cross, Tone::Warn)) out.act = Act::StaffQuit;

    text_block(ui, area.take_top(f.body_px * 1.4f, gap), m.date_line + (m.message.empty() ? "" : "  ·  " + m.message),
               f.body, f.body_px, Align::Start, colour::muted);
    if (m.rows.empty()) {
        text_block(ui, area, ui.tr("Nothing booked today."), f.body, f.body_px);
        return out;
    }
    const float row_h = ui.mm(16);
    const float action_w = ui.mm(58);   // room for "No-show" beside its icon at full size
    for (const auto& r : m.rows) {
        if (area.h < row_h) break;
        Rect row = area.take_top(row_h, ui.mm(2.5f));
        panel(ui, row, colour::panel, ui.mm(2));
        const std::string key = (r.walk_in ? "w" : "b") + std::to_string(r.id);
        Rect no_show = ui.m.dir(row.take_right(action_w, gap), area);
        Rect seen = ui.m.dir(row.take_right(action_w, gap), area);
        if (button(ui, ui.tr("Seen"), "seen_" + key, seen, Icon::Check, Tone::Normal, r.can_seen))
            out = {r.walk_in ? Act::StaffWalkInSeen : Act::StaffMarkSeen, r.id, {}};
        if (button(ui, r.walk_in ? ui.tr("Left") : ui.tr("No-show"), "noshow_" + key, no_show, Icon::Cross,
                   Tone::Normal, r.can_no_show))
            out = {r.walk_in ? Act::StaffWalkInLeft : Act::StaffMarkNoShow, r.id, {}};
        Rect text = ui.m.dir(row.inset(ui.mm(2)), area);
        const float tw = ui.mm(24);
        Rect time = ui.m.dir(Rect{text.x, text.y, tw, text.h}, text);
        text_block(ui, time, r.time, f.bold, f.body_px, Align::Start, colour::text, true);
        Rect rest = ui.m.dir(Rect{text.x + tw, text.y, text.w - tw, text.h}, text);
        text_block(ui, rest, r.who + " · " + r.what + " · " + r.status, f.body, f.body_px, Align::Start, colour::text, true);
    }
    return out;
}

}  // namespace indgang::kiosk
