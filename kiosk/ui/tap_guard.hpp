// Forgiveness for hurried hands: a tap only acts on the page it was aimed at.
//
// A double tap (measured ≈ 0.15 s between taps in the audit, issue 16) used to land its second
// tap on the next page: "Dansk" on Welcome also pressed a Home button, a service tap also picked
// a day. A press counts only when it began on the page that is showing, at least kGuardMs after
// that page appeared; a press still held while the page changes never acts until it lifts.
#pragma once

#include <cstdint>
#include <string>

namespace indgang::kiosk {

class TapGuard {
public:
    // 350 ms: longer than Android's double-tap window (300 ms, ViewConfiguration) and the 0.15 s
    // measured here, shorter than the ≈ 0.4 s anyone needs to see a new page and aim at it.
    static constexpr uint64_t kGuardMs = 350;

    // Called every frame with the page now showing and whether the pointer is down.
    void frame(const std::string& page, uint64_t ms, bool down) {
        if (page != page_) {
            page_ = page;
            shown_ms_ = ms;
            press_ok_ = false;   // a press in progress belongs to the previous page
        }
        if (down && !was_down_) press_ok_ = ms - shown_ms_ >= kGuardMs;
        was_down_ = down;
    }
    // Whatever a button returned this frame may act (the press that released it was in time and
    // on this page).
    bool accept() const { return press_ok_; }
    // How long a new press would still be ignored (scripts wait this long, as a person would).
    uint64_t left_ms(uint64_t ms) const { return ms - shown_ms_ >= kGuardMs ? 0 : kGuardMs - (ms - shown_ms_); }

private:
    std::string page_;
    uint64_t shown_ms_ = 0;
    bool was_down_ = false;
    bool press_ok_ = false;
};

}  // namespace indgang::kiosk
