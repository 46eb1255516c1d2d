#include "ui/text_draw.hpp"

#include "core/text/bidi.hpp"
#include "core/text/datetime.hpp"
#include "core/text/placeholders.hpp"

#include <algorithm>
#include <chrono>
#include <map>
#include <cstdio>

namespace indgang::kiosk {

TextDraw::TextDraw(const std::string& i18n_dir) : dir_(i18n_dir), translator_(i18n_dir) {
    languages_ = translator_.languages();
    if (languages_.empty()) {
        // No languages.json: still usable in Danish and English (the source language).
        languages_.push_back({"da", "Dansk", false, "da", "da", false});
        languages_.push_back({"en", "English", false, "latin", "en", false});
    }
}

const text::Language* TextDraw::find_language(const std::string& code) const {
    for (const auto& l : languages_)
        if (l.code == code) return &l;
    return nullptr;
}

void TextDraw::set_language(const std::string& code) {
    if (code == lang_code_) return;
    try {
        translator_.set_language(code);
    } catch (const std::exception& e) {
        // A broken catalog must not take the kiosk down: the visitor gets the source text.
        std::fprintf(stderr, "indgang-kiosk: language %s unavailable: %s\n", code.c_str(), e.what());
    }
    lang_code_ = code;
    const auto* lang = find_language(code);
    rtl_ = lang && lang->rtl;
    cache_.clear();
}

const char* TextDraw::tr(const char* msgid) const { return translator_.tr(msgid); }

std::string TextDraw::trn(const char* msgid, const char* plural, long n) const {
    return text::fill(translator_.trn(msgid, plural, n), {{"n", text::format_number(n, lang_code_)}}, rtl_);
}

std::string TextDraw::fmt(const char* msgid,
                          std::initializer_list<std::pair<const char*, std::string>> args) const {
    std::map<std::string, std::string> values;
    for (const auto& [name, value] : args) values[name] = value;
    // In RTL languages each value is isolated so a Latin nickname or a time keeps its direction.
    return text::fill(tr(msgid), values, rtl_);
}

std::string TextDraw::day(Instant utc, const std::string& tz) const { return text::format_day(utc, lang_code_, tz); }

std::string TextDraw::day(Date d) const {
    // Noon UTC of the date, shown in UTC: the calendar date itself whatever the zone.
    const int64_t days = std::chrono::sys_days{d}.time_since_epoch().count();
    return text::format_day(days * 86400 + 43200, lang_code_, "UTC");
}

std::string TextDraw::time(Instant utc, const std::string& tz) const { return text::format_time(utc, lang_code_, tz); }

std::string TextDraw::comma() const { return text::list_comma(lang_code_); }

std::string TextDraw::shipped_default() const {
    try {
        return text::default_language(dir_);
    } catch (const std::exception&) {
        return "da";
    }
}

const std::vector<std::string>& TextDraw::lines(ImFont* font, float size, std::string_view logical,
                                                float max_width) {
    std::string key;
    key.reserve(logical.size() + 40);
    char head[64];
    std::snprintf(head, sizeof head, "%p|%.1f|%.0f|", static_cast<void*>(font), size, max_width);
    key += head;
    key += logical;
    auto it = cache_.find(key);
    if (it != cache_.end()) return it->second;
    auto width_of = [font, size](std::string_view s) {
        return font->CalcTextSizeA(size, 1e9f, 0.0f, s.data(), s.data() + s.size()).x;
    };
    std::vector<std::string> out;
    // Explicit line breaks in a string are kept; each piece is wrapped on its own.
    size_t start = 0;
    while (start <= logical.size()) {
        size_t nl = logical.find('\n', start);
        if (nl == std::string_view::npos) nl = logical.size();
        auto part = logical.substr(start, nl - start);
        if (part.empty()) out.emplace_back();
        else
            for (auto& l : text::wrap_visual(part, max_width, rtl_, width_of)) out.push_back(std::move(l));
        start = nl + 1;
    }
    return cache_.emplace(std::move(key), std::move(out)).first->second;
}

float TextDraw::measure(ImFont* font, float size, std::string_view logical, float w) {
    return static_cast<float>(lines(font, size, logical, w).size()) * size * 1.2f;
}

float TextDraw::paragraph(ImDrawList* dl, ImFont* font, float size, const Rect& r, std::string_view logical,
                          Align align, ImU32 color, bool vcenter) {
    float s = size;
    const std::vector<std::string>* ls = &lines(font, s, logical, r.w);
    auto too_wide = [&] {
        for (const auto& l : *ls)
            if (font->CalcTextSizeA(s, 1e9f, 0, l.data(), l.data() + l.size()).x > r.w + 0.5f) return true;
        return false;
    };
    while ((ls->size() * s * 1.2f > r.h + 0.5f || too_wide()) && s > size * 0.6f) {
        s *= 0.9f;
        ls = &lines(font, s, logical, r.w);
    }
    const float line_h = s * 1.2f;
    const float total = ls->size() * line_h;
    float y = r.y + (vcenter ? std::max(0.0f, (r.h - total) / 2) : 0.0f);
    Align a = align;
    if (rtl_ && a == Align::Start) a = Align::End;
    else if (rtl_ && a == Align::End) a = Align::Start;
    float ink_l = 1e9f, ink_r = -1e9f;
    const float ink_top = y + (line_h - s) / 2;
    for (const auto& l : *ls) {
        const float w = font->CalcTextSizeA(s, 1e9f, 0, l.data(), l.data() + l.size()).x;
        float x = r.x;
        if (a == Align::Center) x = r.x + (r.w - w) / 2;
        else if (a == Align::End) x = r.right() - w;
        dl->AddText(font, s, ImVec2(x, y + (line_h - s) / 2), color, l.data(), l.data() + l.size());
        if (w > 0) { ink_l = std::min(ink_l, x); ink_r = std::max(ink_r, x + w); }
        y += line_h;
    }
    last_.px = s;
    last_.ink = ink_r > ink_l ? Rect{ink_l, ink_top, ink_r - ink_l, y - line_h + (line_h + s) / 2 - ink_top} : Rect{};
    return total;
}

}  // namespace indgang::kiosk
