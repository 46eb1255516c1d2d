// Home: four big actions and "Here today" (who comes today, when, and who is here now).
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

namespace {

void here_today(Ui& ui, Rect r, const HomeModel& m) {
    const Fonts& f = *ui.fonts;
    panel(ui, r, colour::panel, ui.mm(3));
    r = r.inset(ui.mm(5));
    text_block(ui, r.take_top(f.bold_px * 1.3f, ui.mm(1)), ui.tr("Here today"), f.bold, f.bold_px);
    text_block(ui, r.take_top(f.body_px * 1.3f, ui.mm(4)), m.date_line, f.body, f.body_px, Align::Start, colour::muted);
    if (m.today.empty()) {
        text_block(ui, r, ui.tr("No caseworkers today."), f.body, f.body_px, Align::Start, colour::muted);
        return;
    }
    const float row_h = f.body_px * 2.6f;
    for (const auto& t : m.today) {
        if (r.h < row_h) break;
        Rect row = r.take_top(row_h, ui.mm(2));
        const Rect full = row;
        Rect icon = ui.m.dir(row.take_left(ui.mm(12), ui.mm(3)), full);
        row = ui.m.dir(row, full);
        draw_icon(ui.dl, t.icon, ImVec2(icon.x + icon.w / 2, icon.y + row_h * 0.32f), ui.mm(9), colour::primary, ui.rtl());
        Rect line1 = row.take_top(row_h / 2);
        text_block(ui, line1, t.service + " · " + t.caseworker, f.bold, f.body_px);
        std::string second = t.hours;
        if (t.here_now) second += "  ·  " + std::string(ui.tr("Here now"));
        text_block(ui, row, second, f.body, f.body_px, Align::Start, t.here_now ? colour::good : colour::muted);
    }
}

}  // namespace

Intent draw_home(Ui& ui, const HomeModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("What would you like to do?"), NavBack, out);
    const bool portrait = ui.m.portrait();
    Rect actions = area, side = area;
    if (portrait) {
        actions = area.take_top(area.h * 0.62f, ui.m.gap() * 1.5f);
        side = area;
    } else {
        side = ui.m.dir(area.take_right(area.w * 0.33f, ui.m.gap() * 2), ui.m.screen().inset(ui.m.margin()));
        actions = ui.m.dir(area, ui.m.screen().inset(ui.m.margin()));
    }
    auto cells = grid(ui.m, actions, 4, 2, ui.m.gap() * 1.5f);
    if (button(ui, ui.tr("Book a time"), "book", cells[0], Icon::Calendar, Tone::Primary, true,
               ui.tr("with a caseworker")))
        out.act = Act::GoBook;
    if (button(ui, ui.tr("Check in"), "checkin", cells[1], Icon::CheckIn, Tone::Primary, true,
               ui.tr("I have a time today")))
        out.act = Act::GoCheckIn;
    // Only while a caseworker is still to come or here: otherwise the button says why not.
    if (button(ui, ui.tr("Take a number"), "walkin", cells[2], Icon::Ticket, Tone::Normal, m.walkin_open,
               m.walkin_open ? ui.tr("no appointment") : m.walkin_note.c_str()))
        out.act = Act::GoWalkIn;
    if (button(ui, ui.tr("Tell us how it went"), "feedback", cells[3], Icon::Feedback, Tone::Normal,
               m.feedback_enabled, ui.tr("anonymous")))
        out.act = Act::GoFeedback;
    here_today(ui, side, m);
    return out;
}

}  // namespace indgang::kiosk
