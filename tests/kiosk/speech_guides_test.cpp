// Speech that guides (issue 16): what a visitor who cannot read hears without asking.
#include "kiosk_harness.hpp"

#include "core/text/speech.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <vector>

using namespace indgang::kiosk_test;

namespace {
std::vector<std::string> speak_lines(const std::string& log) {
    std::vector<std::string> out;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("speak ")) out.push_back(line.substr(line.find(": ") + 2));
    return out;
}
}  // namespace

TEST_SUITE("speech") {
TEST_CASE("the idle prompt speaks when it appears and counts down in words") {
    Kiosk k("speech-idle-prompt");
    const auto log = k.dir / "speech.log";
    const int rc = k.run("tap ###lang_da\ntap ###book\nwait 91\nexpect-screen idle-prompt\nsleep 1\nwait 0.5\n"
                         "wait 9\nsleep 1\nwait 0.5\nwait 5\nsleep 1\nwait 0.5\ntap ###still_here\nexpect-screen book-service\n",
                         "--lang da", "INDGANG_SPEECH_LOG='" + log.string() + "'");
    INFO(k.log());
    REQUIRE(rc == 0);
    const auto said = speak_lines(read_file(log));
    INFO(read_file(log));
    REQUIRE(said.size() == 3);
    CHECK(said[0].starts_with("Er du her stadig?"));
    CHECK(said[0].find("Jeg er her stadig") != std::string::npos);   // the way out is said too
    CHECK(said[1].find("ti sekunder") != std::string::npos);
    CHECK(said[2].find("fem sekunder") != std::string::npos);
    for (const auto& s : said) CHECK(s.find_first_of("0123456789") == std::string::npos);
    CHECK(read_file(log).ends_with("stop\n"));   // "I'm still here" silences it
}
}

namespace {
// "reading ###id" lines of the widget dumps: the widget highlighted while it was read.
std::vector<std::string> reading_ids(const std::string& log) {
    std::vector<std::string> out;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);)
        if (line.starts_with("  reading ###")) out.push_back(line.substr(13));
    return out;
}
std::string dumps_every_half_second(int n) {
    std::string s;
    for (int i = 0; i < n; ++i) s += "wait 0.5\ndump\n";
    return s;
}
}  // namespace

TEST_SUITE("speech") {
TEST_CASE("Welcome speaks each voiced language's name in its own voice, highlighting it as it is read") {
    Kiosk k("speech-welcome-names");
    const auto log = k.dir / "speech.log";
    const int rc = k.run("expect-screen welcome\ntap ###speak\nsleep 5\nwait 0.25\n" + dumps_every_half_second(40),
                         "--lang da", "INDGANG_SPEECH_LOG='" + log.string() + "'");
    INFO(k.log());
    REQUIRE(rc == 0);
    const std::string said = read_file(log);
    INFO(said);
    // The 10 languages espeak-ng has a voice for, each name in that voice; Somali and Tigrinya
    // have none and are left out rather than read with a wrong one.
    const std::vector<std::pair<std::string, std::string>> voiced = {
        {"da", "Dansk"}, {"en", "English"}, {"kl", "Kalaallisut"}, {"ar", "العربية"}, {"fa", "فارسی"},
        {"ur", "اردو"},  {"tr", "Türkçe"},  {"pl", "Polski"},      {"ro", "Română"},  {"uk", "Українська"}};
    for (const auto& [code, name] : voiced)
        CHECK_MESSAGE(said.find("part " + code + " voice=" + code + ": " + name + "\n") != std::string::npos, code);
    CHECK(said.find("part so ") == std::string::npos);
    CHECK(said.find("part ti ") == std::string::npos);
    CHECK(said.find("part da voice=da: Velkommen") != std::string::npos);   // the question first, in Danish
    // While the names are read, the highlight walks through the language buttons in order.
    std::vector<std::string> seen;
    for (const auto& id : reading_ids(k.log()))
        if (seen.empty() || seen.back() != id) seen.push_back(id);
    INFO(k.log().substr(0, 3000));
    std::vector<std::string> langs;
    for (const auto& id : seen)
        if (id.starts_with("lang_")) langs.push_back(id.substr(5));
    CHECK(langs.size() >= 8);
    for (size_t i = 1; i < langs.size(); ++i) {
        auto pos = [&](const std::string& c) {
            for (size_t j = 0; j < voiced.size(); ++j)
                if (voiced[j].first == c) return j;
            return voiced.size();
        };
        CHECK(pos(langs[i - 1]) < pos(langs[i]));
    }
}

TEST_CASE("Home: the button being read is highlighted while it is read, and not after") {
    Kiosk k("speech-highlight-home");
    const int rc = k.run("tap ###lang_da\nexpect-screen home\ntap ###speak\nsleep 5\nwait 0.25\n" +
                             dumps_every_half_second(90),
                         "--lang da");
    INFO(k.log().substr(0, 3000));
    REQUIRE(rc == 0);
    const auto ids = reading_ids(k.log());
    auto has = [&](const std::string& id) { return std::find(ids.begin(), ids.end(), id) != ids.end(); };
    CHECK(has("book"));
    CHECK(has("checkin"));
    CHECK(has("walkin"));
    CHECK_FALSE(has("back"));   // navigation is not read, so never highlighted
    // After 45 s the reading (≈ 30 s) is over: the last dump has no highlight.
    const std::string log = k.log();
    const auto last = log.rfind("screen home");
    CHECK(log.find("  reading ###", last) == std::string::npos);
}
}

