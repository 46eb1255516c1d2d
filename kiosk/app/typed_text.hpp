// Text a visitor types on the on-screen keyboard (nickname, comment): counted and erased by
// code point, so a limit or a backspace never cuts a letter in half.
#pragma once

#include <cstddef>
#include <string>

namespace indgang::kiosk {

inline size_t code_points(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

inline void pop_code_point(std::string& s) {
    while (!s.empty()) {
        const unsigned char c = static_cast<unsigned char>(s.back());
        s.pop_back();
        if ((c & 0xC0) != 0x80) break;
    }
}

}  // namespace indgang::kiosk
