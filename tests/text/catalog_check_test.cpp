#include "core/text/catalog.hpp"
#include "core/text/catalog_check.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>

using namespace indgang::text;

namespace {
std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    return d ? d : INDGANG_SOURCE_DIR;
}
size_t count(const std::vector<CatalogProblem>& ps, const std::string& lang, const std::string& kind,
             const std::string& text = "") {
    return static_cast<size_t>(std::count_if(ps.begin(), ps.end(), [&](const CatalogProblem& p) {
        return p.lang == lang && p.kind == kind && p.message.find(text) != std::string::npos;
    }));
}
std::string dump(const std::vector<CatalogProblem>& ps) {
    std::string out;
    for (const auto& p : ps) out += p.lang + " " + p.kind + ": " + p.message + "\n";
    return out;
}
}  // namespace

TEST_CASE("the plural expression evaluator follows C") {
    const std::string ar = "(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5)";
    CHECK(eval_plural_expression(ar, 0) == 0);
    CHECK(eval_plural_expression(ar, 2) == 2);
    CHECK(eval_plural_expression(ar, 105) == 3);
    CHECK(eval_plural_expression(ar, 111) == 4);
    CHECK(eval_plural_expression(ar, 200) == 5);
    CHECK(eval_plural_expression("n != 1", 1) == 0);
    CHECK(eval_plural_expression("!(n < 2) + 3 * 2 - 1", 5) == 6);
    CHECK_THROWS_AS(eval_plural_expression("n ==", 1), std::invalid_argument);
    CHECK_THROWS_AS(eval_plural_expression("n % 0", 1), std::invalid_argument);
}

TEST_CASE("the check finds each kind of broken catalog, and nothing in a good one") {
    CatalogCheckOptions opt;
    opt.i18n_dir = source_dir() + "/tests/text/fixtures/check";
    opt.source_root = opt.i18n_dir;  // holds kiosk/screens/home.cpp, referenced by the .pot
    auto ps = check_catalogs(opt);
    INFO(dump(ps));
    CHECK(count(ps, "da", "") == 0);  // "" matches every kind: the good catalog has none
    // Arabic: a too-long button label (found from the button( call in the source line),
    // a renamed placeholder, an invented one, glyphs no font has, a Plural-Forms rule that
    // swaps ICU's "few" and "many".
    CHECK(count(ps, "ar", "too-long", "Book a time") == 1);
    CHECK(count(ps, "ar", "placeholders", "Your code is {code}") == 1);
    CHECK(count(ps, "ar", "placeholders", "msgstr[5]") == 1);
    CHECK(count(ps, "ar", "placeholders", "msgstr[1]") == 0);  // leaving out {n} is fine
    CHECK(count(ps, "ar", "glyph", "U+10DB") == 2);  // Georgian მ: regular and bold
    CHECK(count(ps, "ar", "glyph", "U+2603") == 2);  // ☃, reported in the same line
    CHECK(count(ps, "ar", "plural-forms", "n=3") == 1);
    CHECK(count(ps, "ar", "too-long", "Back") == 0);
    // Polish: unknown keyboard, no review header, wrong nplurals, fuzzy, empty and missing.
    CHECK(count(ps, "pl", "language", "no-such-layout") == 1);
    CHECK(count(ps, "pl", "format", "X-Reviewed-By-Native-Speaker") == 1);
    CHECK(count(ps, "pl", "plural-forms", "nplurals=2") == 1);
    CHECK(count(ps, "pl", "fuzzy", "Back") == 1);
    CHECK(count(ps, "pl", "untranslated", "Your code is") == 1);
    CHECK(count(ps, "pl", "missing", "{n} second") == 1);
    CHECK(count(ps, "pl", "missing", "Welcome") == 1);
}

TEST_CASE("a missing or malformed language list is a problem, not a crash") {
    CatalogCheckOptions opt;
    opt.i18n_dir = source_dir() + "/tests/text/fixtures/nowhere";
    auto ps = check_catalogs(opt);
    REQUIRE(ps.size() == 1);
    CHECK(ps[0].kind == "language");
}

TEST_CASE("button labels are measured with FreeType advances") {
    TextMeasure m({"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"}, 34.f);
    float one = m.width("M");
    CHECK(one > 20.f);
    CHECK(one < 40.f);
    CHECK(m.width("MM") == doctest::Approx(2 * one));
    CHECK(m.width("") == 0.f);
}

TEST_CASE("msgfmt --check accepts every shipped catalog") {
    for (const auto& l : shipped_languages(source_dir() + "/i18n")) {
        std::string cmd = "msgfmt --check -o /dev/null '" + source_dir() + "/i18n/" + l.code + ".po'";
        CHECK_MESSAGE(std::system(cmd.c_str()) == 0, cmd);
    }
}

TEST_CASE("the shipped catalogs pass the whole check") {
    CatalogCheckOptions opt;
    opt.i18n_dir = source_dir() + "/i18n";
    opt.source_root = source_dir();
    auto ps = check_catalogs(opt);
    std::string first;
    for (size_t i = 0; i < ps.size() && i < 25; ++i)
        first += ps[i].lang + " " + ps[i].kind + ": " + ps[i].message + "\n";
    CHECK_MESSAGE(ps.empty(), ps.size() << " problems, first ones:\n" << first);
}
