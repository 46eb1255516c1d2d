// Booking, step 3: which time. Only free times are shown; taken ones are simply not there.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_book_time(Ui& ui, const BookTimeModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("What time?"), NavBoth, out);
    text_block(ui, area.take_top(ui.fonts->body_px * 1.4f, ui.m.gap()), m.service + " · " + m.day, ui.fonts->body,
               ui.fonts->body_px, Align::Center, colour::muted);
    if (!m.notice.empty()) {
        Rect n = area.take_top(ui.mm(18), ui.m.gap());
        panel(ui, n, colour::warn_bg, ui.mm(3));
        Rect inner = n.inset(ui.mm(3));
        Rect icon = ui.m.dir(inner.take_left(ui.mm(12), ui.mm(3)), n.inset(ui.mm(3)));
        draw_icon(ui.dl, Icon::Warning, ImVec2(icon.x + icon.w / 2, icon.y + icon.h / 2), ui.mm(10), colour::warn);
        text_block(ui, ui.m.dir(inner, n.inset(ui.mm(3))), m.notice, ui.fonts->bold, ui.fonts->body_px, Align::Start,
                   colour::text, true);
    }
    if (m.times.empty()) {
        text_block(ui, area.take_top(ui.mm(40)), ui.tr("No free times left this day. Please go back and choose another day."),
                   ui.fonts->bold, ui.fonts->bold_px, Align::Center, colour::text, true);
        return out;
    }
    const int cols = ui.m.portrait() ? 3 : 5;
    int first = 0;
    auto cells = paged_grid(ui, area, static_cast<int>(m.times.size()), cols, ui.mm(24), ui.mm(30), m.page, first, out);
    for (size_t i = 0; i < cells.size(); ++i) {
        const auto& t = m.times[first + i];
        if (button(ui, t.time, t.id, cells[i], Icon::None, Tone::Normal, true, t.caseworker)) {
            out.act = Act::PickSlot;
            out.id = static_cast<Id>(first + i);
        }
    }
    return out;
}

}  // namespace indgang::kiosk
