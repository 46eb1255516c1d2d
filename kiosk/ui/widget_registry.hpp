// Every widget drawn this frame, by id and by visible label, so scripts can tap "###book" or
// "Book a time" and expectations can ask what is on screen. Also the read-aloud source.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace indgang::kiosk {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    float cx() const { return x + w / 2; }
    float cy() const { return y + h / 2; }
};

struct WidgetEntry {
    std::string id;          // stable id after "###" (empty for plain text)
    std::string label;       // visible text in logical order (before shaping)
    WidgetRect rect;
    bool button = false;     // tappable
    bool enabled = true;
};

class WidgetRegistry {
public:
    void begin_frame() { entries_.clear(); }
    void add(WidgetEntry e) { entries_.push_back(std::move(e)); }
    const std::vector<WidgetEntry>& entries() const { return entries_; }

    // A tappable widget by id ("###book" or "book") or, failing that, by exact visible label,
    // then by a label containing the text. nullptr when nothing matches.
    const WidgetEntry* find_button(std::string_view target) const;
    // True when any drawn text (label or plain text) contains `text`.
    bool shows_text(std::string_view text) const;
    std::string dump() const;
    // The touch rules: every button at least `min_px` in both directions and at least `gap_px`
    // from every other button. Empty when they hold; otherwise one line per breach.
    std::string touch_target_breaches(float min_px, float gap_px) const;

private:
    std::vector<WidgetEntry> entries_;
};

}  // namespace indgang::kiosk
