// Choosing a service (icon + one plain line on what they help with), for booking and walk-in.
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_service_list(Ui& ui, const ServiceListModel& m) {
    Intent out;
    Rect area = screen_frame(ui, m.title, NavBoth, out);
    if (m.services.empty()) {
        text_block(ui, area.take_top(ui.mm(40)), m.empty_text, ui.fonts->bold, ui.fonts->bold_px, Align::Center,
                   colour::text, true);
        return out;
    }
    const int n = static_cast<int>(m.services.size());
    const int cols = ui.m.portrait() || n <= 3 ? 1 : 2;
    const float max_h = ui.mm(42);
    auto cells = grid(ui.m, area, n, cols, ui.m.gap() * 1.5f, max_h);
    for (int i = 0; i < n; ++i) {
        const auto& s = m.services[i];
        const std::string sub = s.available ? s.description : s.note;
        const std::string id = (m.walk_in ? "walkin_" : "service_") + std::to_string(s.id);
        if (button(ui, s.name, id, cells[i], s.icon, Tone::Normal, s.available, sub)) {
            out.act = m.walk_in ? Act::TakeNumber : Act::PickService;
            out.id = s.id;
        }
    }
    return out;
}

}  // namespace indgang::kiosk
