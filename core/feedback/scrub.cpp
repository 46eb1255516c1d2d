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

// Characters people (or their keyboards) put inside a number or address without meaning
// anything: soft hyphen, zero-width space/joiners, word joiner, BOM, bidi marks. Matching skips
// them; removal takes them with the number.
bool ignorable(UChar32 c) {
    return c == 0xAD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 || c == 0xFEFF || c == 0x180E ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Folds the variants that look like the ASCII sign: fullwidth and small forms, Unicode dashes
// and minus, every space width.
UChar32 fold(UChar32 c) {
    switch (c) {
        case 0xFF0B: case 0xFE62: return '+';
        case 0xFF20: case 0xFE6B: return '@';
        case 0xFF0E: case 0xFE52: case 0x3002: case 0xFF61: return '.';
        case 0xFF0F: return '/';
        case 0xFF08: return '(';
        case 0xFF09: return ')';
        case 0xFF0D: case 0xFE63: case 0x2212: return '-';
        default: break;
    }
    if (c >= 0x2010 && c <= 0x2015) return '-';
    if (c == 0xA0 || c == 0x3000 || c == 0x202F || c == 0x205F || (c >= 0x2000 && c <= 0x200A)) return ' ';
    return c;
}

// Local part of an address: letters, digits and the usual punctuation.
bool local_char(UChar32 c) {
    return u_isalnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-' || c == '\'';
}
bool domain_char(UChar32 c) { return u_isalnum(c) || c == '.' || c == '-'; }

bool separator(UChar32 c) { return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')'; }

// A position in the folded text: the character matched on, and the span of the original text
// it stands for (several original characters when a spelled-out "(at)" became one '@').
struct Folded {
    UChar32 c;
    size_t from, to;   // [from, to) in the original code points
};

UChar32 lower_ascii(UChar32 c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }

bool word_at(const std::vector<Folded>& v, size_t i, std::string_view w) {
    if (i + w.size() > v.size()) return false;
    for (size_t k = 0; k < w.size(); ++k)
        if (lower_ascii(v[i + k].c) != static_cast<UChar32>(w[k])) return false;
    return true;
}

// Spelled-out '@' and '.', and signs written with spaces around them, become the sign itself
// (only in the folded copy used for matching): "jens (at) post punktum dk" → "jens@post.dk".
// A bare word ("at", "dot") only counts between two words, never at the start or end.
std::vector<Folded> spell_out_signs(const std::vector<Folded>& in) {
    struct Spelling {
        std::string_view text;
        UChar32 sign;
        bool bare;     // a word that also occurs in ordinary text: needs spaces on both sides
    };
    static constexpr Spelling kSpellings[] = {
        {"(at)", '@', false},     {"[at]", '@', false},     {"{at}", '@', false},    {"<at>", '@', false},
        {"(snabel-a)", '@', false}, {"snabel-a", '@', false}, {"snabela", '@', false}, {"(a)", '@', false},
        {"(dot)", '.', false},    {"[dot]", '.', false},    {"(punktum)", '.', false}, {"[punktum]", '.', false},
        {"punktum", '.', true},   {"prik", '.', true},      {"dot", '.', true},      {"at", '@', true},
        {"@", '@', false},   // "jens @ post.dk"; a spaced '.' stays a full stop
    };
    std::vector<Folded> out;
    for (size_t i = 0; i < in.size();) {
        bool replaced = false;
        for (const auto& sp : kSpellings) {
            if (!word_at(in, i, sp.text)) continue;
            const size_t end = i + sp.text.size();
            // Spaces on either side go with the sign; a bare word needs a letter or digit beyond them.
            size_t before = out.size(), after = end;
            while (before > 0 && out[before - 1].c == ' ') --before;
            while (after < in.size() && in[after].c == ' ') ++after;
            const bool spaced = before < out.size() || after > end;
            if (!spaced && sp.text == "@") break;   // nothing to collapse
            if (sp.bare && (before == out.size() || after == end)) continue;   // "at" glued to a word
            const bool left_word = before > 0 && u_isalnum(out[before - 1].c);
            const bool right_word = after < in.size() && u_isalnum(in[after].c);
            if (!left_word || !right_word) continue;
            const size_t from = before < out.size() ? out[before].from : in[i].from;
            out.resize(before);
            out.push_back({sp.sign, from, in[after - 1].to});
            i = after;
            replaced = true;
            break;
        }
        if (!replaced) out.push_back(in[i++]);
    }
    return out;
}

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

    std::vector<Folded> raw;
    for (size_t k = 0; k < n; ++k)
        if (!ignorable(cp[k])) raw.push_back({fold(cp[k]), k, k + 1});
    const std::vector<Folded> v = spell_out_signs(raw);
    const size_t m = v.size();
    std::vector<bool> gone(m, false);   // removed, in folded positions

    auto mark = [&](size_t from, size_t to, const char* what) {   // [from, to) in v
        for (size_t k = from; k < to; ++k) gone[k] = true;
        for (size_t k = v[from].from; k < v[to - 1].to; ++k) removed[k] = true;
        placeholder[v[from].from] = what;
    };

    // E-mail addresses first, so their digits are not counted as numbers.
    for (size_t at = 0; at < m; ++at) {
        if (v[at].c != '@') continue;
        size_t from = at;
        while (from > 0 && local_char(v[from - 1].c) && !gone[from - 1]) --from;
        size_t to = at + 1;
        while (to < m && domain_char(v[to].c)) ++to;
        while (to > at + 1 && (v[to - 1].c == '.' || v[to - 1].c == '-')) --to;   // sentence end
        // A dot in the domain, and a top-level part of two letters or more after the last one.
        bool dot = false;
        size_t last_dot = 0;
        for (size_t k = at + 2; k + 1 < to; ++k)
            if (v[k].c == '.') { dot = true; last_dot = k; }
        if (dot) {
            for (size_t k = last_dot + 1; k < to; ++k) dot = dot && u_isalpha(v[k].c);
            dot = dot && to - last_dot > 2;
        }
        if (from < at && dot) {
            mark(from, to, kEmailRemoved);
            ++r.email;
            at = to - 1;
        }
    }

    // Digit runs: up to three separators between two digits ("12 - 34"), and a leading '+'.
    for (size_t i = 0; i < m;) {
        const bool opens = v[i].c == '(' && i + 2 < m && v[i + 1].c == '+' && digit(v[i + 2].c) >= 0;
        if (gone[i] || (digit(v[i].c) < 0 && !opens && !(v[i].c == '+' && i + 1 < m && digit(v[i + 1].c) >= 0))) {
            ++i;
            continue;
        }
        const size_t start = i;
        if (v[i].c == '(' && i + 1 < m && v[i + 1].c == '+') ++i;   // "(+45) 12 34 56 78"
        const bool plus = v[i].c == '+';
        if (plus) ++i;
        std::vector<int> digits;
        size_t end = i;
        while (i < m && !gone[i]) {
            if (digit(v[i].c) >= 0) {
                digits.push_back(digit(v[i].c));
                end = ++i;
                continue;
            }
            size_t j = i;
            while (j < m && j - i < 3 && separator(v[j].c) && !gone[j]) ++j;
            if (j > i && j < m && digit(v[j].c) >= 0 && !gone[j]) { i = j; continue; }
            break;
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
