#include "core/text/glyphs.hpp"

#include "core/text/bidi.hpp"
#include "core/text/catalog.hpp"
#include "core/text/datetime.hpp"
#include "core/text/keyboard.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>

namespace indgang::text {

namespace {

const char* const kFontDir = "/usr/share/fonts/truetype/noto/";

bool invisible_control(char32_t c) {
    return (c >= 0x200C && c <= 0x200F) || (c >= 0x2066 && c <= 0x2069) || c < 0x20 || c == 0x7F;
}

void add_text(std::set<char32_t>& out, const std::string& s) {
    for (char32_t c : code_points(s))
        if (!invisible_control(c)) out.insert(c);
}

std::string upper(const std::string& s) {
    std::string out;
    icu::UnicodeString::fromUTF8(s).toUpper(icu::Locale::getRoot()).toUTF8String(out);
    return out;
}

}  // namespace

std::vector<std::string> bundled_fonts(bool bold) {
    const char* w = bold ? "Bold" : "Regular";
    return {std::string(kFontDir) + "NotoSans-" + w + ".ttf",
            std::string(kFontDir) + "NotoSansArabicUI-" + w + ".ttf",
            std::string(kFontDir) + "NotoSansEthiopic-" + w + ".ttf"};
}

std::vector<char32_t> code_points(const std::string& utf8) {
    std::vector<char32_t> out;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        if (c != 0xFFFD) out.push_back(static_cast<char32_t>(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::vector<char32_t> needed_code_points(const std::string& i18n_dir,
                                         const std::vector<std::string>& langs) {
    std::set<char32_t> cps;
    for (char32_t c = 0x20; c < 0x7F; ++c) cps.insert(c);
    add_text(cps, "…–’“”«»·•");

    std::vector<Language> shipped = shipped_languages(i18n_dir);
    for (const auto& l : shipped) {  // the picker shows every language in its own script
        add_text(cps, l.native_name);
        add_text(cps, shaped_logical(l.native_name));
    }

    for (const auto& l : shipped) {
        if (!langs.empty() && std::find(langs.begin(), langs.end(), l.code) == langs.end())
            continue;
        std::string po = i18n_dir + "/" + l.code + ".po";
        if (std::filesystem::exists(po)) {
            Catalog cat = Catalog::load_po(po);
            for (const auto& [key, forms] : cat.entries()) {
                auto sep = key.find('\x04');
                std::string msgid = sep == std::string::npos ? key : key.substr(sep + 1);
                add_text(cps, msgid);  // shown when an entry is untranslated
                for (const auto& f : forms) {
                    add_text(cps, f);
                    add_text(cps, shaped_logical(f));
                }
            }
        }
        try {
            for (const auto& row : keyboard_layout(l.keyboard).rows)
                for (const auto& key : row) {
                    add_text(cps, key);
                    add_text(cps, upper(key));
                    add_text(cps, shaped_logical(key));  // a lone letter shows its isolated form
                }
        } catch (const std::out_of_range&) {
            // languages.json names an unknown layout: the catalog check reports it.
        }
        // Weekday and month names: a day in each month of 2025, and every weekday.
        const int64_t jan1 = 1735732800;  // 2025-01-01 12:00 UTC
        for (int d = 0; d < 365; d += 7) add_text(cps, format_day(jan1 + d * 86400LL, l.code, "Europe/Copenhagen"));
        for (int d = 0; d < 7; ++d) add_text(cps, format_day(jan1 + d * 86400LL, l.code, "Europe/Copenhagen"));
        add_text(cps, format_time(jan1, l.code, "Europe/Copenhagen"));
        add_text(cps, format_number(1234567, l.code));
    }
    // Shaping a whole word never yields a form that shaping its letters alone could not, except
    // the joined forms: those come from the catalogs above. Keyboard preview text is typed by
    // the visitor, so every joining form of every key letter is needed too.
    std::set<char32_t> extra;
    for (char32_t c : cps) {
        if (c < 0x0600 || c > 0x06FF) continue;
        icu::UnicodeString s;
        s.append(static_cast<UChar32>(c));
        std::string letter;
        s.toUTF8String(letter);
        const std::string tatweel = "\u0640";  // joins on both sides: gives initial/medial/final
        for (const std::string& ctx : {letter + tatweel, tatweel + letter + tatweel, tatweel + letter})
            add_text(extra, shaped_logical(ctx));
        add_text(extra, shaped_logical("\u0644" + letter));  // lam + alef ligatures
        add_text(extra, shaped_logical("\u0640\u0644" + letter));
    }
    cps.insert(extra.begin(), extra.end());
    return {cps.begin(), cps.end()};
}

FontCoverage cover(const std::vector<char32_t>& cps, const std::vector<std::string>& fonts) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib)) throw std::runtime_error("FreeType failed to start");
    std::unique_ptr<FT_LibraryRec_, decltype(&FT_Done_FreeType)> lib_guard(lib, FT_Done_FreeType);
    std::vector<FT_Face> faces;
    auto close_all = [&] {
        for (FT_Face f : faces) FT_Done_Face(f);
    };
    for (const auto& path : fonts) {
        FT_Face face = nullptr;
        if (FT_New_Face(lib, path.c_str(), 0, &face)) {
            close_all();
            throw std::runtime_error(path + ": cannot open font (is fonts-noto-core installed?)");
        }
        faces.push_back(face);
    }
    FontCoverage out;
    out.per_font.resize(faces.size());
    for (char32_t c : cps) {
        bool found = false;
        for (size_t i = 0; i < faces.size() && !found; ++i) {
            if (FT_Get_Char_Index(faces[i], c)) {
                out.per_font[i].push_back(c);
                found = true;
            }
        }
        if (!found) out.uncovered.push_back(c);
    }
    close_all();
    return out;
}

std::vector<unsigned short> to_imgui_ranges(const std::vector<char32_t>& cps_in) {
    std::vector<char32_t> cps = cps_in;
    std::sort(cps.begin(), cps.end());
    cps.erase(std::unique(cps.begin(), cps.end()), cps.end());
    std::vector<unsigned short> out;
    for (size_t i = 0; i < cps.size();) {
        if (cps[i] == 0 || cps[i] > 0xFFFF) { ++i; continue; }
        size_t j = i;
        while (j + 1 < cps.size() && cps[j + 1] == cps[j] + 1 && cps[j + 1] <= 0xFFFF) ++j;
        out.push_back(static_cast<unsigned short>(cps[i]));
        out.push_back(static_cast<unsigned short>(cps[j]));
        i = j + 1;
    }
    out.push_back(0);
    return out;
}

std::string describe_code_point(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    icu::UnicodeString s;
    s.append(static_cast<UChar32>(cp));
    std::string ch;
    s.toUTF8String(ch);
    return std::string(buf) + " '" + ch + "'";
}

}  // namespace indgang::text
