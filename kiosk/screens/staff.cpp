// Staff mode: today's list (seen / no-show / undo), the walk-in queue (call the next), the
// printer's state, pause, cancel today, the full staff window, quit. Sizes follow the visitor
// screens' touch rules (≥ 12 mm targets, ≥ 2 mm apart): staff use the same glass.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

#include <algorithm>

namespace indgang::kiosk {

Intent draw_staff(Ui& ui, const StaffModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Staff"), NavNone, out);
    const Fonts& f = *ui.fonts;
    const float gap = ui.m.gap();
    // Five actions in two rows of three: in one row of five the longer labels ("Pause (back
    // soon)", "Close staff mode" in Danish) were shrunk below the body size.
    const float bar_row_h = ui.mm(18);
    Rect bar = area.take_bottom(bar_row_h * 2 + gap, gap * 2);
    constexpr int kColumns = 3;
    const float bw = (bar.w - (kColumns - 1) * gap) / kColumns;
    auto slot = [&](int i) {
        const int col = i % kColumns, row = i / kColumns;
        return ui.m.dir(Rect{bar.x + col * (bw + gap), bar.y + row * (bar_row_h + gap), bw, bar_row_h}, bar);
    };
    if (button(ui, ui.tr("Close staff mode"), "staff_close", slot(0), Icon::Back, Tone::Primary)) out.act = Act::StaffClose;
    if (m.paused) {
        if (button(ui, ui.tr("Resume the kiosk"), "staff_resume", slot(1), Icon::Check)) out.act = Act::StaffResume;
    } else if (button(ui, ui.tr("Pause (back soon)"), "staff_pause", slot(1), Icon::Pause)) {
        out.act = Act::StaffPause;
    }
    if (button(ui, ui.tr("Cancel today"), "staff_cancel", slot(2), Icon::Calendar)) out.act = Act::StaffGoCancel;
    if (button(ui, ui.tr("Staff window"), "staff_window", slot(3), Icon::List)) out.act = Act::StaffWindow;
    if (button(ui, ui.tr("Quit the kiosk"), "staff_quit", slot(4), Icon::Cross, Tone::Warn)) out.act = Act::StaffQuit;

    Rect info = area.take_top(f.body_px * 1.4f, gap);
    const float pw = std::min(info.w * 0.45f, ui.mm(150));
    Rect printer = ui.m.dir(info.take_right(pw, gap), area);
    text_block(ui, printer, m.printer, m.printer_ok ? f.body : f.bold, f.body_px, Align::End,
               m.printer_ok ? colour::muted : colour::warn);
    text_block(ui, ui.m.dir(info, area), m.date_line + (m.message.empty() ? "" : "  ·  " + m.message), f.body,
               f.body_px, Align::Start, colour::muted);

    if (m.call_next_id) {
        Rect next = area.take_top(ui.mm(18), gap);
        Rect b = ui.m.dir(Rect{next.x, next.y, std::min(next.w, ui.mm(130)), next.h}, next);
        if (button(ui, m.call_next, "call_next", b, Icon::Ticket, Tone::Primary)) out = {Act::StaffCallNext, m.call_next_id, {}};
    }
    if (m.rows.empty()) {
        text_block(ui, area, ui.tr("Nothing booked today."), f.body, f.body_px);
        return out;
    }
    const float row_h = ui.mm(16);
    int first = 0;
    const auto cells = paged_grid(ui, area, static_cast<int>(m.rows.size()), 1, row_h, row_h, m.page, first, out);
    // Three actions beside each row, as wide as "No-show" with its icon needs, narrower on a
    // portrait screen but never under the 12 mm minimum.
    const float action_w = std::clamp(area.w * 0.16f, ui.mm(24), ui.mm(52));
    for (size_t i = 0; i < cells.size(); ++i) {
        const StaffRow& r = m.rows[static_cast<size_t>(first) + i];
        Rect row = cells[i];
        panel(ui, row, colour::panel, ui.mm(2));
        const std::string key = (r.walk_in ? "w" : "b") + std::to_string(r.id);
        Rect undo = ui.m.dir(row.take_right(action_w, gap), area);
        Rect no_show = ui.m.dir(row.take_right(action_w, gap), area);
        Rect seen = ui.m.dir(row.take_right(action_w, gap), area);
        if (button(ui, ui.tr("Seen"), "seen_" + key, seen, Icon::Check, Tone::Normal, r.can_seen))
            out = {r.walk_in ? Act::StaffWalkInSeen : Act::StaffMarkSeen, r.id, {}};
        if (button(ui, r.walk_in ? ui.tr("Left") : ui.tr("No-show"), "noshow_" + key, no_show, Icon::Cross,
                   Tone::Normal, r.can_no_show))
            out = {r.walk_in ? Act::StaffWalkInLeft : Act::StaffMarkNoShow, r.id, {}};
        if (button(ui, ui.tr("Undo"), "undo_" + key, undo, Icon::Back, Tone::Quiet, r.can_undo))
            out = {r.walk_in ? Act::StaffWalkInUndo : Act::StaffUndo, r.id, {}};
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
