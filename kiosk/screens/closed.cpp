// Closed: outside the opening hours. Calm, one line about when it opens again; dark when nobody
// is near (a lit white screen in an empty room at night), bright again on a touch.
#include "screens/screens.hpp"
#include "ui/fast_fill.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

namespace {
constexpr ImU32 kDimBackground = IM_COL32(14, 18, 22, 255);
constexpr ImU32 kDimText = IM_COL32(120, 128, 134, 255);
}  // namespace

Intent draw_closed(Ui& ui, const ClosedModel& m) {
    Intent out;
    if (m.dimmed) fill_rounded(ui.dl, ImVec2(0, 0), ImVec2(ui.m.width, ui.m.height), kDimBackground, 0);
    Rect area = screen_frame(ui, "", NavNone, out);
    const Fonts& f = *ui.fonts;
    const ImU32 title = m.dimmed ? kDimText : colour::text;
    const ImU32 body = m.dimmed ? kDimText : colour::muted;
    Rect card = area.centered(std::min(area.w, ui.mm(280)), ui.mm(110));
    draw_icon(ui.dl, Icon::Clock, ImVec2(card.x + card.w / 2, card.y + ui.mm(12)), ui.mm(22),
              m.dimmed ? kDimText : colour::primary);
    card.take_top(ui.mm(30));
    text_block(ui, card.take_top(f.title_px * 1.4f, ui.mm(4)), ui.tr("Closed"), f.title, f.title_px, Align::Center,
               title);
    if (!m.reopens.empty())
        text_block(ui, card.take_top(f.bold_px * 2.8f, ui.mm(4)), m.reopens, f.bold, f.bold_px, Align::Center, body);
    if (!m.site_name.empty()) text_block(ui, card, m.site_name, f.body, f.body_px * 0.8f, Align::Center, body);
    return out;
}

}  // namespace indgang::kiosk
