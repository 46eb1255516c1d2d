// The speaker button: the same square on every visitor screen, at the end of the top bar
// (top right, top left in right-to-left languages), opposite Back. Icon only: it is for people
// who may not read the word "listen".
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Rect read_aloud_rect(const Ui& ui) {
    // The top bar as screen_frame lays it out: inside the margin, 22 mm high. Below the hidden
    // staff corner (9 mm), so the two never overlap.
    const Rect area = ui.m.screen().inset(ui.m.margin());
    const float side = ui.mm(22);
    Rect r{area.right() - side, area.y, side, side};
    return ui.m.dir(r, area);
}

Intent draw_read_aloud_button(Ui& ui, bool playing) {
    Intent out;
    if (button(ui, "", "speak", read_aloud_rect(ui), Icon::Speaker, playing ? Tone::Selected : Tone::Quiet))
        out.act = Act::ReadAloud;
    return out;
}

}  // namespace indgang::kiosk
