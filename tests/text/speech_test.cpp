#include "core/text/catalog.hpp"
#include "core/text/speech.hpp"

#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

using namespace indgang::text;

namespace {
std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    return d ? d : INDGANG_SOURCE_DIR;
}
// Reads back a WAV we wrote: checks the header and returns the samples.
Speech read_wav(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<char> b((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(b.size() >= 44);
    CHECK(std::string(b.data(), 4) == "RIFF");
    CHECK(std::string(b.data() + 8, 4) == "WAVE");
    auto u32 = [&](size_t o) { return uint32_t(uint8_t(b[o])) | uint32_t(uint8_t(b[o + 1])) << 8 | uint32_t(uint8_t(b[o + 2])) << 16 | uint32_t(uint8_t(b[o + 3])) << 24; };
    Speech s;
    s.sample_rate = static_cast<int>(u32(24));
    uint32_t n = u32(40) / 2;
    REQUIRE(b.size() == 44 + n * 2);
    for (uint32_t i = 0; i < n; ++i)
        s.pcm.push_back(static_cast<int16_t>(uint16_t(uint8_t(b[44 + 2 * i])) | uint16_t(uint8_t(b[45 + 2 * i])) << 8));
    return s;
}
}  // namespace

TEST_CASE("a Danish and an Arabic sentence become audible WAV files") {
    auto dir = std::filesystem::temp_directory_path() / "indgang-speech-test";
    std::filesystem::create_directories(dir);
    struct Case { const char* voice; const char* text; };
    for (const Case c : {Case{"da", "Velkommen. Du kan booke en tid hos din sagsbehandler."},
                         Case{"ar", "مرحبا. يمكنك حجز موعد مع الموظف."}}) {
        Speech s = synthesize(c.text, c.voice);
        std::string path = (dir / (std::string(c.voice) + ".wav")).string();
        write_wav(s, path);
        Speech back = read_wav(path);
        CHECK(back.sample_rate == s.sample_rate);
        CHECK(back.sample_rate >= 16000);
        CHECK(back.pcm == s.pcm);
        // A sentence of this length takes 2-10 s; silence has an RMS near 0, speech > 300.
        CHECK_MESSAGE(back.seconds() > 2.0, c.voice << " " << back.seconds() << " s");
        CHECK_MESSAGE(back.seconds() < 10.0, c.voice << " " << back.seconds() << " s");
        CHECK_MESSAGE(rms(back) > 300.0, c.voice << " rms " << rms(back));
    }
    std::filesystem::remove_all(dir);
}

TEST_CASE("silence is told apart from speech") {
    Speech quiet;
    quiet.sample_rate = 22050;
    quiet.pcm.assign(22050, 0);
    CHECK(rms(quiet) == 0.0);
    Speech empty = synthesize("", "da");
    CHECK(rms(empty) < 50.0);
}

TEST_CASE("voices: the languages.json voices exist; Somali and Tigrinya have none") {
    for (const auto& l : shipped_languages(source_dir() + "/i18n")) {
        if (l.voice.empty()) continue;
        CHECK_MESSAGE(has_voice(l.voice), l.code << " -> " << l.voice);
    }
    CHECK_FALSE(has_voice("so"));
    CHECK_FALSE(has_voice("ti"));
    CHECK(has_voice("kl"));
    CHECK(has_voice("ur"));
    CHECK_THROWS_AS(synthesize("Nabad", "so"), std::runtime_error);
    CHECK_THROWS_AS(write_wav(Speech{}, "/nonexistent-dir/x.wav"), std::runtime_error);
}

TEST_CASE("spoken form: times, ranges, ordinals and codes become words in the voice's language") {
    // Danish: no "punktum", no digits, "kl." said as "klokken", the range dash as "til".
    const std::string da = spoken_form("tirsdag 24. november, kl. 10.05. Jobcentret 10.00–12.00, kode 9 3", "da");
    CHECK(da == "tirsdag fireogtyvende november, klokken ti nul fem. Jobcentret ti til tolv, kode ni tre");
    CHECK(spoken_form("10.20", "da") == "ti tyve");
    // Arabic: hour and minutes joined the Arabic way, "من … إلى" around a range, no ":".
    const std::string ar = spoken_form("الساعة 10:20، 10:00–12:00", "ar");
    CHECK(ar.find(':') == std::string::npos);
    CHECK(ar.find_first_of("0123456789") == std::string::npos);
    CHECK(ar.find("من") != std::string::npos);
    CHECK(ar.find("إلى") != std::string::npos);
    CHECK(ar.find("دقيقة") != std::string::npos);
    // Farsi and Urdu read ":" aloud: none is left; Urdu does not say "o'clock" twice.
    CHECK(spoken_form("ساعت 10:40", "fa").find(':') == std::string::npos);
    const std::string ur = spoken_form("10:40 بجے", "ur");
    CHECK(ur.find(':') == std::string::npos);
    CHECK(ur.find("بجے") == std::string::npos);
    // Not a time: a date dot, a score, a year stay numbers, spelled.
    CHECK(spoken_form("Room 5000", "en") == "Room five thousand");
    CHECK(spoken_form("at 9:05", "en") == "at nine oh five");
    CHECK(spoken_form("10.5 km", "en").find("ten") == 0);
}
