// Touch widgets: big buttons with an icon beside their words, the screen frame (Back, Home,
// title), plain text, the code keypad and the on-screen keyboard. Every widget registers its
// rectangle, id and visible label for scripts and read-aloud.
#pragma once

#include "screens/intent.hpp"
#include "ui/icons.hpp"
#include "ui/ui_context.hpp"

#include <string_view>

namespace indgang::text { struct KeyboardLayout; }

namespace indgang::kiosk {

enum class Tone { Normal, Primary, Quiet, Warn, Selected, Key };

// `id` is the stable id ("book"); `label` the visible (translated) text. Returns true on a tap.
bool button(Ui& ui, std::string_view label, std::string_view id, const Rect& r, Icon icon = Icon::None,
            Tone tone = Tone::Normal, bool enabled = true, std::string_view sublabel = {});

// A card or field background: rounded fill, optionally with a border of `thickness`.
void panel(Ui& ui, const Rect& r, ImU32 fill, float rounding, ImU32 border = 0, float thickness = 0);

// Plain text: wrapped, aligned, registered as on-screen text.
float text_block(Ui& ui, const Rect& r, std::string_view s, ImFont* font, float size,
                 Align align = Align::Start, ImU32 col = colour::text, bool vcenter = false);

enum Nav : unsigned { NavNone = 0, NavBack = 1, NavHome = 2, NavBoth = 3 };

// Background, the top bar (Back and Home on the start side, the title) and the content area
// below it. Taps on Back/Home become the intent in `out`.
Rect screen_frame(Ui& ui, std::string_view title, unsigned nav, Intent& out);

// The one big Done at the bottom of a screen that ends a task (receipt, ticket, thanks), with a
// line above it saying where it leads: the visitor should not be surprised by Welcome.
// reserve_done() takes the band from the bottom of `area` first; done_button() draws it last, so
// read-aloud (registry order) reads the screen's content before it. True on a tap.
Rect reserve_done(Ui& ui, Rect& area);
bool done_button(Ui& ui, Rect band);

// A numeric keypad: digits in phone order, backspace and (optionally) OK. Never mirrored:
// keypads look the same in every country.
Intent keypad(Ui& ui, const Rect& r, bool ok_enabled, std::string_view ok_label);

// Letter keyboard for the visitor's script with space and backspace; Shift when the script
// has case. `shift` shows capital letters. Never mirrored: keys sit where they sit on the
// language's own keyboard (Arabic ض top left), as keypads keep phone order.
Intent keyboard(Ui& ui, const Rect& r, const text::KeyboardLayout& layout, bool shift);

// The big code shown on the receipt and in check-in: digits spaced for reading aloud.
void code_display(Ui& ui, const Rect& r, std::string_view code, int length, ImU32 col = colour::text);

// A grid of `n` cells of at least `min_cell_h`, in pages when they do not fit: returns the cells
// of page `page` (index of the first item in `first`) and draws Earlier/Later buttons.
// A thick ring around the widget `id` (the one being read aloud, or in audio mode the one the
// keys have reached), drawn over everything. False (nothing drawn) for an unknown id.
bool focus_ring(Ui& ui, const std::string& id);

std::vector<Rect> paged_grid(Ui& ui, Rect area, int n, int cols, float min_cell_h, float max_cell_h,
                             int page, int& first, Intent& out);

// Upper case in the language `lang` (ICU locale): Turkish i → İ, ı → I.
std::string upper(std::string_view utf8, const std::string& lang = "");

}  // namespace indgang::kiosk
