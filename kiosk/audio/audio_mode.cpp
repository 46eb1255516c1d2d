#include "audio/audio_mode.hpp"

#include <SDL_keycode.h>

#include <algorithm>

namespace indgang::kiosk {

AudioKey audio_key(int k, bool shift) {
    switch (k) {
    // Numeric keypad (NumLock either way) and the arrows / Tab of a keyboard.
    case SDLK_TAB: return shift ? AudioKey::Previous : AudioKey::Next;
    case SDLK_DOWN: case SDLK_RIGHT: case SDLK_KP_2: case SDLK_KP_6: return AudioKey::Next;
    case SDLK_UP: case SDLK_LEFT: case SDLK_KP_8: case SDLK_KP_4: return AudioKey::Previous;
    case SDLK_RETURN: case SDLK_KP_ENTER: case SDLK_KP_5: case SDLK_SPACE: return AudioKey::Activate;
    case SDLK_0: case SDLK_KP_0: case SDLK_r: return AudioKey::Repeat;
    case SDLK_h: case SDLK_KP_DIVIDE: case SDLK_F1: case SDLK_QUESTION: return AudioKey::Help;
    case SDLK_PLUS: case SDLK_KP_PLUS: case SDLK_EQUALS: return AudioKey::Louder;
    case SDLK_MINUS: case SDLK_KP_MINUS: return AudioKey::Softer;
    case SDLK_ASTERISK: case SDLK_KP_MULTIPLY: case SDLK_b: return AudioKey::HideScreen;
    default: return AudioKey::None;
    }
}

std::vector<AudioMode::Step> AudioMode::frame(const std::vector<AudioKey>& keys,
                                              const std::vector<std::string>& buttons, const std::string& page) {
    std::vector<Step> out;
    if (page != page_) {
        // A new page: nothing focused yet; a visitor in audio mode hears what it is about.
        page_ = page;
        focus_.clear();
        if (on_) out.push_back({Step::ReadPage, {}});
    }
    for (AudioKey k : keys) {
        if (k == AudioKey::None) continue;
        if (!on_) {
            // The first key of a visitor who cannot see: audio mode on, how it works, the page.
            on_ = true;
            out.push_back({Step::ReadHelp, {}});
            out.push_back({Step::ReadPage, {}});
            continue;
        }
        const auto at = std::find(buttons.begin(), buttons.end(), focus_);
        switch (k) {
        case AudioKey::Next:
        case AudioKey::Previous: {
            if (buttons.empty()) break;
            const long n = static_cast<long>(buttons.size());
            long i = at == buttons.end() ? (k == AudioKey::Next ? -1 : n) : at - buttons.begin();
            i = ((k == AudioKey::Next ? i + 1 : i - 1) % n + n) % n;   // round and round
            focus_ = buttons[static_cast<size_t>(i)];
            out.push_back({Step::ReadFocus, focus_});
            break;
        }
        case AudioKey::Activate:
            if (at != buttons.end()) out.push_back({Step::Activate, focus_});
            else out.push_back({Step::ReadHelp, {}});
            break;
        case AudioKey::Repeat:
            if (at != buttons.end()) out.push_back({Step::ReadFocus, focus_});
            else out.push_back({Step::ReadPage, {}});
            break;
        case AudioKey::Help: out.push_back({Step::ReadHelp, {}}); break;
        case AudioKey::Louder:
        case AudioKey::Softer:
            volume_steps_ = std::clamp(volume_steps_ + (k == AudioKey::Louder ? 1 : -1), -4, 4);
            out.push_back(at != buttons.end() ? Step{Step::ReadFocus, focus_} : Step{Step::ReadPage, {}});
            break;
        case AudioKey::HideScreen: hidden_ = !hidden_; break;
        case AudioKey::None: break;
        }
    }
    return out;
}

int AudioMode::volume(int base) const { return std::clamp(base + volume_steps_ * 15, 10, 100); }

}  // namespace indgang::kiosk