TEST_SUITE("speech") {
TEST_CASE("every visitor screen's speech has times, dates, codes and numbers as words (Danish, Arabic)") {
    for (const char* lang : {"da", "ar"}) {
        CAPTURE(lang);
        Kiosk k(std::string("speech-every-screen-") + lang);
        const auto log = k.dir / "speech.log";
        const std::string L = lang;
        // The speaker on each screen; the next step stops it (what is said is logged at once).
        const std::string s = "tap ###lang_" + L + "\ntap ###speak\ntap ###book\ntap ###speak\ntap-first service_\n"
                              "tap ###speak\ntap-first day_\ntap ###speak\ntap-first time_\ntap ###speak\ntap ###skip\n"
                              "tap ###speak\ntap ###confirm\nexpect-screen receipt\ntap ###speak\ncapture code ###code\n"
                              "tap ###done\ntap ###lang_" + L + "\ntap ###checkin\ntype 1\ntap ###speak\ntype 2345\ntap ###ok\n"
                              "tap ###speak\ntap ###retry\ntype $code\ntap ###ok\nexpect-screen checkin-result\n"
                              "tap ###speak\ntap ###home\ntap ###walkin\ntap ###speak\ntap-first walkin_\n"
                              "expect-screen walkin-ticket\ntap ###speak\ntap ###done\ntap ###lang_" + L +
                              "\ntap ###feedback\ntap ###speak\ntap ###home\ntap ###book\nadvance-clock 91\nwait 0.5\n";
        const int rc = k.run(s, "--lang da", "INDGANG_SPEECH_LOG='" + log.string() + "'");
        INFO(k.log());
        REQUIRE(rc == 0);
        const auto said = speak_lines(read_file(log));
        INFO(read_file(log));
        CHECK(said.size() >= 14);   // 13 screens' speakers and the idle prompt
        for (const auto& line : said) {
            CAPTURE(line);
            CHECK(line.find_first_of("0123456789") == std::string::npos);
        }
        // The times themselves were there, as words: Home's 10:00–12:00 and the booked time.
        const std::string all = read_file(log);
        CHECK(all.find(L == "da" ? "ti til tolv" : "من عشرة إلى إثنا عشر") != std::string::npos);
        // The code inside "Code: 07905" on the proof is said digit by digit, never as a number.
        auto db = k.open();
        auto st = db->prepare("SELECT code FROM booking ORDER BY id DESC LIMIT 1");
        REQUIRE(st.step());
        std::string spelled;
        for (char c : st.text(0)) spelled += std::string(spelled.empty() ? "" : " ") + c;
        const std::string words = indgang::text::spoken_form(spelled, L);
        CHECK(said[9].find(words) != std::string::npos);   // the check-in result with the proof
        CHECK(said[8].find(indgang::text::spoken_form("1 2 3 4 5", L)) != std::string::npos);   // "Code: 12345", unknown
    }
}
}
