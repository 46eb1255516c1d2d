// [SECTION] index
// - Plural-Forms expression evaluator (to compare the catalog's rule with ICU's)
// - Text measuring with FreeType (button widths)
// - check_catalogs
#include "core/text/catalog_check.hpp"

#include "core/text/bidi.hpp"
#include "core/text/catalog.hpp"
#include "core/text/glyphs.hpp"
#include "core/text/keyboard.hpp"
#include "core/text/placeholders.hpp"
#include "core/text/po_file.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>

namespace indgang::text {

// [SECTION] Naming entries in messages

namespace {

std::string shown(const PoEntry& e) {
    return e.ctx.empty() ? "\"" + e.msgid + "\"" : "\"" + e.msgid + "\" (" + e.ctx + ")";
}

}  // namespace

// [SECTION] Plural-Forms evaluator: the C subset gettext allows (n, integers, ?: || && == !=
// < > <= >= + - * / % ! and parentheses).

namespace {

class PluralParser {
public:
    PluralParser(const std::string& s, long n) : s_(s), n_(n) {}
    long run() {
        long v = ternary();
        skip();
        if (pos_ != s_.size()) fail();
        return v;
    }

private:
    [[noreturn]] void fail() const {
        throw std::invalid_argument("bad plural expression at column " + std::to_string(pos_ + 1) +
                                    ": " + s_);
    }
    void skip() {
        while (pos_ < s_.size() && std::isspace(static_cast<unsigned char>(s_[pos_]))) ++pos_;
    }
    bool eat(const char* tok) {
        skip();
        size_t len = std::char_traits<char>::length(tok);
        if (s_.compare(pos_, len, tok) != 0) return false;
        // "<" must not swallow the first half of "<=", "!" of "!=".
        if (len == 1 && pos_ + 1 < s_.size() && s_[pos_ + 1] == '=' &&
            (tok[0] == '<' || tok[0] == '>' || tok[0] == '!' || tok[0] == '='))
            return false;
        pos_ += len;
        return true;
    }
    long ternary() {
        long c = logic_or();
        if (!eat("?")) return c;
        long a = ternary();
        if (!eat(":")) fail();
        long b = ternary();
        return c ? a : b;
    }
    long logic_or() {
        long v = logic_and();
        while (eat("||")) { long r = logic_and(); v = (v || r); }
        return v;
    }
    long logic_and() {
        long v = equality();
        while (eat("&&")) { long r = equality(); v = (v && r); }
        return v;
    }
    long equality() {
        long v = relational();
        for (;;) {
            if (eat("==")) v = (v == relational());
            else if (eat("!=")) v = (v != relational());
            else return v;
        }
    }
    long relational() {
        long v = additive();
        for (;;) {
            if (eat("<=")) v = (v <= additive());
            else if (eat(">=")) v = (v >= additive());
            else if (eat("<")) v = (v < additive());
            else if (eat(">")) v = (v > additive());
            else return v;
        }
    }
    long additive() {
        long v = multiplicative();
        for (;;) {
            if (eat("+")) v += multiplicative();
            else if (eat("-")) v -= multiplicative();
            else return v;
        }
    }
    long multiplicative() {
        long v = unary();
        for (;;) {
            if (eat("*")) v *= unary();
            else if (eat("/")) { long d = unary(); if (!d) fail(); v /= d; }
            else if (eat("%")) { long d = unary(); if (!d) fail(); v %= d; }
            else return v;
        }
    }
    long unary() {
        if (eat("!")) return !unary();
        return primary();
    }
    long primary() {
        skip();
        if (eat("(")) {
            long v = ternary();
            if (!eat(")")) fail();
            return v;
        }
        if (pos_ < s_.size() && s_[pos_] == 'n') { ++pos_; return n_; }
        if (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_]))) {
            long v = 0;
            while (pos_ < s_.size() && std::isdigit(static_cast<unsigned char>(s_[pos_])))
                v = v * 10 + (s_[pos_++] - '0');
            return v;
        }
        fail();
    }
    const std::string& s_;
    long n_;
    size_t pos_ = 0;
};

}  // namespace

