// The idle prompt over any screen: a countdown and one big "I'm still here".
#include "screens/screens.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

Intent draw_idle_prompt(Ui& ui, int seconds_left) {
    Intent out;
    const Metrics& m = ui.m;
    ui.reg->begin_frame();   // the screen below cannot be tapped while the prompt is up
    ui.dl->AddRectFilled(ImVec2(0, 0), ImVec2(m.width, m.height), colour::shade);
    Rect card = m.screen().centered(std::min(m.width - 2 * m.margin(), ui.mm(230)), std::min(m.height, ui.mm(115)));
    panel(ui, card, colour::panel, ui.mm(4));
    Rect in = card.inset(ui.mm(8));
    const Fonts& f = *ui.fonts;
    text_block(ui, in.take_top(f.title_px * 1.3f, m.gap()), ui.tr("Are you still there?"), f.title, f.title_px,
               Align::Center);
    text_block(ui, in.take_top(f.body_px * 2.6f, m.gap()),
               ui.text->trn("The screen starts over in {n} second.", "The screen starts over in {n} seconds.",
                            seconds_left),
               f.body, f.bold_px, Align::Center, colour::muted);
    Rect still = in.take_bottom(ui.mm(34)).centered(std::min(in.w, ui.mm(170)), ui.mm(34));
    // A full-screen invisible catcher would swallow taps meant for the button; only the button counts.
    ImGui::SetCursorScreenPos(ImVec2(0, 0));
    if (button(ui, ui.tr("I'm still here"), "still_here", still, Icon::Person, Tone::Primary)) out.act = Act::StillHere;
    return out;
}

}  // namespace indgang::kiosk
