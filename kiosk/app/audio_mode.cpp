// Audio mode in the app (issue 16): keys from FrameInput go to AudioMode (audio/audio_mode.cpp),
// whose steps are carried out here: read the page or the focused button, read the help, choose
// the button (it acts next frame as if tapped, ui.activate), draw the focus ring, hide the screen.
#include "app/kiosk_app.hpp"

#include "core/text/speech.hpp"
#include "ui/widgets.hpp"

namespace indgang::kiosk {

namespace {
// Icon-only buttons have no words on screen; in audio mode they need some.
const char* spoken_name(const TextDraw& t, const WidgetEntry& e) {
    if (e.id == "key_back") return t.tr("Delete");
    if (e.id == "key_space") return t.tr("Space");
    if (e.id == "key_shift") return t.tr("Capital letter");
    return nullptr;
}
}  // namespace

void KioskApp::audio_mode_frame(Ui& ui, const FrameInput& in) {
    std::vector<AudioKey> keys;
    for (const auto& k : in.keys) keys.push_back(audio_key(k.code, k.shift));
    const bool plugged = in.headphones && !audio_.on();   // headphones: on, with the help and the page
    if (plugged) audio_.turn_on();
    std::vector<std::string> buttons;   // reading order: the order the screen drew them
    for (const auto& e : ui.reg->entries())
        if (e.button && e.enabled && e.id != "speak") buttons.push_back(e.id);
    auto steps = audio_.frame(keys, buttons, page_key());
    if (plugged) steps.insert(steps.begin(), {{AudioMode::Step::ReadHelp, {}}, {AudioMode::Step::ReadPage, {}}});
    if (!audio_.on()) return;

    const auto* l = text_->find_language(visitor_.language);
    const bool voice = l && read_aloud_offered();
    const int volume = audio_.volume(volume_ > 0 ? volume_ : 80);
    // Steps of one frame make one reading: help then the page after a visitor's first key.
    std::vector<ReadAloud::Part> reading;
    for (const auto& st : steps) {
        switch (st.what) {
        case AudioMode::Step::Activate: audio_activate_ = st.id; break;
        case AudioMode::Step::ReadPage: {
            if (!voice) break;
            std::vector<ReadAloudPiece> pieces;
            for (const auto& e : ui.reg->entries()) pieces.push_back({e.id, e.label});
            for (auto& p : read_aloud_parts(pieces, *l, text_->languages())) reading.push_back(std::move(p));
            break;
        }
        case AudioMode::Step::ReadFocus: {
            reading.clear();   // the newest key wins
            if (st.id.rfind("lang_", 0) == 0) {   // Welcome: the name in its own voice
                reading = read_aloud_parts({{st.id, ""}}, *l, text_->languages());
                break;
            }
            if (!voice) break;
            std::vector<ReadAloudPiece> pieces;
            const auto& es = ui.reg->entries();
            for (size_t i = 0; i < es.size(); ++i) {
                if (es[i].id != st.id || !es[i].button) continue;
                const char* name = spoken_name(*text_, es[i]);
                // Keys are read as their letter (read_aloud_text skips key_ ids on a whole page).
                pieces.push_back({es[i].id.rfind("key_", 0) == 0 ? "" : es[i].id, name ? name : es[i].label});
                // A button's sublabel ("3 free times") is a text entry over the same rectangle.
                if (i + 1 < es.size() && !es[i + 1].button && es[i + 1].id.empty() && es[i + 1].rect.x == es[i].rect.x &&
                    es[i + 1].rect.y == es[i].rect.y)
                    pieces.push_back({"", es[i + 1].label});
                break;
            }
            const std::string t = read_aloud_text(pieces);
            if (!t.empty()) reading.push_back({st.id, text::spoken_form(t, l->code), l->voice, l->code});
            break;
        }
        case AudioMode::Step::ReadHelp:
            if (!voice) break;
            reading.push_back({"", text::spoken_form(text_->tr("Audio mode. Tab or the arrow keys go to the next button, "
                                                               "Enter chooses it, 0 says it again, H is help. Plus and "
                                                               "minus change the volume. Star hides the screen."),
                                                     l->code),
                               l->voice, l->code});
            break;
        }
    }
    if (!reading.empty()) speech_->speak(reading, volume);
    if (focus_ring(ui, audio_.focus())) ui.reg->set_focus(audio_.focus());
    if (audio_.screen_hidden()) {
        // Privacy: nothing of the screen shows; the keys and the speech go on.
        ui.dl->AddRectFilled(ImVec2(0, 0), ImVec2(ui.m.width, ui.m.height), IM_COL32(0, 0, 0, 255));
        const char* msg = text_->tr("The screen is hidden. Press the star key to show it.");
        ui.text->paragraph(ui.dl, ui.fonts->body, ui.fonts->body_px, ui.m.screen().inset(ui.mm(20)), msg, Align::Center,
                           IM_COL32(200, 200, 200, 255), true);
        ui.reg->add({"screen_hidden", msg, {0, 0, 0, 0}, false, true});
    }
}

}  // namespace indgang::kiosk
