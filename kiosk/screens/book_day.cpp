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
    // As many columns as keep every day's label and sublabel whole at their style size (the
    // audit found Kalaallisut and Somali sublabels shrunk to 60 % in portrait's two columns).
    const float cell_max = ui.mm(32), gap = ui.m.gap();
    int cols = ui.m.portrait() ? 2 : 3;
    for (; cols > 1; --cols) {
        const float cell_w = (area.w - gap * (cols - 1)) / cols;
        const float pad = std::min(ui.mm(4), cell_max * 0.12f);
        const float isz = std::min((cell_max - 2 * pad) * 0.8f, ui.mm(18));
        const float text_w = cell_w - 2 * pad - isz - ui.mm(5);
        bool fits = true;
        for (const auto& d : m.days) {
            const float h = ui.text->measure(ui.fonts->bold, ui.fonts->bold_px, d.label, text_w) + ui.mm(1) +
                            ui.text->measure(ui.fonts->body, ui.fonts->body_px, d.sublabel, text_w);
            if (h > cell_max - 2 * pad) { fits = false; break; }
        }
        if (fits) break;
    }
    int first = 0;
    auto cells = paged_grid(ui, area, static_cast<int>(m.days.size()), cols, ui.mm(26), cell_max, m.page, first, out);
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
