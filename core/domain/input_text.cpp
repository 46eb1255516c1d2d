#include "core/domain/input_text.hpp"

#include "core/domain/model.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <vector>

namespace indgang {

bool is_valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);   // c < 0 on any ill-formed sequence
        if (c < 0) return false;
    }
    return true;
}

std::string printable(std::string_view s) {
    std::string out;
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    int shown = 0;
    for (int32_t i = 0; i < n && shown < 80; ++shown) {
        const int32_t at = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        char buf[16];
        if (c < 0) {
            for (int32_t k = at; k < i; ++k) {
                std::snprintf(buf, sizeof buf, "\\x%02X", p[k]);
                out += buf;
            }
        } else if (u_charType(c) == U_CONTROL_CHAR) {
            std::snprintf(buf, sizeof buf, "\\u%04X", static_cast<unsigned>(c));
            out += buf;
        } else {
            out.append(s.substr(static_cast<size_t>(at), static_cast<size_t>(i - at)));
        }
    }
    if (static_cast<int32_t>(out.size()) < n && shown >= 80) out += "…";
    return out;
}

void require_valid_text(std::string_view s, const char* what, size_t max_chars, bool multiline) {
    if (!is_valid_utf8(s))
        throw DomainError(ErrorCode::Invalid, std::string(what) +
                                                  " is not valid text (broken UTF-8): \"" +
                                                  printable(s) + "\"");
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    size_t count = 0;
    for (int32_t i = 0; i < n; ++count) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (multiline && (c == '\n' || c == '\t')) continue;
        const auto type = u_charType(c);
        if (type == U_CONTROL_CHAR || type == U_LINE_SEPARATOR || type == U_PARAGRAPH_SEPARATOR)
            throw DomainError(ErrorCode::Invalid, std::string(what) +
                                                      " contains control characters: \"" +
                                                      printable(s) + "\"");
    }
    if (count > max_chars)
        throw DomainError(ErrorCode::Invalid, std::string(what) + " is longer than " +
                                                  std::to_string(max_chars) + " characters");
}

// The decimal digits of `s` (any script: fullwidth, Arabic-Indic, …), with runs broken by
// anything that is not a digit or a separator people type inside numbers.
static std::vector<std::vector<int>> digit_runs(std::string_view s) {
    std::vector<std::vector<int>> runs(1);
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) continue;
        const int d = u_charDigitValue(c);
        if (u_charType(c) == U_DECIMAL_DIGIT_NUMBER && d >= 0) {
            runs.back().push_back(d);
            continue;
        }
        const auto type = u_charType(c);
        const bool separator = u_isUWhiteSpace(c) || type == U_DASH_PUNCTUATION || type == U_FORMAT_CHAR ||
                               c == '.' || c == '/' || c == 0xFF0E || c == 0xFF0F || c == 0x00AD ||
                               c == '(' || c == ')';
        if (!separator && !runs.back().empty()) runs.emplace_back();
    }
    return runs;
}

bool looks_like_cpr(std::string_view s) {
    for (const auto& r : digit_runs(s)) {
        if (r.size() < 10) continue;
        for (size_t at = 0; at + 10 <= r.size(); ++at) {
            const int day = r[at] * 10 + r[at + 1];
            const int month = r[at + 2] * 10 + r[at + 3];
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) return true;
        }
    }
    return false;
}

bool looks_like_phone(std::string_view s) {
    size_t digits = 0;
    for (const auto& r : digit_runs(s)) digits = std::max(digits, r.size());
    if (digits >= 8) return true;
    // "+45 …" or "+4520…": an international prefix followed by several digits.
    const auto plus = s.find('+');
    if (plus != std::string_view::npos) {
        size_t after = 0;
        for (const auto& r : digit_runs(s.substr(plus + 1))) {
            after = r.size();
            break;
        }
        if (after >= 6) return true;
    }
    return false;
}

bool shows_blank(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    const int32_t n = static_cast<int32_t>(s.size());
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
        const bool filler = c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 ||
                            c == 0x2800 || c == 0x180E || c == 0x034F || c == 0x17B4 || c == 0x17B5;
        if (u_isUWhiteSpace(c) || u_charType(c) == U_FORMAT_CHAR || filler ||
            u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))
            continue;
        return false;
    }
    return true;
}

}  // namespace indgang
