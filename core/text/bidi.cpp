// Shaping and reordering for Dear ImGui, which draws code points left to right one glyph each.
// Order matters: shape the LOGICAL text (joining depends on logical neighbours), measure and
// break it while still logical, and reorder each finished line last.
#include "core/text/bidi.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/ushape.h>

#include <memory>
#include <stdexcept>

namespace indgang::text {

namespace {

icu::UnicodeString from_utf8(std::string_view s) {
    return icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
}

std::string to_utf8(const icu::UnicodeString& u) {
    std::string out;
    u.toUTF8String(out);
    return out;
}

bool has_rtl(const icu::UnicodeString& u) {
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        UCharDirection d = u_charDirection(c);
        if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC || d == U_RIGHT_TO_LEFT_EMBEDDING ||
            d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_RIGHT_TO_LEFT_ISOLATE)
            return true;
        i += U16_LENGTH(c);
    }
    return false;
}

// Letters to presentation forms, lam-alef to one ligature (the string shrinks), logical order.
icu::UnicodeString shape(const icu::UnicodeString& in) {
    if (in.isEmpty()) return in;
    const uint32_t options = U_SHAPE_LETTERS_SHAPE | U_SHAPE_TEXT_DIRECTION_LOGICAL |
                             U_SHAPE_LENGTH_GROW_SHRINK | U_SHAPE_DIGITS_NOOP;
    UErrorCode status = U_ZERO_ERROR;
    int32_t need = u_shapeArabic(in.getBuffer(), in.length(), nullptr, 0, options, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return in;
    status = U_ZERO_ERROR;
    icu::UnicodeString out;
    UChar* buf = out.getBuffer(need + 1);
    int32_t len = u_shapeArabic(in.getBuffer(), in.length(), buf, need + 1, options, &status);
    out.releaseBuffer(U_SUCCESS(status) ? len : 0);
    return U_SUCCESS(status) ? out : in;
}

struct BidiCloser {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

// Visual order of one already-shaped line; mirrored brackets, bidi controls (FSI/PDI from
// fill()) removed since the fonts have no glyph for them.
icu::UnicodeString reorder(const icu::UnicodeString& shaped, bool rtl_paragraph) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_open());
    ubidi_setPara(bidi.get(), shaped.getBuffer(), shaped.length(),
                  rtl_paragraph ? UBIDI_RTL : UBIDI_LTR, nullptr, &status);
    if (U_FAILURE(status)) return shaped;
    const uint16_t options = UBIDI_DO_MIRRORING | UBIDI_REMOVE_BIDI_CONTROLS;
    int32_t need = ubidi_writeReordered(bidi.get(), nullptr, 0, options, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return shaped;
    status = U_ZERO_ERROR;
    icu::UnicodeString out;
    UChar* buf = out.getBuffer(need + 1);
    int32_t len = ubidi_writeReordered(bidi.get(), buf, need + 1, options, &status);
    out.releaseBuffer(U_SUCCESS(status) ? len : 0);
    return U_SUCCESS(status) ? out : shaped;
}

// Drops the isolate marks fill() adds, for text that is shown without reordering.
icu::UnicodeString strip_isolates(icu::UnicodeString u) {
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2068)), icu::UnicodeString());
    u.findAndReplace(icu::UnicodeString(static_cast<UChar>(0x2069)), icu::UnicodeString());
    return u;
}

icu::UnicodeString visual(const icu::UnicodeString& logical, bool rtl_paragraph) {
    if (!has_rtl(logical)) return strip_isolates(logical);
    return reorder(shape(logical), rtl_paragraph);
}

void trim_trailing_space(icu::UnicodeString& u) {
    int32_t end = u.length();
    while (end > 0 && u_isUWhiteSpace(u.charAt(end - 1))) --end;
    u.truncate(end);
}

}  // namespace

bool is_rtl(std::string_view utf8) {
    icu::UnicodeString u = from_utf8(utf8);
    return ubidi_getBaseDirection(u.getBuffer(), u.length()) == UBIDI_RTL;
}

std::string visual_line(std::string_view logical_utf8, bool rtl_paragraph) {
    icu::UnicodeString u = from_utf8(logical_utf8);
    if (!has_rtl(u) && u.indexOf(static_cast<UChar>(0x2068)) < 0 &&
        u.indexOf(static_cast<UChar>(0x2069)) < 0)
        return std::string(logical_utf8);
    return to_utf8(visual(u, rtl_paragraph));
}

std::string shaped_logical(std::string_view logical_utf8) {
    return to_utf8(strip_isolates(shape(from_utf8(logical_utf8))));
}

std::vector<std::string> wrap_visual(std::string_view logical_utf8, float max_width,
                                     bool rtl_paragraph,
                                     const std::function<float(std::string_view)>& width_of) {
    std::vector<std::string> lines;
    icu::UnicodeString all = from_utf8(logical_utf8);
    // Width is measured on what will be drawn: shaped glyphs, no isolate marks.
    auto width = [&](const icu::UnicodeString& logical) {
        icu::UnicodeString s = strip_isolates(shape(logical));
        trim_trailing_space(s);
        return width_of(to_utf8(s));
    };

    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> line_breaks(
        icu::BreakIterator::createLineInstance(icu::Locale::getRoot(), status));
    std::unique_ptr<icu::BreakIterator> char_breaks(
        icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) throw std::runtime_error("ICU break iterators unavailable");

    // Hard newlines start a new paragraph-line; wrap each piece separately.
    int32_t para_start = 0;
    while (para_start <= all.length()) {
        int32_t nl = all.indexOf(static_cast<UChar>('\n'), para_start);
        int32_t para_end = nl < 0 ? all.length() : nl;
        icu::UnicodeString para(all, para_start, para_end - para_start);
        line_breaks->setText(para);
        char_breaks->setText(para);

        int32_t start = 0;
        if (para.isEmpty()) lines.emplace_back();
        while (start < para.length()) {
            // Greedy: the furthest break opportunity whose line still fits.
            int32_t best = -1;
            for (int32_t b = line_breaks->following(start); b != icu::BreakIterator::DONE;
                 b = line_breaks->next()) {
                if (width(icu::UnicodeString(para, start, b - start)) <= max_width) best = b;
                else break;
            }
            if (best < 0) {
                // One word wider than the line: cut it between grapheme clusters.
                int32_t b = char_breaks->following(start);
                best = b;  // at least one cluster per line, so the loop always advances
                for (b = char_breaks->next(); b != icu::BreakIterator::DONE; b = char_breaks->next()) {
                    if (width(icu::UnicodeString(para, start, b - start)) <= max_width) best = b;
                    else break;
                }
            }
            icu::UnicodeString line(para, start, best - start);
            trim_trailing_space(line);
            lines.push_back(to_utf8(visual(line, rtl_paragraph)));
            start = best;
        }
        if (nl < 0) break;
        para_start = nl + 1;
    }
    return lines;
}

}  // namespace indgang::text