long eval_plural_expression(const std::string& expr, long n) { return PluralParser(expr, n).run(); }

// [SECTION] Measuring

struct TextMeasure::Impl {
    FT_Library lib = nullptr;
    std::vector<FT_Face> faces;
    mutable std::map<char32_t, float> advance;  // memo: the check measures thousands of strings
};

TextMeasure::TextMeasure(const std::vector<std::string>& fonts, float px) : impl_(new Impl) {
    if (FT_Init_FreeType(&impl_->lib)) {
        delete impl_;
        throw std::runtime_error("FreeType failed to start");
    }
    for (const auto& f : fonts) {
        FT_Face face = nullptr;
        if (FT_New_Face(impl_->lib, f.c_str(), 0, &face)) {
            this->~TextMeasure();
            throw std::runtime_error(f + ": cannot open font");
        }
        FT_Set_Pixel_Sizes(face, 0, static_cast<FT_UInt>(px + 0.5f));
        impl_->faces.push_back(face);
    }
}

TextMeasure::~TextMeasure() {
    if (!impl_) return;
    for (FT_Face f : impl_->faces) FT_Done_Face(f);
    FT_Done_FreeType(impl_->lib);
    delete impl_;
    impl_ = nullptr;
}

float TextMeasure::width(const std::string& utf8) const {
    float w = 0;
    for (char32_t c : code_points(utf8)) {
        auto it = impl_->advance.find(c);
        if (it == impl_->advance.end()) {
            float adv = 0;
            for (FT_Face f : impl_->faces) {
                FT_UInt g = FT_Get_Char_Index(f, c);
                if (g && !FT_Load_Glyph(f, g, FT_LOAD_DEFAULT)) {
                    adv = static_cast<float>(f->glyph->advance.x) / 64.f;
                    break;
                }
            }
            it = impl_->advance.emplace(c, adv).first;
        }
        w += it->second;
    }
    return w;
}

// [SECTION] check_catalogs

namespace {

// Which msgids label buttons, from the .pot's source references.
bool is_button_label(const PoEntry& e, const std::string& source_root,
                     std::map<std::string, std::vector<std::string>>& files) {
    if (e.ctx == "button" || e.comments.find("button") != std::string::npos) return true;
    for (const auto& [file, line] : e.refs) {
        auto it = files.find(file);
        if (it == files.end()) {
            std::vector<std::string> lines;
            std::ifstream in(source_root + "/" + file);
            for (std::string l; std::getline(in, l);) lines.push_back(l);
            it = files.emplace(file, std::move(lines)).first;
        }
        if (line >= 1 && line <= it->second.size()) {
            const std::string& src = it->second[line - 1];
            size_t call = src.find("button(");
            size_t quote = src.find("\"" + e.msgid.substr(0, 20));
            if (call != std::string::npos && quote != std::string::npos && call < quote) return true;
        }
    }
    return false;
}

std::set<std::string> names_in(const std::string& s) {
    auto v = placeholders(s);
    return {v.begin(), v.end()};
}

std::string join(const std::set<std::string>& names) {
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "{" : ", {") + n + "}";
    return out.empty() ? "none" : out;
}

}  // namespace

