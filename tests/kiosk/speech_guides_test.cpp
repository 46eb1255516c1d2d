// Speech that guides (issue 16): what a visitor who cannot read hears without asking.
#include "kiosk_harness.hpp"

#include <doctest/doctest.h>

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
