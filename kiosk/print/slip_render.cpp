#include "print/slip_render.hpp"

#include "core/text/bidi.hpp"
#include "core/text/glyphs.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>
#include <memory>
#include <stdexcept>

namespace indgang::kiosk {

namespace {

// Sizes in printer dots (203 dpi, 8 dots per mm): body text 3.4 mm tall, the code 11 mm, so it
// reads at arm's length like the screen's receipt.
int px_of(SlipLine::Size s) {
    switch (s) {
    case SlipLine::Size::Small: return 22;
    case SlipLine::Size::Body: return 27;
    case SlipLine::Size::Title: return 36;
    case SlipLine::Size::Huge: return 88;
    }
    return 27;
}
constexpr int kMargin = 12;        // dots each side: printers lose a little at the paper's edge
constexpr int kBoxPad = 10;

// The faces, opened once per render (a slip is printed a few times an hour; a cache would live
// across threads for nothing).
class Faces {
public:
    explicit Faces(bool bold) {
        if (FT_Init_FreeType(&lib_)) throw std::runtime_error("FreeType failed to initialise");
        for (const auto& path : text::bundled_fonts(bold)) {
            FT_Face f = nullptr;
            if (FT_New_Face(lib_, path.c_str(), 0, &f) == 0) faces_.push_back(f);
        }
        if (faces_.empty()) {
            FT_Done_FreeType(lib_);
            throw std::runtime_error("slip: Noto fonts missing (install fonts-noto-core)");
        }
    }
    ~Faces() {
        for (FT_Face f : faces_) FT_Done_Face(f);
        FT_Done_FreeType(lib_);
    }
    Faces(const Faces&) = delete;
    Faces& operator=(const Faces&) = delete;

    void size(int px) {
        for (FT_Face f : faces_) FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(px));
    }
    // The first face with the glyph, as the merged ImGui font picks it; nullptr = none has it.
    FT_Face face_for(char32_t cp, FT_UInt& index) const {
        for (FT_Face f : faces_)
            if ((index = FT_Get_Char_Index(f, cp)) != 0) return f;
        return nullptr;
    }
    int ascender() const {
        long a = 0;
        for (FT_Face f : faces_) a = std::max<long>(a, f->size->metrics.ascender);
        return static_cast<int>(a >> 6);
    }
    int descender() const {
        long d = 0;
        for (FT_Face f : faces_) d = std::min<long>(d, f->size->metrics.descender);
        return static_cast<int>(-d >> 6);
    }

private:
    FT_Library lib_ = nullptr;
    std::vector<FT_Face> faces_;
};

int advance(Faces& faces, char32_t cp) {
    FT_UInt gi = 0;
    FT_Face f = faces.face_for(cp, gi);
    if (!f || FT_Load_Glyph(f, gi, FT_LOAD_DEFAULT)) return 0;
    return static_cast<int>(std::lround(f->glyph->advance.x / 64.0));
}

int width_of(Faces& faces, std::string_view visual) {
    int w = 0;
    for (char32_t cp : text::code_points(std::string(visual))) w += advance(faces, cp);
    return w;
}

// Draws one visual-order line with its pen starting at x, baseline at y. Grey coverage is cut at
// half: thermal dots are on or off, and 50 % keeps stems as wide as they are on screen.
void draw_line(print::Raster& r, Faces& faces, std::string_view visual, int x, int baseline,
               SlipRenderInfo* info) {
    for (char32_t cp : text::code_points(std::string(visual))) {
        FT_UInt gi = 0;
        FT_Face f = faces.face_for(cp, gi);
        if (!f) {
            if (info && cp > 0x20) info->missing.push_back(cp);
            continue;
        }
        if (FT_Load_Glyph(f, gi, FT_LOAD_RENDER)) continue;
        const FT_GlyphSlot g = f->glyph;
        const FT_Bitmap& bm = g->bitmap;
        for (unsigned row = 0; row < bm.rows; ++row)
            for (unsigned col = 0; col < bm.width; ++col) {
                if (bm.buffer[row * bm.pitch + col] < 128) continue;
                const int px = x + g->bitmap_left + static_cast<int>(col);
                const int py = baseline - g->bitmap_top + static_cast<int>(row);
                if (px >= 0 && px < r.width && py >= 0 && py < r.height) r.set(px, py);
            }
        x += static_cast<int>(std::lround(g->advance.x / 64.0));
    }
}

void hline(print::Raster& r, int x0, int x1, int y, int thick, int dash = 0) {
    for (int t = 0; t < thick; ++t)
        for (int x = std::max(0, x0); x < std::min(r.width, x1); ++x)
            if (y + t >= 0 && y + t < r.height && (dash == 0 || (x / dash) % 2 == 0)) r.set(x, y + t);
}
void vline(print::Raster& r, int x, int y0, int y1, int thick) {
    for (int t = 0; t < thick; ++t)
        for (int y = std::max(0, y0); y < std::min(r.height, y1); ++y)
            if (x + t >= 0 && x + t < r.width) r.set(x + t, y);
}

struct Laid {
    const SlipLine* line;
    std::vector<std::string> visual;   // wrapped lines, display order
    int ascent = 0, line_h = 0, height = 0;
};

}  // namespace

