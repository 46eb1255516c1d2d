// Font-atlas cost per language set: time to collect the code points (catalogs, shaped forms,
// keyboards, ICU dates), time to rasterise them with FreeType at the kiosk's four sizes, and an
// estimate of the atlas ImGui 1.86 would build (its width rule; packed area + 10 %).
// The kiosk reports the real ImGui atlas; this isolates the text side.
// Run: build-<you>/bench/bench-text_atlas [i18n dir]
#include "core/text/catalog.hpp"
#include "core/text/glyphs.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace indgang::text;
using Clock = std::chrono::steady_clock;

namespace {

struct Size {
    const char* name;
    float px;
    bool bold;
    bool ascii_only;  // the kiosk bakes the huge size for digits/codes only
};
// kiosk/ui/fonts.cpp at 4.03 px/mm (21.5" 1920x1080): 7.5, 8.5, 12 and 26 mm.
const Size kSizes[] = {{"body", 30, false, false}, {"bold", 34, true, false},
                       {"title", 48, true, false}, {"huge", 105, true, true}};

struct Result {
    size_t code_points = 0, glyphs = 0;
    double collect_ms = 0, raster_ms = 0;
    long area = 0;
    int atlas_w = 0, atlas_h = 0;
};

double ms_since(Clock::time_point t) {
    return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

Result measure(const std::string& dir, const std::vector<std::string>& langs) {
    Result r;
    auto t0 = Clock::now();
    auto cps = needed_code_points(dir, langs);
    r.collect_ms = ms_since(t0);
    r.code_points = cps.size();

    FT_Library lib;
    FT_Init_FreeType(&lib);
    auto t1 = Clock::now();
    for (const Size& s : kSizes) {
        std::vector<FT_Face> faces;
        for (const auto& path : bundled_fonts(s.bold)) {
            FT_Face f;
            if (FT_New_Face(lib, path.c_str(), 0, &f) == 0) {
                FT_Set_Pixel_Sizes(f, 0, static_cast<FT_UInt>(s.px));
                faces.push_back(f);
            }
        }
        for (char32_t c : cps) {
            if (s.ascii_only && c > 0x7E) continue;
            for (FT_Face f : faces) {
                if (!FT_Get_Char_Index(f, c)) continue;
                if (FT_Load_Char(f, c, FT_LOAD_RENDER) == 0) {
                    // ImGui packs with 1 px padding (TexGlyphPadding).
                    r.area += static_cast<long>(f->glyph->bitmap.width + 1) * (f->glyph->bitmap.rows + 1);
                    ++r.glyphs;
                }
                break;
            }
        }
        for (FT_Face f : faces) FT_Done_Face(f);
    }
    r.raster_ms = ms_since(t1);
    FT_Done_FreeType(lib);

    // ImGui 1.86 ImFontAtlasBuildWithStbTruetype: width by glyph count, height a power of two.
    r.atlas_w = r.glyphs >= 4000 ? 4096 : r.glyphs >= 2000 ? 2048 : r.glyphs >= 1000 ? 1024 : 512;
    long need_h = static_cast<long>(r.area * 1.10 / r.atlas_w) + 1;
    r.atlas_h = 1;
    while (r.atlas_h < need_h) r.atlas_h *= 2;
    return r;
}

void print(const char* label, const Result& r) {
    // The SDL_Renderer backend uploads RGBA32: 4 bytes per texel.
    double mib = static_cast<double>(r.atlas_w) * r.atlas_h * 4 / (1024.0 * 1024.0);
    std::printf("%-22s %5zu cps %6zu glyphs  collect %7.1f ms  raster %7.1f ms  atlas ~%dx%d (%.1f MiB RGBA)\n",
                label, r.code_points, r.glyphs, r.collect_ms, r.raster_ms, r.atlas_w, r.atlas_h, mib);
}

}  // namespace

int main(int argc, char** argv) {
    std::string dir = argc > 1 ? argv[1] : INDGANG_SOURCE_DIR "/i18n";
    auto langs = shipped_languages(dir);
    std::printf("Font atlas per language set (sizes: body 30, bold 34, title 48 px; huge 105 px ASCII)\n");
    for (const auto& l : langs) print(("  " + l.code).c_str(), measure(dir, {l.code}));
    print("  latin (da en kl so tr pl ro)", measure(dir, {"da", "en", "kl", "so", "tr", "pl", "ro"}));
    print("  arabic script (ar fa ur)", measure(dir, {"ar", "fa", "ur"}));
    print("  all 12", measure(dir, {}));
    // Repeat the full set to see the steady cost (ICU data and fonts already paged in).
    print("  all 12 (again)", measure(dir, {}));
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("peak RSS %.1f MiB\n", ru.ru_maxrss / 1024.0);
    return 0;
}
