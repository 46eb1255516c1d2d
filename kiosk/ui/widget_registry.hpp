// Every widget drawn this frame, by id and by visible label, so scripts can tap "###book" or
// "Book a time" and expectations can ask what is on screen. Also the read-aloud source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace indgang::kiosk {

struct WidgetRect {
    float x = 0, y = 0, w = 0, h = 0;
    float cx() const { return x + w / 2; }
    float cy() const { return y + h / 2; }
};

struct WidgetEntry {
    WidgetEntry() = default;
    WidgetEntry(std::string id_, std::string label_, WidgetRect rect_, bool button_ = false, bool enabled_ = true)
        : id(std::move(id_)), label(std::move(label_)), rect(rect_), button(button_), enabled(enabled_) {}
    std::string id;          // stable id after "###" (empty for plain text)
    std::string label;       // visible text in logical order (before shaping)
    WidgetRect rect;
    bool button = false;     // tappable
    bool enabled = true;
    // What the layout audit needs (tests/kiosk/layout_audit_test.cpp), for text actually drawn:
    float style_px = 0;      // the size the style asks for (0: no text drawn)
    float drawn_px = 0;      // the size it was drawn at (smaller when it had to shrink to fit)
    WidgetRect ink;          // the box the drawn lines cover
    unsigned fg = 0;         // its colour, 0xRRGGBB
    const char* role = "";   // "title", "label", "sublabel", "text"
};

class WidgetRegistry {
public:
    void begin_frame() { entries_.clear(); reading_.clear(); focus_.clear(); }
    // Audio mode: the button the keys have reached; shown by dump() ("focus ###id").
    void set_focus(std::string id) { focus_ = std::move(id); }
    const std::string& focus() const { return focus_; }
    // The widget read aloud now (its id), highlighted on screen; shown by dump() for scripts.
    void set_reading(std::string id) { reading_ = std::move(id); }
    const std::string& reading() const { return reading_; }
    void add(WidgetEntry e) { entries_.push_back(std::move(e)); }
    // Records on entry `index` what TextDraw::paragraph just drew (see WidgetEntry).
    void set_drawn_role(size_t index, const char* role) {
        if (index < entries_.size()) entries_[index].role = role;
    }
    void set_drawn(size_t index, const char* role, float style_px, float drawn_px, WidgetRect ink, unsigned fg_rgb);
    const std::vector<WidgetEntry>& entries() const { return entries_; }

    // A tappable widget by id ("###book" or "book") or, failing that, by exact visible label,
    // then by a label containing the text. nullptr when nothing matches.
    const WidgetEntry* find_button(std::string_view target) const;
    // True when any drawn text (label or plain text) contains `text`.
    bool shows_text(std::string_view text) const;
    // One line per widget; drawn text adds " |px STYLE DRAWN |ink X Y W H |fg RRGGBB |role R",
    // which the layout audit parses.
    std::string dump() const;
    // The touch rules: every button at least `min_px` in both directions and at least `gap_px`
    // from every other button. Empty when they hold; otherwise one line per breach.
    std::string touch_target_breaches(float min_px, float gap_px) const;

private:
    std::vector<WidgetEntry> entries_;
    std::string reading_;
    std::string focus_;
};

}  // namespace indgang::kiosk
