// On-screen keyboard layouts: rows of keys, each key the UTF-8 text it types.
#pragma once

#include <string>
#include <vector>

namespace indgang::text {

struct KeyboardLayout {
    std::string name;                              // "da", "latin-tr", "ar", "fa", "ur", "uk", ...
    bool rtl = false;
    std::vector<std::vector<std::string>> rows;    // letters only; the kiosk adds space/backspace
};

// Throws std::out_of_range for an unknown name.
const KeyboardLayout& keyboard_layout(const std::string& name);
std::vector<std::string> keyboard_names();

}  // namespace indgang::text
