// The catalog check behind `indgang-admin i18n check` and tests/text: everything that would
// make a visitor see English, a box instead of a letter, a garbled sentence or a cut-off button.
#pragma once

#include <string>
#include <vector>

namespace indgang::text {

struct CatalogProblem {
    std::string lang;     // "ar"; "" for problems with the template or languages.json
    std::string where;    // "i18n/ar.po:123" when known
    std::string kind;     // missing | untranslated | fuzzy | placeholders | glyph | too-long |
                          // plural-forms | format | language
    std::string message;  // one plain sentence
};

struct CatalogCheckOptions {
    std::string i18n_dir;       // holds languages.json, indgang.pot, <lang>.po
    std::string source_root;    // repo root, to see which strings label buttons; "" = i18n_dir/..
    // Button labels: the kiosk's widest-common button (a 4-column home grid on a 21.5" 1920x1080
    // screen, 4.03 px/mm) leaves about 85 mm = 340 px for the label beside its icon; labels are
    // drawn in Noto Sans Bold at 8.5 mm = 34 px, and may take two lines.
    float button_text_px = 340.f;
    float button_font_px = 34.f;
    int button_max_lines = 2;
};

// Runs every check; an empty result means the catalogs are fit to ship.
// A msgid is a button label when it has msgctxt "button", a "TRANSLATORS: button" comment, or
// one of its source lines (from the .pot's #: references) calls button(.
std::vector<CatalogProblem> check_catalogs(const CatalogCheckOptions& opt);

// Evaluates a PO Plural-Forms "plural=" C expression for n; throws std::invalid_argument on a
// syntax error. Exposed for tests.
long eval_plural_expression(const std::string& expr, long n);

// Width in pixels of UTF-8 text in a font at px size (FreeType advances, no kerning, like
// ImGui 1.86); code points the font lacks count as 0.
class TextMeasure {
public:
    TextMeasure(const std::vector<std::string>& fonts, float px);
    ~TextMeasure();
    TextMeasure(const TextMeasure&) = delete;
    TextMeasure& operator=(const TextMeasure&) = delete;
    float width(const std::string& utf8) const;

private:
    struct Impl;
    Impl* impl_;
};

}  // namespace indgang::text
