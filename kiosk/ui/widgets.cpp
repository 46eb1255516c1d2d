#include "ui/widgets.hpp"

#include "ui/fast_fill.hpp"

#include "core/text/keyboard.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <string>

namespace indgang::kiosk {

std::string upper(std::string_view utf8, const std::string& lang) {
    std::string out;
    icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())))
        .toUpper(icu::Locale(lang.c_str()))
        .toUTF8String(out);
    return out;
}

namespace {
// For the layout audit: what the paragraph just drawn looked like, on registry entry `index`.
void note_drawn(Ui& ui, size_t index, const char* role, float style_px, ImU32 col) {
    const auto& d = ui.text->last_drawn();
    const unsigned rgb = ((col & 0xffu) << 16) | (col & 0xff00u) | ((col >> 16) & 0xffu);
    ui.reg->set_drawn(index, role, style_px, d.px, {d.ink.x, d.ink.y, d.ink.w, d.ink.h}, rgb);
}
}  // namespace

bool button(Ui& ui, std::string_view label, std::string_view id, const Rect& r, Icon icon, Tone tone,
            bool enabled, std::string_view sublabel) {
    const size_t li = ui.reg->entries().size(), si = li + 1;
    ui.reg->add({std::string(id), std::string(label), {r.x, r.y, r.w, r.h}, true, enabled});
    if (!sublabel.empty()) ui.reg->add({"", std::string(sublabel), {r.x, r.y, r.w, r.h}, false, enabled});

    ImGui::SetCursorScreenPos(ImVec2(r.x, r.y));
    if (!enabled) ImGui::BeginDisabled();
    ImGui::PushID(id.data(), id.data() + id.size());
    const bool clicked = ImGui::InvisibleButton("b", ImVec2(std::max(r.w, 1.0f), std::max(r.h, 1.0f))) ||
                         (enabled && !ui.activate.empty() && ui.activate == id);
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    if (!enabled) ImGui::EndDisabled();

    ImU32 bg = colour::panel, fg = colour::text, edge = colour::border;
    switch (tone) {
    case Tone::Primary: bg = held ? colour::primary_held : colour::primary; fg = colour::on_primary; edge = bg; break;
    case Tone::Selected: bg = colour::primary; fg = colour::on_primary; edge = colour::primary_held; break;
    case Tone::Warn: bg = held ? colour::held : colour::warn_bg; edge = colour::warn; break;
    case Tone::Quiet: bg = held ? colour::held : colour::background; edge = colour::border; break;
    case Tone::Key: bg = held ? colour::held : colour::panel; break;
    case Tone::Normal: bg = held ? colour::held : colour::panel; break;
    }
    if (!enabled) { bg = colour::background; fg = colour::muted; edge = colour::disabled; }
    const float round = ui.mm(3);
    ImDrawList* dl = ui.dl;
    if (tone != Tone::Primary && enabled)   // a soft shadow tells "this can be pressed"
        shadow_rounded(dl, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), IM_COL32(0, 0, 0, 28), round, ui.mm(0.8f));
    frame_rounded(dl, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), bg, edge, round, std::max(1.5f, ui.mm(0.5f)));

    const Fonts& f = *ui.fonts;
    const float pad = std::min(ui.mm(4), r.h * 0.12f);
    Rect inner = r.inset(pad);
    const bool has_text = !label.empty();
    if (icon != Icon::None && !has_text) {
        draw_icon(dl, icon, ImVec2(r.x + r.w / 2, r.y + r.h / 2), std::min(inner.w, inner.h) * 0.8f, fg, ui.rtl());
        return clicked;
    }
    const float label_px = f.bold_px;
    if (icon != Icon::None) {
        const bool stacked = r.w / r.h < 2.0f && r.h > ui.mm(45);
        if (stacked) {
            // Icon, label and sublabel as one block, centred in the tile.
            // Faces are the answer itself, not a decoration beside words: drawn larger.
            const bool face = icon >= Icon::Face1 && icon <= Icon::Face5;
            const float isz = face ? std::min({inner.h * 0.55f, inner.w * 0.85f, ui.mm(38)})
                                   : std::min(inner.h * 0.38f, ui.mm(24));
            const float text_h = ui.text->measure(f.bold, label_px, label, inner.w) +
                                 (sublabel.empty() ? 0 : ui.mm(1) + ui.text->measure(f.body, f.body_px, sublabel, inner.w));
            const float block = isz + ui.mm(5) + text_h;
            inner.take_top(std::max(0.0f, (inner.h - block) / 2));
            draw_icon(dl, icon, ImVec2(r.x + r.w / 2, inner.y + isz / 2), isz, fg, ui.rtl());
            inner.take_top(isz + ui.mm(5));
            float used = ui.text->paragraph(dl, f.bold, label_px, inner, label, Align::Center, fg);
            note_drawn(ui, li, "label", label_px, fg);
            if (!sublabel.empty()) {
                inner.take_top(used + ui.mm(1));
                const ImU32 sub = tone == Tone::Primary ? fg : colour::muted;
                ui.text->paragraph(dl, f.body, f.body_px, inner, sublabel, Align::Center, sub);
                note_drawn(ui, si, "sublabel", f.body_px, sub);
            }
            return clicked;
        }
        const float isz = std::min(inner.h * 0.8f, ui.mm(18));
        if (sublabel.empty()) {
            // Icon and words as one group in the middle: in a wide button (Done, 150 mm) they
            // would otherwise sit at one end with an empty band beside them.
            float words = 0;
            for (const auto& l : ui.text->lines(f.bold, label_px, label, inner.w - isz - ui.mm(5)))
                words = std::max(words, f.bold->CalcTextSizeA(label_px, 1e9f, 0, l.data(), l.data() + l.size()).x);
            const float spare = inner.w - (isz + ui.mm(5) + words + ui.mm(3));   // slack: no re-wrap
            if (spare > 0) inner = {inner.x + spare / 2, inner.y, inner.w - spare, inner.h};
        }
        const Rect group = inner;
        Rect icon_r = ui.m.dir(inner.take_left(isz, ui.mm(5)), group);
        draw_icon(dl, icon, ImVec2(icon_r.x + icon_r.w / 2, icon_r.y + icon_r.h / 2), isz, fg, ui.rtl());
        inner = ui.m.dir(inner, group);
        if (sublabel.empty()) {
            ui.text->paragraph(dl, f.bold, label_px, inner, label, Align::Start, fg, true);
            note_drawn(ui, li, "label", label_px, fg);
        } else {
            const float lh = ui.text->measure(f.bold, label_px, label, inner.w);
            const float sh = ui.text->measure(f.body, f.body_px, sublabel, inner.w);
            Rect t = inner;
            t.y += std::max(0.0f, (inner.h - lh - sh - ui.mm(1)) / 2);
            const float used = ui.text->paragraph(dl, f.bold, label_px, t, label, Align::Start, fg);
            note_drawn(ui, li, "label", label_px, fg);
            t.take_top(used + ui.mm(1));
            const ImU32 sub = tone == Tone::Primary || tone == Tone::Selected ? fg : colour::muted;
            ui.text->paragraph(dl, f.body, f.body_px, t, sublabel, Align::Start, sub);
            note_drawn(ui, si, "sublabel", f.body_px, sub);
        }
        return clicked;
    }
    if (sublabel.empty()) {
        ui.text->paragraph(dl, f.bold, label_px, inner, label, Align::Center, fg, true);
        note_drawn(ui, li, "label", label_px, fg);
    } else {
        const float lh = ui.text->measure(f.bold, label_px, label, inner.w);
        Rect t = inner;
        t.y += std::max(0.0f, (inner.h - lh - f.body_px * 1.2f) / 2);
        const float used = ui.text->paragraph(dl, f.bold, label_px, t, label, Align::Center, fg);
        note_drawn(ui, li, "label", label_px, fg);
        t.take_top(used);
        const ImU32 sub = tone == Tone::Selected || tone == Tone::Primary ? fg : colour::muted;
        ui.text->paragraph(dl, f.body, f.body_px, t, sublabel, Align::Center, sub);
        note_drawn(ui, si, "sublabel", f.body_px, sub);
    }
    return clicked;
}

