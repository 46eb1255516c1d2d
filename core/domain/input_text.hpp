// Text accepted at the door: every name, address, reason and nickname a tool takes is checked
// here before it is stored, so nothing can later break an export, a --json listing or a screen.
#pragma once

#include <string>
#include <string_view>

namespace indgang {

// True when `s` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view s);

// `s` for an error message: invalid bytes shown as \xNN, control characters as \uNNNN, cut at
// 80 characters, so a message never carries the bad bytes it complains about.
std::string printable(std::string_view s);

// Throws DomainError::Invalid ("<what> is not valid text …") unless `s` is valid UTF-8 without
// control characters (a newline only when `multiline`), at most `max_chars` code points.
void require_valid_text(std::string_view s, const char* what, size_t max_chars, bool multiline = false);

// Nickname rules beyond clean text (see clean_nickname in booking.hpp).
// Ten digits that read as a CPR number (DDMMYY-SSSS, any separators), with a real date.
bool looks_like_cpr(std::string_view s);
// Eight or more digits in the nickname, or a +CC prefix: a phone number (Danish or foreign).
bool looks_like_phone(std::string_view s);
// Nothing visible: only spaces, zero-width, filler (U+3164, U+115F, U+FFA0, braille blank …) or
// format characters.
bool shows_blank(std::string_view s);

}  // namespace indgang