std::vector<CatalogProblem> check_catalogs(const CatalogCheckOptions& opt) {
    std::vector<CatalogProblem> problems;
    auto report = [&](std::string lang, std::string where, std::string kind, std::string msg) {
        problems.push_back({std::move(lang), std::move(where), std::move(kind), std::move(msg)});
    };
    const std::string root = opt.source_root.empty() ? opt.i18n_dir + "/.." : opt.source_root;

    std::vector<Language> langs;
    try {
        langs = shipped_languages(opt.i18n_dir);
    } catch (const std::exception& e) {
        report("", opt.i18n_dir + "/languages.json", "language", e.what());
        return problems;
    }

    const std::string pot_path = opt.i18n_dir + "/indgang.pot";
    PoFile pot = read_po(pot_path, false);
    for (const auto& err : pot.errors) report("", pot_path, "format", err);
    if (!std::filesystem::exists(pot_path)) return problems;

    std::map<std::string, std::vector<std::string>> source_files;
    std::vector<bool> button(pot.entries.size());
    for (size_t i = 0; i < pot.entries.size(); ++i)
        button[i] = is_button_label(pot.entries[i], root, source_files);

    TextMeasure measure(bundled_fonts(true), opt.button_font_px);
    auto width_of = [&](std::string_view s) { return measure.width(std::string(s)); };
    std::vector<std::string> all_fonts = bundled_fonts(false);
    for (const auto& f : bundled_fonts(true)) all_fonts.push_back(f);

    for (const auto& lang : langs) {
        const std::string path = opt.i18n_dir + "/" + lang.code + ".po";
        const std::string shown_path = "i18n/" + lang.code + ".po";
        try {
            keyboard_layout(lang.keyboard);
        } catch (const std::out_of_range&) {
            report(lang.code, "i18n/languages.json", "language",
                   "keyboard layout '" + lang.keyboard + "' does not exist");
        }
        if (!std::filesystem::exists(path)) {
            report(lang.code, shown_path, "missing", "the catalog file is missing");
            continue;
        }
        PoFile po = read_po(path, true);  // po_file_check_all: the checks msgfmt --check makes
        for (const auto& err : po.errors) report(lang.code, shown_path, "format", err);
        if (po_header_value(po.header, "X-Reviewed-By-Native-Speaker").empty())
            report(lang.code, shown_path, "format",
                   "header lacks X-Reviewed-By-Native-Speaker (yes/no)");

        // Plural-Forms must pick the msgstr index ICU's rules pick (see Catalog::plural_index).
        std::string pf = po_header_value(po.header, "Plural-Forms");
        auto cats = plural_categories_for(lang.code);
        auto np = pf.find("nplurals=");
        auto pl = pf.find("plural=", np == std::string::npos ? 0 : np + 9);
        if (np == std::string::npos || pl == std::string::npos) {
            report(lang.code, shown_path, "plural-forms", "header lacks Plural-Forms");
        } else {
            long nplurals = std::strtol(pf.c_str() + np + 9, nullptr, 10);
            std::string expr = pf.substr(pl + 7);
            while (!expr.empty() && (expr.back() == ';' || std::isspace(static_cast<unsigned char>(expr.back()))))
                expr.pop_back();
            if (nplurals != static_cast<long>(cats.size())) {
                report(lang.code, shown_path, "plural-forms",
                       "nplurals=" + std::to_string(nplurals) + " but ICU has " +
                           std::to_string(cats.size()) + " integer plural categories");
            } else {
                Catalog probe;
                try {
                    probe = Catalog::load_po(path);
                    for (long n = 0; n <= 1000; ++n) {
                        long want = static_cast<long>(probe.plural_index(n));
                        long got = eval_plural_expression(expr, n);
                        if (got != want) {
                            report(lang.code, shown_path, "plural-forms",
                                   "Plural-Forms picks msgstr[" + std::to_string(got) + "] for n=" +
                                       std::to_string(n) + ", ICU's rule picks msgstr[" +
                                       std::to_string(want) + "] (" + cats[static_cast<size_t>(want)] + ")");
                            break;
                        }
                    }
                } catch (const std::exception& e) {
                    report(lang.code, shown_path, "plural-forms", e.what());
                }
            }
        }

        std::map<std::string, const PoEntry*> by_key;
        for (const auto& e : po.entries) by_key[po_key(e.ctx, e.msgid)] = &e;

        std::map<char32_t, std::string> glyph_users;  // code point -> first msgid using it
        for (size_t i = 0; i < pot.entries.size(); ++i) {
            const PoEntry& src = pot.entries[i];
            auto it = by_key.find(po_key(src.ctx, src.msgid));
            if (it == by_key.end()) {
                report(lang.code, shown_path, "missing", shown(src) + " is not in the catalog (run scripts/extract-pot.sh)");
                continue;
            }
            const PoEntry& tr = *it->second;
            if (tr.fuzzy) {
                report(lang.code, shown_path, "fuzzy", shown(src) + " is marked fuzzy (unconfirmed)");
                continue;
            }
            bool any_empty = tr.forms.empty();
            for (const auto& f : tr.forms) any_empty |= f.empty();
            if (any_empty) {
                report(lang.code, shown_path, "untranslated", shown(src) + " has no translation");
                continue;
            }
            // Placeholders: the same names as the source. A plural form may leave out {n}
            // ("one visitor" in words), never add or rename one.
            std::set<std::string> want = names_in(src.msgid);
            for (const auto& n : names_in(src.msgid_plural)) want.insert(n);
            std::set<std::string> want_without_n = want;
            want_without_n.erase("n");
            for (size_t f = 0; f < tr.forms.size(); ++f) {
                std::set<std::string> got = names_in(tr.forms[f]);
                bool ok = got == want || (!src.msgid_plural.empty() && got == want_without_n);
                if (!ok)
                    report(lang.code, shown_path, "placeholders",
                           shown(src) + (tr.forms.size() > 1 ? " msgstr[" + std::to_string(f) + "]" : "") +
                               " has " + join(got) + ", the source has " + join(want));
            }
            for (const auto& f : tr.forms)
                for (char32_t c : code_points(shaped_logical(f))) glyph_users.emplace(c, src.msgid);

            if (button[i]) {
                const std::string& label = tr.forms[0];
                auto lines = wrap_visual(label, opt.button_text_px, lang.rtl, width_of);
                std::string widest;
                bool word_too_wide = false;
                size_t start = 0;
                while (start <= label.size()) {
                    size_t sp = label.find(' ', start);
                    std::string word = label.substr(start, sp == std::string::npos ? std::string::npos : sp - start);
                    if (measure.width(shaped_logical(word)) > opt.button_text_px) {
                        word_too_wide = true;
                        widest = word;
                    }
                    if (sp == std::string::npos) break;
                    start = sp + 1;
                }
                if (word_too_wide || static_cast<int>(lines.size()) > opt.button_max_lines)
                    report(lang.code, shown_path, "too-long",
                           "button label " + shown(src) + " -> \"" + label + "\" needs " +
                               std::to_string(lines.size()) + " lines of " +
                               std::to_string(static_cast<int>(opt.button_text_px)) + " px" +
                               (word_too_wide ? " and the word \"" + widest + "\" alone is too wide" : ""));
            }
        }
        std::vector<char32_t> used;
        for (const auto& [c, who] : glyph_users)
            if (c >= 0x20 && !((c >= 0x200C && c <= 0x200F) || (c >= 0x2066 && c <= 0x2069)))
                used.push_back(c);
        // Each face set (regular for text, bold for buttons and titles) must draw every glyph.
        for (bool bold : {false, true}) {
            FontCoverage cov = cover(used, bundled_fonts(bold));
            std::map<std::string, std::string> by_msgid;  // one line per string, not per letter
            for (char32_t c : cov.uncovered) by_msgid[glyph_users[c]] += " " + describe_code_point(c);
            for (const auto& [msgid, cps] : by_msgid)
                report(lang.code, shown_path, "glyph",
                       "\"" + msgid + "\" uses" + cps + ", in no bundled " +
                           (bold ? "bold" : "regular") + " Noto font");
        }
    }
    return problems;
}

}  // namespace indgang::text