void panel(Ui& ui, const Rect& r, ImU32 fill, float rounding, ImU32 border, float thickness) {
    if (thickness > 0)
        frame_rounded(ui.dl, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), fill, border, rounding, thickness);
    else
        fill_rounded(ui.dl, ImVec2(r.x, r.y), ImVec2(r.right(), r.bottom()), fill, rounding);
}

float text_block(Ui& ui, const Rect& r, std::string_view s, ImFont* font, float size, Align align, ImU32 col,
                 bool vcenter) {
    const size_t i = ui.reg->entries().size();
    ui.reg->add({"", std::string(s), {r.x, r.y, r.w, r.h}, false, true});
    const float used = ui.text->paragraph(ui.dl, font, size, r, s, align, col, vcenter);
    note_drawn(ui, i, "text", size, col);
    return used;
}

namespace {
const char* done_where(const Ui& ui) {
    return ui.tr("When you tap Done, the screen goes back to the start for the next person.");
}
}  // namespace

Rect reserve_done(Ui& ui, Rect& area) {
    const float w = std::min(area.w, ui.mm(260));
    const float h = ui.mm(28) + ui.m.gap() + ui.text->measure(ui.fonts->body, ui.fonts->body_px, done_where(ui), w);
    return area.take_bottom(h, ui.m.gap() * 2);
}

