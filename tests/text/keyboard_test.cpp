#include "core/text/catalog.hpp"
#include "core/text/keyboard.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <set>
#include <stdexcept>

using namespace indgang::text;

namespace {
bool has_key(const KeyboardLayout& l, const std::string& key) {
    for (const auto& row : l.rows)
        for (const auto& k : row)
            if (k == key) return true;
    return false;
}
std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    return d ? d : INDGANG_SOURCE_DIR;
}
}  // namespace

TEST_CASE("each layout offers its language's own letters") {
    const std::map<std::string, std::vector<std::string>> must = {
        {"da", {"æ", "ø", "å"}},
        {"latin-tr", {"ç", "ğ", "ı", "i", "ö", "ş", "ü"}},
        {"latin-pl", {"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż"}},
        {"latin-ro", {"ă", "â", "î", "\u0219", "\u021B"}},  // comma-below ș ț
        {"latin-so", {"x", "c", "q", "'"}},
        {"latin-kl", {"q", "æ", "ø", "å"}},
        {"ar", {"ا", "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط",
                "ظ", "ع", "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه", "و", "ي", "ة", "ء"}},
        {"fa", {"پ", "چ", "ژ", "گ", "ک", "ی"}},
        {"ur", {"ٹ", "ڈ", "ڑ", "ں", "ھ", "ے", "ہ", "ک", "گ", "ی", "پ", "چ", "ژ"}},
        {"uk", {"є", "і", "ї", "ґ", "'"}},
    };
    for (const auto& [name, letters] : must) {
        const KeyboardLayout& l = keyboard_layout(name);
        for (const auto& letter : letters) CHECK_MESSAGE(has_key(l, letter), name << " lacks " << letter);
    }
    // Romanian must not offer the cedilla look-alikes (ş U+015F) instead.
    CHECK_FALSE(has_key(keyboard_layout("latin-ro"), "\u015F"));
    // Persian uses keheh and Farsi yeh, not the Arabic kaf/yeh.
    CHECK_FALSE(has_key(keyboard_layout("fa"), "ك"));
    CHECK_FALSE(has_key(keyboard_layout("fa"), "ي"));
}

TEST_CASE("layouts are finger-sized and well-formed") {
    for (const auto& name : keyboard_names()) {
        const KeyboardLayout& l = keyboard_layout(name);
        CHECK(l.name == name);
        std::set<std::string> seen;
        for (const auto& row : l.rows) {
            CHECK_MESSAGE(row.size() <= 12, name);
            for (const auto& k : row) {
                CHECK_MESSAGE(!k.empty(), name);
                CHECK_MESSAGE(seen.insert(k).second, name << " repeats " << k);
            }
        }
    }
    CHECK_THROWS_AS(keyboard_layout("klingon"), std::out_of_range);
}

TEST_CASE("every shipped language names an existing layout of its direction") {
    for (const auto& lang : shipped_languages(source_dir() + "/i18n")) {
        REQUIRE_NOTHROW(keyboard_layout(lang.keyboard));
        CHECK_MESSAGE(keyboard_layout(lang.keyboard).rtl == lang.rtl, lang.code);
    }
}

TEST_CASE("Arabic and Persian keys sit where their own keyboards have them (ض on Q, top left)") {
    // Rows are listed left to right as the keys are on the keyboard; the kiosk does not mirror.
    const auto& ar = keyboard_layout("ar");
    CHECK(ar.rows[0].front() == "ض");
    CHECK(ar.rows[0][1] == "ص");
    CHECK(ar.rows[0].back() == "د");    // the ] key
    CHECK(ar.rows[1].front() == "ش");   // A
    CHECK(ar.rows[1].back() == "ط");    // '
    CHECK(ar.rows[2].front() == "ئ");   // Z
    CHECK(ar.rows[2].back() == "ظ");    // /
    const auto& fa = keyboard_layout("fa");
    CHECK(fa.rows[0].front() == "ض");
    CHECK(fa.rows[0].back() == "چ");    // ]
    CHECK(fa.rows[1].front() == "ش");
    CHECK(fa.rows[1].back() == "گ");    // '
    CHECK(fa.rows[2].front() == "ظ");   // Z
}
