// Welcome: the first question is the visitor's language, each name written in itself.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_welcome(Ui& ui, const WelcomeModel& m) {
    Intent out;
    Rect area = screen_frame(ui, m.site_name, NavNone, out);
    const Fonts& f = *ui.fonts;
    Rect head = area.take_top(f.title_px * 1.3f, ui.mm(2));
    text_block(ui, head, ui.tr("Welcome"), f.title, f.title_px, Align::Center);
    Rect ask = area.take_top(f.bold_px * 1.4f, ui.m.gap() * 2);
    text_block(ui, ask, ui.tr("Choose your language"), f.body, f.bold_px, Align::Center, colour::muted);

    const int n = static_cast<int>(m.languages.size());
    const int cols = ui.m.portrait() ? 2 : (n > 8 ? 4 : 3);
    const int rows = (n + cols - 1) / cols;
    const float cell_h = std::min(ui.mm(30), (area.h - ui.m.gap() * (rows - 1)) / std::max(rows, 1));
    Rect grid_area = area.centered(std::min(area.w, ui.mm(cols * 110.0f)), cell_h * rows + ui.m.gap() * (rows - 1));
    auto cells = grid(ui.m, grid_area, n, cols, ui.m.gap(), cell_h);
    for (int i = 0; i < n; ++i) {
        const auto& l = m.languages[i];
        if (button(ui, l.native_name, "lang_" + l.code, cells[i], Icon::None,
                   l.code == m.current ? Tone::Selected : Tone::Normal)) {
            out.act = Act::SetLanguage;
            out.text = l.code;
        }
    }
    return out;
}

}  // namespace indgang::kiosk