bool done_button(Ui& ui, Rect band) {
    const Fonts& f = *ui.fonts;
    const Rect done = band.take_bottom(ui.mm(28), ui.m.gap()).centered(std::min(band.w, ui.mm(150)), ui.mm(28));
    const float w = std::min(band.w, ui.mm(260));
    text_block(ui, band.centered(w, band.h), done_where(ui), f.body, f.body_px, Align::Center, colour::muted);
    return button(ui, ui.tr("Done"), "done", done, Icon::Check, Tone::Primary);
}

Rect screen_frame(Ui& ui, std::string_view title, unsigned nav, Intent& out) {
    const Metrics& m = ui.m;
    const Fonts& f = *ui.fonts;
    // No full-screen fill: the platform clears to the background colour, and SDL's software
    // renderer pays per pixel for every triangle.
    Rect area = m.screen().inset(m.margin());
    const float bar_h = ui.mm(22);
    Rect bar = area.take_top(bar_h, m.gap() * 1.5f);
    Rect row = bar;
    // Back and Start are as wide as their words need at the label size (the audit found
    // "Aallarniut", "Początek", "На початок" shrunk in 48–58 mm), within what the bar can give.
    const float speaker = ui.mm(22) + m.gap();   // the read-aloud button's place at the end
    const int n_nav = (nav & NavBack ? 1 : 0) + (nav & NavHome ? 1 : 0);
    float nav_w = ui.mm(m.portrait() ? 48 : 58);
    if (n_nav) {
        const float pad = std::min(ui.mm(4), bar_h * 0.12f);
        const float isz = std::min((bar_h - 2 * pad) * 0.8f, ui.mm(18));
        float words = 0;
        for (const char* l : {ui.tr("Back"), ui.tr("Start")})
            words = std::max(words, f.bold->CalcTextSizeA(f.bold_px, 1e9f, 0, l).x);
        const float need = 2 * pad + isz + ui.mm(5) + words + ui.mm(4);
        const float most = (bar.w - speaker - m.gap() * n_nav) / n_nav * (m.portrait() ? 1.0f : 0.6f);
        nav_w = std::clamp(need, nav_w, std::max(nav_w, most));
    }
    if (nav & NavBack) {
        Rect b = m.dir(row.take_left(nav_w, m.gap()), bar);
        if (button(ui, ui.tr("Back"), "back", b, Icon::Back, Tone::Quiet)) out.act = Act::Back;
    }
    if (nav & NavHome) {
        Rect b = m.dir(row.take_left(nav_w, m.gap()), bar);
        if (button(ui, ui.tr("Start"), "home", b, Icon::Home, Tone::Quiet)) out.act = Act::Home;
    }
    if (!title.empty()) {
        // Between the navigation and the speaker when it fits there on one line at the title
        // size; otherwise on a row of its own under the bar, full width. Never under a button,
        // never shrunk.
        Rect t{row.x, row.y, std::max(0.0f, row.w - speaker), row.h};
        const bool one_line = t.w > 0 && ui.text->lines(f.title, f.title_px, title, t.w).size() == 1;
        if (one_line) {
            t = m.dir(t, bar);
        } else {
            const float h = ui.text->measure(f.title, f.title_px, title, area.w);
            t = area.take_top(h, m.gap());
        }
        const size_t ti = ui.reg->entries().size();
        text_block(ui, t, title, f.title, f.title_px, nav || !one_line ? Align::Center : Align::Start,
                   colour::text, true);
        ui.reg->set_drawn_role(ti, "title");
    }
    return area;
}

