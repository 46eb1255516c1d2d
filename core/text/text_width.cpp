#include "core/text/text_width.hpp"

#include "core/text/glyphs.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace indgang::text {

namespace {

// One face stack per family, opened once: the report measures every label of every chart.
struct Family {
    std::vector<FT_Face> faces;
};

struct Faces {
    FT_Library lib = nullptr;
    Family families[2][2];   // [bold][Noto, DejaVu]

    Faces() {
        if (FT_Init_FreeType(&lib)) { lib = nullptr; return; }
        for (int bold = 0; bold < 2; ++bold) {
            open(families[bold][0], bundled_fonts(bold != 0));
            open(families[bold][1], {bold ? "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
                                          : "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"});
            // DejaVu lacks Arabic and Ethiopic: those come from the Noto faces there too.
            if (!families[bold][1].faces.empty())
                for (const auto& path : bundled_fonts(bold != 0)) open(families[bold][1], {path});
        }
    }
    ~Faces() {
        for (auto& by_weight : families)
            for (auto& fam : by_weight)
                for (FT_Face f : fam.faces) FT_Done_Face(f);
        if (lib) FT_Done_FreeType(lib);
    }
    Faces(const Faces&) = delete;
    Faces& operator=(const Faces&) = delete;

    void open(Family& fam, const std::vector<std::string>& paths) {
        if (!lib) return;
        for (const auto& path : paths) {
            FT_Face face = nullptr;
            if (FT_New_Face(lib, path.c_str(), 0, &face) == 0) fam.faces.push_back(face);
        }
    }
};

// Width in em of the text in one family; nothing when the family has no face.
double width_em(const Family& fam, const std::vector<char32_t>& cps) {
    double em = 0;
    for (char32_t c : cps) {
        double advance = 1.0;
        for (FT_Face f : fam.faces) {
            const FT_UInt glyph = FT_Get_Char_Index(f, c);
            if (!glyph) continue;
            if (FT_Load_Glyph(f, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING) == 0)
                advance = static_cast<double>(f->glyph->advance.x) / f->units_per_EM;
            break;
        }
        em += advance;
    }
    return em;
}

}  // namespace

double text_width_px(std::string_view utf8, double px, bool bold) {
    static const Faces faces;
    const std::vector<char32_t> cps = code_points(std::string(utf8));
    double em = 0;
    bool measured = false;
    for (const Family& fam : faces.families[bold ? 1 : 0]) {
        if (fam.faces.empty()) continue;
        em = std::max(em, width_em(fam, cps));
        measured = true;
    }
    if (!measured) em = 0.62 * static_cast<double>(cps.size());
    return em * px;
}

}  // namespace indgang::text
