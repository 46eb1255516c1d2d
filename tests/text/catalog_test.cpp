#include "core/text/catalog.hpp"
#include "core/text/placeholders.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <stdexcept>
#include <string>

using namespace indgang::text;

namespace {
std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    return d ? d : INDGANG_SOURCE_DIR;
}
std::string fixtures() { return source_dir() + "/tests/text/fixtures"; }
}  // namespace

TEST_CASE("a PO catalog is read through libgettextpo: plain, context, fuzzy, untranslated") {
    Catalog da = Catalog::load_po(fixtures() + "/i18n/da.po");
    CHECK(da.language() == "da");
    CHECK(da.get("Book a time") == "Book en tid");
    CHECK(da.get_ctx("button", "Back") == "Tilbage");
    CHECK(da.get("Back") == "Gå tilbage");
    // A fuzzy guess is not shown: the source text is safer than a wrong translation.
    CHECK(da.get("Check in") == "Check in");
    CHECK(da.get("Untranslated") == "Untranslated");
    CHECK(da.get("Never heard of") == "Never heard of");
    // The fallback reference stays valid across calls (the kiosk keeps the pointer).
    const std::string* first = &da.get("Never heard of");
    da.get("Another miss");
    CHECK(first == &da.get("Never heard of"));
    CHECK(da.header_field("X-Reviewed-By-Native-Speaker") == "yes");
}

TEST_CASE("a malformed catalog throws with file and line") {
    try {
        Catalog::load_po(fixtures() + "/malformed.po");
        FAIL("no exception");
    } catch (const std::runtime_error& e) {
        std::string what = e.what();
        CHECK(what.find("malformed.po:6") != std::string::npos);
    }
    CHECK_THROWS_AS(Catalog::load_po(fixtures() + "/no-such.po"), std::runtime_error);
}

TEST_CASE("plural categories follow CLDR order for the PO msgstr index") {
    CHECK(plural_categories_for("da") == std::vector<std::string>{"one", "other"});
    CHECK(plural_categories_for("ar") ==
          std::vector<std::string>{"zero", "one", "two", "few", "many", "other"});
    CHECK(plural_categories_for("pl") == std::vector<std::string>{"one", "few", "many"});
    CHECK(plural_categories_for("uk") == std::vector<std::string>{"one", "few", "many"});
    CHECK(plural_categories_for("ro") == std::vector<std::string>{"one", "few", "other"});
}

TEST_CASE("plural forms are chosen by ICU's rules for the catalog's language") {
    Catalog ar = Catalog::load_po(fixtures() + "/i18n/ar.po");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 0) == "zero");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 1) == "one");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 2) == "two");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 7) == "few");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 11) == "many");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 100) == "other");
    CHECK(ar.get_plural("{n} visitor", "{n} visitors", 103) == "few");

    Catalog pl = Catalog::load_po(fixtures() + "/i18n/pl.po");
    CHECK(pl.get_plural("{n} visitor", "{n} visitors", 1) == "{n} gość");
    CHECK(pl.get_plural("{n} visitor", "{n} visitors", 3) == "{n} goście");
    CHECK(pl.get_plural("{n} visitor", "{n} visitors", 5) == "{n} gości");
    CHECK(pl.get_plural("{n} visitor", "{n} visitors", 12) == "{n} gości");
    CHECK(pl.get_plural("{n} visitor", "{n} visitors", 22) == "{n} goście");
    // Not in the catalog: English's own rule.
    CHECK(pl.get_plural("{n} seat", "{n} seats", 1) == "{n} seat");
    CHECK(pl.get_plural("{n} seat", "{n} seats", 4) == "{n} seats");
}

TEST_CASE("the translator switches language, caches catalogs and falls back") {
    Translator t(fixtures() + "/i18n");
    REQUIRE(t.languages().size() == 4);
    CHECK(t.language().code == "da");
    CHECK(std::string(t.tr("Book a time")) == "Book en tid");
    CHECK(std::string(t.tr_ctx("button", "Back")) == "Tilbage");
    t.set_language("ar");
    CHECK(t.language().rtl);
    CHECK(std::string(t.tr("Book a time")) == "احجز موعدًا");
    CHECK(std::string(t.tr("Back")) == "Back");  // missing in ar: the source text
    CHECK(t.trn("{n} visitor", "{n} visitors", 2) == "two");
    const char* kept = t.tr("Book a time");
    t.set_language("da");
    t.set_language("ar");
    CHECK(kept == t.tr("Book a time"));  // the cached catalog was not reloaded
    // A language with no catalog file still works, entirely in the source text.
    t.set_language("so");
    CHECK(t.language().code == "so");
    CHECK(std::string(t.tr("Book a time")) == "Book a time");
    CHECK(t.trn("{n} visitor", "{n} visitors", 1) == "{n} visitor");
    // Unknown code: the first language listed.
    t.set_language("xx");
    CHECK(t.language().code == "da");
}

TEST_CASE("shipped languages come from languages.json, review state from the PO header") {
    auto langs = shipped_languages(fixtures() + "/i18n");
    REQUIRE(langs.size() == 4);
    CHECK(langs[0].code == "da");
    CHECK(langs[0].reviewed);
    CHECK_FALSE(langs[1].reviewed);
    CHECK(langs[1].native_name == "العربية");
    CHECK(langs[3].voice.empty());
    CHECK(default_language(fixtures() + "/i18n") == "da");
    CHECK_THROWS_AS(shipped_languages(fixtures() + "/nowhere"), std::runtime_error);

    auto real = shipped_languages(source_dir() + "/i18n");
    CHECK(real.size() == 12);
    for (const auto& l : real) CHECK_MESSAGE(!l.reviewed, l.code);  // nobody has reviewed yet
}

TEST_CASE("named placeholders") {
    CHECK(placeholders("Hi {name}, your time is {time}") ==
          std::vector<std::string>{"name", "time"});
    CHECK(placeholders("{{literal}} and {0} and { x }").empty());
    CHECK(fill("Code {code} at {time}", {{"code", "42"}, {"time", "10:20"}}) ==
          "Code 42 at 10:20");
    CHECK(fill("{who} {{x}}", {}) == "{who} {x}");
    CHECK(fill("مرحبا {name}", {{"name", "Bo"}}, true) == "مرحبا \u2068Bo\u2069");
}