Intent keypad(Ui& ui, const Rect& r, bool ok_enabled, std::string_view ok_label) {
    Intent out;
    static const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", ""};
    const float gap = ui.m.gap();
    const float key = std::min((r.w - 2 * gap) / 3, (r.h - 4 * gap) / 5);
    const float w = key * 3 + 2 * gap;
    Rect pad{r.x + (r.w - w) / 2, r.y, w, key * 4 + 3 * gap};
    for (int i = 0; i < 12; ++i) {
        Rect k{pad.x + (i % 3) * (key + gap), pad.y + (i / 3) * (key + gap), key, key};
        if (i == 9) continue;
        if (i == 11) {
            if (button(ui, "", "key_back", k, Icon::Backspace, Tone::Key)) out.act = Act::KeyBackspace;
            continue;
        }
        const std::string id = std::string("key_") + keys[i];
        const std::string_view label = keys[i];
        ui.reg->add({id, std::string(label), {k.x, k.y, k.w, k.h}, true, true});
        ImGui::SetCursorScreenPos(ImVec2(k.x, k.y));
        ImGui::PushID(id.c_str());
        const bool hit = ImGui::InvisibleButton("k", ImVec2(k.w, k.h)) || ui.activate == id;
        const bool held = ImGui::IsItemActive();
        ImGui::PopID();
        shadow_rounded(ui.dl, ImVec2(k.x, k.y), ImVec2(k.right(), k.bottom()), IM_COL32(0, 0, 0, 28), ui.mm(3),
                       ui.mm(0.8f));
        frame_rounded(ui.dl, ImVec2(k.x, k.y), ImVec2(k.right(), k.bottom()), held ? colour::held : colour::panel,
                      colour::border, ui.mm(3), ui.mm(0.5f));
        const float px = std::min(key * 0.6f, ui.fonts->title_px);   // the baked size: crisp
        const ImVec2 sz = ui.fonts->title->CalcTextSizeA(px, 1e9f, 0, label.data(), label.data() + label.size());
        ui.dl->AddText(ui.fonts->title, px, ImVec2(k.x + (k.w - sz.x) / 2, k.y + (k.h - sz.y) / 2), colour::text,
                       label.data(), label.data() + label.size());
        if (hit) { out.act = Act::KeyText; out.text = label; }
    }
    if (!ok_label.empty()) {
        Rect ok{pad.x, pad.bottom() + gap, pad.w, std::min(key, r.bottom() - pad.bottom() - gap)};
        if (button(ui, ok_label, "ok", ok, Icon::Check, Tone::Primary, ok_enabled)) out.act = Act::SubmitCode;
    }
    return out;
}

Intent keyboard(Ui& ui, const Rect& r, const text::KeyboardLayout& layout, bool shift) {
    Intent out;
    const float gap = ui.mm(2.5f);
    size_t cols = 10;
    for (const auto& row : layout.rows) cols = std::max(cols, row.size());
    const int rows = static_cast<int>(layout.rows.size()) + 1;   // + the space row
    const float key_w = std::min((r.w - gap * (cols - 1)) / cols, ui.mm(24));
    const float key_h = std::min((r.h - gap * (rows - 1)) / rows, ui.mm(20));
    const std::string& lang = ui.text->language();
    bool has_case = false;
    for (const auto& row : layout.rows)
        for (const auto& k : row) has_case = has_case || upper(k, lang) != k;

    float y = r.y;
    for (const auto& row : layout.rows) {
        const float row_w = row.size() * key_w + (row.size() - 1) * gap;
        float x = r.x + (r.w - row_w) / 2;
        for (const auto& k : row) {
            const std::string shown = shift ? upper(k, lang) : k;
            const Rect kr{x, y, key_w, key_h};
            if (button(ui, shown, "key_" + k, kr, Icon::None, Tone::Key)) {
                out.act = Act::KeyText;
                out.text = shown;
            }
            x += key_w + gap;
        }
        y += key_h + gap;
    }
    // Bottom row: Shift, space, backspace.
    const float wide = key_w * 2 + gap;
    const float space_w = std::min(key_w * 6 + gap * 5, r.w - 2 * (wide + gap));
    const float row_w = (has_case ? wide + gap : 0) + space_w + gap + wide;
    float x = r.x + (r.w - row_w) / 2;
    if (has_case) {
        Rect kr = Rect{x, y, wide, key_h};
        if (button(ui, "", "key_shift", kr, Icon::Shift, shift ? Tone::Selected : Tone::Key)) out.act = Act::KeyShift;
        x += wide + gap;
    }
    Rect sp = Rect{x, y, space_w, key_h};
    if (button(ui, "", "key_space", sp, Icon::Space, Tone::Key)) out.act = Act::KeySpace;
    x += space_w + gap;
    Rect bk = Rect{x, y, wide, key_h};
    if (button(ui, "", "key_back", bk, Icon::Backspace, Tone::Key)) out.act = Act::KeyBackspace;
    return out;
}

