#include "core/feedback/scrub.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <vector>

namespace indgang::feedback {

namespace {

std::vector<UChar32> decode(std::string_view s) {
    std::vector<UChar32> out;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        out.push_back(c < 0 ? 0xFFFD : c);
    }
    return out;
}

void append(std::string& out, UChar32 c) {
    char buf[4];
    int32_t len = 0;
    UBool err = false;
    U8_APPEND(buf, len, 4, c, err);
    if (!err) out.append(buf, static_cast<size_t>(len));
}

int digit(UChar32 c) { return u_isdigit(c) ? u_charDigitValue(c) : -1; }
bool separator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == 0xA0; }

// Local part of an address: letters, digits and the usual punctuation.
bool local_char(UChar32 c) {
    return u_isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool domain_char(UChar32 c) { return u_isalnum(c) || c == '.' || c == '-'; }

bool plausible_ddmmyy(const std::vector<int>& d) {
    const int day = d[0] * 10 + d[1], month = d[2] * 10 + d[3];
    return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

enum class Kind { None, Cpr, Phone, Number };

Kind classify(const std::vector<int>& digits, bool plus) {
    const size_t n = digits.size();
    if (n < 8) return Kind::None;
    if (n == 10 && !plus && plausible_ddmmyy(digits)) return Kind::Cpr;
    if (n == 8) return Kind::Phone;
    if (n == 10 && digits[0] == 4 && digits[1] == 5) return Kind::Phone;                 // +45 …
    if (n == 12 && digits[0] == 0 && digits[1] == 0 && digits[2] == 4 && digits[3] == 5)
        return Kind::Phone;                                                              // 0045 …
    if (plus) return Kind::Phone;      // any other international number
    return Kind::Number;
}

}  // namespace

ScrubResult scrub_free_text(std::string_view text, int max_chars) {
    const std::vector<UChar32> cp = decode(text);
    const size_t n = cp.size();
    std::vector<bool> removed(n, false);
    std::vector<const char*> placeholder(n, nullptr);   // set at the first removed position
    ScrubResult r;

    auto mark = [&](size_t from, size_t to, const char* what) {   // [from, to)
        for (size_t k = from; k < to; ++k) removed[k] = true;
        placeholder[from] = what;
    };

    // E-mail addresses first, so their digits are not counted as numbers.
    for (size_t at = 0; at < n; ++at) {
        if (cp[at] != '@') continue;
        size_t from = at;
        while (from > 0 && local_char(cp[from - 1]) && !removed[from - 1]) --from;
        size_t to = at + 1;
        while (to < n && domain_char(cp[to])) ++to;
        while (to > at + 1 && (cp[to - 1] == '.' || cp[to - 1] == '-')) --to;   // sentence end
        bool dot = false;
        for (size_t k = at + 2; k + 1 < to; ++k) dot = dot || cp[k] == '.';
        if (from < at && dot) {
            mark(from, to, kEmailRemoved);
            ++r.email;
            at = to - 1;
        }
    }

    // Digit runs, allowing one separator between digits and a leading '+'.
    for (size_t i = 0; i < n;) {
        if (removed[i] || (digit(cp[i]) < 0 && !(cp[i] == '+' && i + 1 < n && digit(cp[i + 1]) >= 0))) {
            ++i;
            continue;
        }
        const size_t start = i;
        const bool plus = cp[i] == '+';
        if (plus) ++i;
        std::vector<int> digits;
        size_t end = i;
        while (i < n && !removed[i]) {
            if (digit(cp[i]) >= 0) {
                digits.push_back(digit(cp[i]));
                end = ++i;
            } else if (separator(cp[i]) && i + 1 < n && digit(cp[i + 1]) >= 0 && !removed[i + 1]) {
                ++i;
            } else {
                break;
            }
        }
        switch (classify(digits, plus)) {
            case Kind::Cpr: mark(start, end, kCprRemoved); ++r.cpr; break;
            case Kind::Phone: mark(start, end, kPhoneRemoved); ++r.phone; break;
            case Kind::Number: mark(start, end, kNumberRemoved); ++r.other_number; break;
            case Kind::None: break;
        }
        i = std::max(end, start + 1);
    }

    // Rebuild, trimming white space and cutting to max_chars code points of the original text.
    size_t first = 0, last = n;
    while (first < last && u_isUWhiteSpace(cp[first]) && !removed[first]) ++first;
    while (last > first && u_isUWhiteSpace(cp[last - 1]) && !removed[last - 1]) --last;
    int kept = 0;
    for (size_t k = first; k < last; ++k) {
        if (removed[k]) {
            if (placeholder[k]) r.text += placeholder[k];
            continue;
        }
        if (max_chars > 0 && kept >= max_chars) break;
        // Control characters (other than line breaks) have no place in a comment.
        if (u_iscntrl(cp[k]) && cp[k] != '\n') {
            r.text += ' ';
        } else {
            append(r.text, cp[k]);
        }
        ++kept;
    }
    return r;
}

}  // namespace indgang::feedback
