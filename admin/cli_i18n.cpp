// `indgang-admin i18n ...`: the catalog check CI runs, and what translators and staff ask about
// the languages (which exist, which are reviewed, which can read aloud).
#include "commands.hpp"

#include "core/install/data_dir.hpp"
#include "core/text/catalog.hpp"
#include "core/text/catalog_check.hpp"
#include "core/text/glyphs.hpp"
#include "core/text/speech.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdio>
#include <memory>

namespace indgang::admin {

namespace {

struct I18nOptions {
    std::string dir;          // "" = the installed catalogs (install::i18n_dir())
    std::string source_root;  // "" = the i18n dir's parent
    std::vector<std::string> langs;
};

// The installed catalogs unless --i18n names others; resolved only when a command runs, so a
// broken install does not stop the rest of the tool.
I18nOptions resolved(const I18nOptions& o) {
    I18nOptions r = o;
    if (r.dir.empty()) r.dir = install::i18n_dir();
    return r;
}

void run_check(const Context& ctx, const I18nOptions& o) {
    text::CatalogCheckOptions opt;
    opt.i18n_dir = o.dir;
    opt.source_root = o.source_root;
    auto problems = text::check_catalogs(opt);
    if (ctx.json) {
        nlohmann::json out = nlohmann::json::array();
        for (const auto& p : problems)
            out.push_back({{"lang", p.lang}, {"where", p.where}, {"kind", p.kind}, {"message", p.message}});
        std::printf("%s\n", out.dump(2).c_str());
    } else {
        for (const auto& p : problems)
            std::printf("%s: %s [%s] %s\n", p.where.c_str(), p.lang.empty() ? "-" : p.lang.c_str(),
                        p.kind.c_str(), p.message.c_str());
        if (problems.empty())
            std::printf("i18n check: all %zu catalogs complete, placeholders match, every glyph "
                        "has a font, every button label fits\n",
                        text::shipped_languages(o.dir).size());
        else
            std::fprintf(stderr, "i18n check: %zu problem(s)\n", problems.size());
    }
    if (!problems.empty()) throw CLI::RuntimeError(1);
}

void run_languages(const Context& ctx, const I18nOptions& o) {
    auto langs = text::shipped_languages(o.dir);
    auto voices = text::available_voices();
    nlohmann::json out = nlohmann::json::array();
    for (const auto& l : langs) {
        size_t total = 0, done = 0;
        try {
            auto cat = text::Catalog::load_po(o.dir + "/" + l.code + ".po");
            for (const auto& [key, forms] : cat.entries()) {
                ++total;
                bool ok = !forms.empty();
                for (const auto& f : forms) ok = ok && !f.empty();
                done += ok;
            }
        } catch (const std::exception& e) {
            std::fprintf(stderr, "indgang-admin: %s\n", e.what());
        }
        bool speaks = !l.voice.empty() && std::find(voices.begin(), voices.end(), l.voice) != voices.end();
        if (ctx.json) {
            out.push_back({{"code", l.code}, {"name", l.native_name}, {"rtl", l.rtl},
                           {"keyboard", l.keyboard}, {"voice", speaks ? l.voice : ""},
                           {"reviewed", l.reviewed}, {"translated", done}, {"entries", total}});
        } else {
            std::printf("%-3s %-12s %-3s keyboard=%-9s read-aloud=%-3s reviewed=%-3s %zu/%zu translated\n",
                        l.code.c_str(), l.native_name.c_str(), l.rtl ? "RTL" : "", l.keyboard.c_str(),
                        speaks ? "yes" : "no", l.reviewed ? "yes" : "no", done, total);
        }
    }
    if (ctx.json) std::printf("%s\n", out.dump(2).c_str());
}

void run_glyphs(const Context& ctx, const I18nOptions& o) {
    auto cps = text::needed_code_points(o.dir, o.langs);
    auto fonts = text::bundled_fonts(false);
    auto cov = text::cover(cps, fonts);
    if (ctx.json) {
        nlohmann::json per = nlohmann::json::object();
        for (size_t i = 0; i < fonts.size(); ++i) per[fonts[i]] = cov.per_font[i].size();
        nlohmann::json missing = nlohmann::json::array();
        for (char32_t c : cov.uncovered) missing.push_back(text::describe_code_point(c));
        std::printf("%s\n", nlohmann::json{{"code_points", cps.size()}, {"per_font", per},
                                           {"uncovered", missing}}.dump(2).c_str());
    } else {
        std::printf("%zu code points\n", cps.size());
        for (size_t i = 0; i < fonts.size(); ++i)
            std::printf("  %5zu from %s\n", cov.per_font[i].size(), fonts[i].c_str());
        for (char32_t c : cov.uncovered)
            std::printf("  NOT COVERED: %s\n", text::describe_code_point(c).c_str());
    }
    if (!cov.uncovered.empty()) throw CLI::RuntimeError(1);
}

}  // namespace

void add_i18n_commands(CLI::App& app, Context& ctx) {
    auto opts = std::make_shared<I18nOptions>();
    CLI::App* i18n = app.add_subcommand("i18n", "Translations: check the catalogs, list languages, glyphs");
    i18n->require_subcommand(1);
    i18n->add_option("--i18n", opts->dir, "Folder with languages.json, indgang.pot and <lang>.po "
                                          "(default: the installed catalogs)");

    CLI::App* check = i18n->add_subcommand(
        "check", "Fail (exit 1) on a string missing from a catalog, differing placeholders, a glyph "
                 "no font has, a button label too long, or a wrong Plural-Forms rule");
    check->add_option("--source", opts->source_root, "Source tree the .pot refers to (default: parent of --i18n)");
    check->callback([&ctx, opts] { run_check(ctx, resolved(*opts)); });

    i18n->add_subcommand("languages", "List languages: direction, keyboard, read-aloud, review, completeness")
        ->callback([&ctx, opts] { run_languages(ctx, resolved(*opts)); });

    CLI::App* glyphs = i18n->add_subcommand("glyphs", "Code points the font atlas needs and which font draws them");
    glyphs->add_option("--lang", opts->langs, "Only these languages (repeatable; default all)");
    glyphs->callback([&ctx, opts] { run_glyphs(ctx, resolved(*opts)); });
}

}  // namespace indgang::admin
