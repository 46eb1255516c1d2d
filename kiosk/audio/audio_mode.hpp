// Audio mode for visitors who cannot see the screen (EN 301 549 clause 5.1; the EZ Access and
// VotingWorks VxSuite pattern): a USB numeric keypad or keyboard moves a focus ring through the
// page's buttons in reading order, each is spoken, Enter chooses it, 0 repeats, H (or /) is help,
// + and - change the speech volume, * hides the screen from passers-by.
//
// This is the rule only (no SDL, no ImGui, no speech): the app feeds it the keys of a frame and
// the buttons on the page and carries out the steps it returns (app/audio_mode.cpp). reset() is
// the idle reset: off again unless the staff setting keeps it on, volume and screen back.
#pragma once

#include <string>
#include <vector>

namespace indgang::kiosk {

enum class AudioKey { None, Next, Previous, Activate, Repeat, Help, Louder, Softer, HideScreen };

// The key a visitor pressed (an SDL keycode) in audio mode's terms; None for other keys.
AudioKey audio_key(int sdl_keycode, bool shift);

class AudioMode {
public:
    struct Step {
        enum What { ReadPage, ReadFocus, ReadHelp, Activate } what = ReadPage;
        std::string id;   // the button (ReadFocus, Activate)
    };

    // The staff setting kiosk.audio_mode: on for every visitor.
    void set_setting(bool on) {
        setting_ = on;
        if (on) on_ = true;
    }
    // Headphones plugged in (or a first key press): on until the idle reset.
    void turn_on() { on_ = true; }
    bool on() const { return on_; }

    // One frame: the keys pressed, the enabled buttons in reading order, the page showing.
    std::vector<Step> frame(const std::vector<AudioKey>& keys, const std::vector<std::string>& buttons,
                            const std::string& page);

    const std::string& focus() const { return focus_; }
    bool screen_hidden() const { return on_ && hidden_; }
    // The speech volume for a base (staff) volume: ±15 per step of + / -, 10..100.
    int volume(int base) const;
    int volume_steps() const { return volume_steps_; }

    // The idle reset: the next visitor starts with the staff's choice, full screen, base volume.
    void reset() {
        const bool setting = setting_;
        *this = AudioMode{};
        set_setting(setting);
    }

private:
    bool setting_ = false;
    bool on_ = false;
    bool hidden_ = false;
    int volume_steps_ = 0;
    std::string focus_;
    std::string page_;
};

}  // namespace indgang::kiosk
