// The staff window's widgets, drawn through thin wrappers that note each one's id, visible text
// and rectangle this frame. A script can then click "###save_site" or fill "###site_name" by id
// (ImGui 1.86 has no test engine in Debian's build), and a test can read every string the window
// showed, to catch English left in the Danish window.
#pragma once

#include <imgui.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace indgang::admin::gui {

struct DrawnItem {
    enum class Kind { Button, Input, Number, Check, Choice, Text };
    Kind kind = Kind::Text;
    std::string id;            // the part after "###" (empty for plain text)
    std::string label;         // the visible text
    ImVec2 min, max;           // screen rectangle
    char* buffer = nullptr;    // Input: the text buffer a script may fill
    size_t buffer_size = 0;
    int* number = nullptr;     // Number, Choice: the value a script may set
    int choices = 0;           // Choice: how many entries
    bool visible = true;       // inside the scrolled area (a click off it would hit nothing)
};

class DrawnItems {
public:
    void begin_frame() { items_.clear(); }
    void add(DrawnItem item);
    const DrawnItem* find(std::string_view id) const;   // by id, "###id" or "id"
    bool shows(std::string_view text) const;            // any visible text contains `text`
    const std::vector<DrawnItem>& items() const { return items_; }
    // Every visible string drawn since the start (for the untranslated-text scan).
    const std::set<std::string>& seen() const { return seen_; }
    std::string dump() const;
    // A script asks for a widget below the fold: the wrapper scrolls to it the next frame.
    std::string scroll_to;

private:
    std::vector<DrawnItem> items_;
    std::set<std::string> seen_;
};

DrawnItems& drawn();   // the window's one list (one window per process)

// Wrappers: the same arguments as ImGui's, labels as "Visible text###id".
bool button(const std::string& label, bool small = false);
bool button(const std::string& label, const ImVec2& size);   // a fixed size (keypad keys)
bool input(const std::string& label, char* buf, size_t size, const char* hint = nullptr,
           ImGuiInputTextFlags flags = 0);
bool input_int(const std::string& label, int* v, int step = 1);
bool checkbox(const std::string& label, bool* v);
// A choice among `names` (a combo box); a script sets the index directly.
bool choice(const std::string& label, int* index, const std::vector<std::string>& names);
void text(const std::string& s);
void text_disabled(const std::string& s);
void text_wrapped(const std::string& s);
void text_coloured(const ImVec4& c, const std::string& s);
void bullet(const std::string& s);
void column(const std::string& header, float fixed_width = 0);   // 0: shares the rest of the width
// The header row with each header wrapped to its column, so a long answer or service name is
// read in full instead of cut off with "…" (ImGui's own header row does not wrap).
void wrapped_headers_row();   // TableSetupColumn
bool tab(const std::string& label, ImGuiTabItemFlags flags);   // BeginTabItem
// A labelled separator (ImGui 1.86 has no SeparatorText).
void section(const std::string& title);

}  // namespace indgang::admin::gui
