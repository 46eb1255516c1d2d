// Booking, step 2: which day (only days that still have a free time).
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_book_day(Ui& ui, const BookDayModel& m) {
    Intent out;
    Rect area = screen_frame(ui, ui.tr("Which day?"), NavBoth, out);
    text_block(ui, area.take_top(ui.fonts->body_px * 1.4f, ui.m.gap()), m.service, ui.fonts->body,
               ui.fonts->body_px, Align::Center, colour::muted);
    if (m.days.empty()) {
        text_block(ui, area.take_top(ui.mm(40)), ui.tr("There are no free times in the next two weeks. Please ask the staff."),
                   ui.fonts->bold, ui.fonts->bold_px, Align::Center, colour::text, true);
        return out;
    }
    const int cols = ui.m.portrait() ? 2 : 3;
    int first = 0;
    auto cells = paged_grid(ui, area, static_cast<int>(m.days.size()), cols, ui.mm(26), ui.mm(32), m.page, first, out);
    for (size_t i = 0; i < cells.size(); ++i) {
        const auto& d = m.days[first + i];
        if (button(ui, d.label, d.id, cells[i], Icon::Calendar, Tone::Normal, true,
                   d.sublabel)) {
            out.act = Act::PickDay;
            out.id = static_cast<Id>(first + i);
        }
    }
    return out;
}

}  // namespace indgang::kiosk