print::Raster render_slip(const Slip& slip, int width_dots, SlipRenderInfo* info) {
    Faces regular(false), bold(true);
    const int text_w = width_dots - 2 * kMargin;

    // Pass 1: wrap and measure, so the raster is exactly as tall as the slip (paper is the cost).
    std::vector<Laid> laid;
    int total = kMargin;
    for (const auto& l : slip.lines) {
        Laid d{&l, {}, 0, 0, 0};
        if (l.kind == SlipLine::Kind::Gap) d.height = 16;
        else if (l.kind == SlipLine::Kind::Rule) d.height = 20;
        else {
            Faces& faces = l.bold ? bold : regular;
            faces.size(px_of(l.size));
            d.ascent = faces.ascender();
            d.line_h = d.ascent + faces.descender();
            const int avail = text_w - (l.boxed ? 2 * kBoxPad : 0);
            d.visual = text::wrap_visual(l.text, static_cast<float>(avail), l.rtl,
                                         [&](std::string_view s) { return static_cast<float>(width_of(faces, s)); });
            d.height = d.line_h * static_cast<int>(std::max<size_t>(1, d.visual.size())) + (l.boxed ? 2 * kBoxPad : 4);
        }
        laid.push_back(std::move(d));
        total += laid.back().height;
    }
    print::Raster r = print::Raster::blank(width_dots, total + kMargin);

    // Pass 2: draw.
    int y = kMargin;
    for (const auto& d : laid) {
        const SlipLine& l = *d.line;
        if (l.kind == SlipLine::Kind::Rule) hline(r, kMargin, width_dots - kMargin, y + d.height / 2 - 1, 2, 6);
        if (l.kind != SlipLine::Kind::Text) { y += d.height; continue; }
        Faces& faces = l.bold ? bold : regular;
        faces.size(px_of(l.size));
        int ly = y + (l.boxed ? kBoxPad : 0);
        int widest = 0;
        for (const auto& v : d.visual) widest = std::max(widest, width_of(faces, v));
        for (const auto& v : d.visual) {
            const int w = width_of(faces, v);
            const int x = l.center ? (width_dots - w) / 2 : l.rtl ? width_dots - kMargin - w : kMargin;
            draw_line(r, faces, v, x, ly + d.ascent, info);
            ly += d.line_h;
        }
        if (l.boxed) {
            const int bx0 = l.center ? (width_dots - widest) / 2 - kBoxPad * 2 : kMargin;
            const int bx1 = l.center ? (width_dots + widest) / 2 + kBoxPad * 2 : width_dots - kMargin;
            hline(r, bx0, bx1, y, 4);
            hline(r, bx0, bx1, y + d.height - 4, 4);
            vline(r, bx0, y, y + d.height, 4);
            vline(r, bx1 - 4, y, y + d.height, 4);
        }
        y += d.height;
    }
    if (info) {
        std::sort(info->missing.begin(), info->missing.end());
        info->missing.erase(std::unique(info->missing.begin(), info->missing.end()), info->missing.end());
    }
    return r;
}

}  // namespace indgang::kiosk