bool focus_ring(Ui& ui, const std::string& id) {
    if (id.empty()) return false;
    for (const auto& e : ui.reg->entries()) {
        if (e.id != id) continue;
        // Outside the widget, on the page: dark text colour (≥ 14:1 on the page) with a white
        // inner edge so it also stands out against a teal (selected or primary) button.
        const float out = ui.mm(2.2f), th = ui.mm(1.4f);
        const ImVec2 a(e.rect.x - out, e.rect.y - out), b(e.rect.x + e.rect.w + out, e.rect.y + e.rect.h + out);
        ui.dl->AddRect(a, b, colour::text, ui.mm(4), 0, th);
        ui.dl->AddRect(ImVec2(a.x + th, a.y + th), ImVec2(b.x - th, b.y - th), colour::panel, ui.mm(3.5f), 0,
                       ui.mm(0.5f));
        return true;
    }
    return false;
}

std::vector<Rect> paged_grid(Ui& ui, Rect area, int n, int cols, float min_cell_h, float max_cell_h, int page,
                             int& first, Intent& out) {
    const float gap = ui.m.gap();
    int rows = std::max(1, static_cast<int>((area.h + gap) / (min_cell_h + gap)));
    int per_page = rows * cols;
    if (n > per_page) {   // room for the pager row
        Rect pager = area.take_bottom(ui.mm(20), gap);
        rows = std::max(1, static_cast<int>((area.h + gap) / (min_cell_h + gap)));
        per_page = rows * cols;
        const int pages = (n + per_page - 1) / per_page;
        page = std::clamp(page, 0, pages - 1);
        const float bw = std::min(pager.w / 2 - gap, ui.mm(80));
        Rect prev = ui.m.dir(Rect{pager.x, pager.y, bw, pager.h}, pager);
        Rect next = ui.m.dir(Rect{pager.right() - bw, pager.y, bw, pager.h}, pager);
        if (button(ui, ui.tr("Earlier"), "page_prev", prev, Icon::None, Tone::Quiet, page > 0)) out.act = Act::PagePrev;
        if (button(ui, ui.tr("Later"), "page_next", next, Icon::None, Tone::Quiet, page + 1 < pages))
            out.act = Act::PageNext;
    } else {
        page = 0;
    }
    first = page * per_page;
    const int count = std::min(per_page, n - first);
    const int used_rows = std::max(1, std::min(rows, (count + cols - 1) / cols));
    const float cell_h = std::min(max_cell_h, (area.h - gap * (used_rows - 1)) / used_rows);
    Rect top{area.x, area.y, area.w, cell_h * used_rows + gap * (used_rows - 1)};
    auto cells = grid(ui.m, top, count, cols, gap, cell_h);
    return cells;
}

void code_display(Ui& ui, const Rect& r, std::string_view code, int length, ImU32 col) {
    // One box per digit, so a half-typed code shows how many are missing.
    const float gap = ui.mm(3);
    const float box_w = std::min((r.w - gap * (length - 1)) / length, r.h * 0.8f);
    const float total = box_w * length + gap * (length - 1);
    float x = r.x + (r.w - total) / 2;   // digits read left to right in every language
    const float px = std::min(ui.fonts->huge_px, r.h * 0.8f);
    ui.reg->add({"code", std::string(code), {r.x, r.y, r.w, r.h}, false, true});
    for (int i = 0; i < length; ++i) {
        const bool cursor = i == static_cast<int>(code.size());
        frame_rounded(ui.dl, ImVec2(x, r.y), ImVec2(x + box_w, r.bottom()), colour::panel,
                      cursor ? colour::primary : colour::border, ui.mm(2), cursor ? ui.mm(1) : ui.mm(0.5f));
        if (i < static_cast<int>(code.size())) {
            const char* d = code.data() + i;
            const ImVec2 sz = ui.fonts->huge->CalcTextSizeA(px, 1e9f, 0, d, d + 1);
            ui.dl->AddText(ui.fonts->huge, px, ImVec2(x + (box_w - sz.x) / 2, r.y + (r.h - sz.y) / 2), col, d, d + 1);
        }
        x += box_w + gap;
    }
}

}  // namespace indgang::kiosk
