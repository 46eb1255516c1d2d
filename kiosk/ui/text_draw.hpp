// The one place where the kiosk meets core/text: translation (Translator), right-to-left shaping
// and reordering (visual_line, wrap_visual) and the wrapped, aligned drawing of paragraphs.
// Shaped lines are cached; the cache holds visitor text (nicknames), so a reset clears it.
#pragma once

#include "core/domain/model.hpp"
#include "core/text/catalog.hpp"
#include "ui/layout.hpp"

#include <imgui.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace indgang::kiosk {

enum class Align { Start, Center, End };   // Start = left in LTR, right in RTL

class TextDraw {
public:
    explicit TextDraw(const std::string& i18n_dir);

    void set_language(const std::string& code);
    const std::string& language() const { return lang_code_; }
    bool rtl() const { return rtl_; }
    const std::vector<text::Language>& languages() const { return languages_; }
    const text::Language* find_language(const std::string& code) const;

    const char* tr(const char* msgid) const;
    std::string trn(const char* msgid, const char* plural, long n) const;
    // tr() then "{name}" placeholders replaced by the given values.
    std::string fmt(const char* msgid,
                    std::initializer_list<std::pair<const char*, std::string>> args) const;

    // `logical` broken into lines no wider than max_width, each in visual (display) order.
    const std::vector<std::string>& lines(ImFont* font, float size, std::string_view logical,
                                          float max_width);
    // Draws a paragraph inside `r`, shrinking the size (down to 60 %) until it fits.
    // Returns the height used.
    float paragraph(ImDrawList* dl, ImFont* font, float size, const Rect& r, std::string_view logical,
                    Align align, ImU32 color, bool vcenter = false);
    // What the last paragraph() drew: its size after shrinking and the box its lines cover.
    struct Drawn {
        float px = 0;
        Rect ink;
    };
    const Drawn& last_drawn() const { return last_; }
    // Height the paragraph would take at `size` in width `w` (no shrinking).
    float measure(ImFont* font, float size, std::string_view logical, float w);
    void clear_cache() { cache_.clear(); }

    // Dates and times in the visitor's language (core/text/datetime: 24 h, Western digits).
    std::string day(Instant utc, const std::string& tz) const;
    std::string day(Date d) const;                       // a calendar date, no zone arithmetic
    std::string time(Instant utc, const std::string& tz) const;
    // The language's own comma and space ("، " in Arabic, Farsi, Urdu; "፣ " in Tigrinya).
    std::string comma() const;

    const std::string& i18n_dir() const { return dir_; }
    // The default language from languages.json ("da" when it cannot be read).
    std::string shipped_default() const;

private:
    std::string dir_;
    text::Translator translator_;
    std::vector<text::Language> languages_;
    std::string lang_code_;
    bool rtl_ = false;
    Drawn last_;
    std::unordered_map<std::string, std::vector<std::string>> cache_;
};

}  // namespace indgang::kiosk
