// Audio mode (issue 16): a visitor who cannot see books a time and checks in with a keyboard or
// numeric keypad and the speech alone. Keys only: no tap after the first screen; every step
// moves the focus ring with Tab (key-until presses Tab until the ring is on the wanted button,
// as a visitor listens until they hear it) and chooses with Return. Asserted on the database.
#include "kiosk_harness.hpp"

#include "core/domain/booking.hpp"

#include <doctest/doctest.h>

#include <set>
#include <vector>

using namespace indgang;
using namespace indgang::kiosk_test;

namespace {
std::string choose(const std::string& id) { return "key-until ###" + id + " tab\nkey return\n"; }
std::string newest_booking_field(const Kiosk& k, const char* col) {
    auto db = k.open();
    auto st = db->prepare(std::string("SELECT ") + col + " FROM booking ORDER BY id DESC LIMIT 1");
    return st.step() ? st.text(0) : "";
}
int service_id(const Kiosk& k, const char* key) {
    auto db = k.open();
    auto st = db->prepare("SELECT id FROM service WHERE key = ?1");
    st.bind(std::string(key));
    return st.step() ? st.integer(0) : -1;
}
}  // namespace

TEST_SUITE("audio-mode") {
TEST_CASE("a full booking and check-in by keys and speech only") {
    Kiosk k("audio-mode-keys");
    const auto log = k.dir / "speech.log";
    const std::string env = "INDGANG_SPEECH_LOG='" + log.string() + "'";
    const std::string sv = std::to_string(service_id(k, "jobcentre"));
    // Booking: the first key turns audio mode on (help and the page are read).
    int rc = k.run("expect-screen welcome\nkey tab\nexpect-text Velkommen\n" + choose("lang_da") +
                       "expect-screen home\n" + choose("book") + "expect-screen book-service\n" + choose("service_" + sv) +
                       "expect-screen book-day\n" + choose("day_2026-11-24") + "expect-screen book-time\n" +
                       choose("time_1020") + "expect-screen book-nickname\n" + choose("skip") +
                       "expect-screen book-confirm\n" + choose("confirm") + "expect-screen receipt\nshot receipt\n" +
                       choose("done") + "expect-screen welcome\n",
                   "--lang da", env);
    INFO(k.log());
    REQUIRE(rc == 0);
    const std::string code = newest_booking_field(k, "code");
    REQUIRE(code.size() == 5);
    const std::string said = read_file(log);
    INFO(said);
    CHECK(said.find("Lydtilstand. Tab eller piletasterne") != std::string::npos);   // help, in Danish
    CHECK(said.find("speak da voice=da volume=80: Book en tid. hos en sagsbehandler.") != std::string::npos);
    CHECK(said.find("ti tyve") != std::string::npos);   // the time 10.20 read as words when focused
    // Check-in: the code digit by digit on the on-screen keypad, by keys.
    std::string digits;
    for (char c : code) digits += choose(std::string("key_") + c);
    rc = k.run("expect-screen welcome\nkey tab\n" + choose("lang_da") + choose("checkin") + "expect-screen checkin\n" +
                   digits + "expect-text " + code + "\n" + choose("ok") +
                   "expect-screen checkin-result\nexpect-text \"Du er tjekket ind\"\nshot checkin-result\n",
               "--lang da", env);
    REQUIRE(rc == 0);
    const Booking b = get_booking(*k.open(), std::stoll(newest_booking_field(k, "id")));
    CHECK(b.status == BookingStatus::CheckedIn);
    CHECK(b.source == BookingSource::Kiosk);
    CHECK_FALSE(b.nickname.has_value());
}

TEST_CASE("the focus ring reaches every enabled button of every visitor screen by keys alone") {
    // Tab round and round visits each button once per round (AudioMode wraps); the dump after
    // each press names the focus. Home in Danish, the time list and the keypad in Arabic.
    Kiosk k("audio-mode-reach");
    std::string s = "tap ###lang_ar\nexpect-screen home\nkey tab\n";
    for (int i = 0; i < 8; ++i) s += "key tab\ndump\n";
    s += "tap ###checkin\nexpect-screen checkin\n";
    for (int i = 0; i < 16; ++i) s += "key tab\ndump\n";
    const int rc = k.run(s, "--lang da");
    INFO(k.log().substr(0, 4000));
    REQUIRE(rc == 0);
    const std::string log = k.log();
    for (const char* id : {"back", "book", "checkin", "walkin", "feedback"})
        CHECK_MESSAGE(log.find(std::string("focus ###") + id + "\n") != std::string::npos, id);
    for (const char* id : {"key_0", "key_1", "key_5", "key_9", "key_back", "home"})
        CHECK_MESSAGE(log.find(std::string("focus ###") + id + "\n") != std::string::npos, id);
}

TEST_CASE("every enabled button of every visitor screen is reached by Tab alone") {
    // Taps only to get to each screen (the path of the forgiveness test); there: one dump for
    // the buttons drawn, then kTabs presses of Tab, each followed by a dump of the focus.
    constexpr int kTabs = 48;
    const std::vector<std::pair<std::string, std::string>> path = {
        {"", "welcome"},
        {"tap ###lang_en\n", "home"},
        {"tap ###book\n", "book-service"},
        {"tap-first service_\n", "book-day"},
        {"tap-first day_\n", "book-time"},
        {"tap-first time_\n", "book-nickname"},
        {"tap ###skip\n", "book-confirm"},
        {"tap ###confirm\n", "receipt"},
        {"tap ###done\ntap ###lang_en\ntap ###checkin\n", "checkin"},
        {"type 99999\ntap ###ok\n", "checkin-result"},
        {"tap ###home\ntap ###walkin\n", "walkin-service"},
        {"tap-first walkin_\n", "walkin-ticket"},
        {"tap ###done\ntap ###lang_en\ntap ###feedback\n", "feedback-question"},
        {"tap-first answer_\n", "feedback-question"},
        {"tap ###home\ntap ###book\nadvance-clock 91\nwait 0.5\n", "idle-prompt"},
    };
    std::string s;
    for (const auto& [steps, screen] : path) {
        // H: audio mode on (a first key) or help; it never moves the ring.
        s += steps + "expect-screen " + screen + "\nkey h\ndump\n";
        for (int i = 0; i < kTabs; ++i) s += "key tab\ndump\n";
    }
    Kiosk k("audio-mode-reach-all");
    const int rc = k.run(s, "--lang da");
    const std::string log = k.log();
    INFO(log.substr(0, 3000));
    REQUIRE(rc == 0);
    // Dumps in order: per screen, 1 + kTabs.
    std::vector<std::vector<std::string>> buttons, focus;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("screen ")) { buttons.emplace_back(); focus.emplace_back(); continue; }
        if (buttons.empty()) continue;
        if (line.starts_with("  button") && line.find("(disabled)") == std::string::npos) {
            const auto h = line.find("###");
            if (h != std::string::npos) buttons.back().push_back(line.substr(h + 3, line.find(' ', h) - h - 3));
        }
        if (line.starts_with("  focus ###")) focus.back().push_back(line.substr(11));
    }
    REQUIRE(buttons.size() == path.size() * (1 + kTabs));
    int reached = 0;
    for (size_t p = 0; p < path.size(); ++p) {
        CAPTURE(path[p].second);
        std::set<std::string> seen;
        for (int i = 1; i <= kTabs; ++i)
            for (const auto& f : focus[p * (1 + kTabs) + i]) seen.insert(f);
        for (const auto& id : buttons[p * (1 + kTabs)]) {
            if (id == "speak") continue;   // the speaker button: audio mode reads by itself
            CHECK_MESSAGE(seen.count(id) == 1, id << " never focused");
            reached += static_cast<int>(seen.count(id));
        }
    }
    MESSAGE("buttons reached by Tab: " << reached);
    CHECK(reached >= 100);   // 112 when written (the nickname keyboard alone is 31 keys)
}

TEST_CASE("plugging in headphones turns audio mode on: the page is read and Tab moves the ring") {
    Kiosk k("audio-mode-headphones");
    const auto log = k.dir / "speech.log";
    const int rc = k.run("tap ###lang_da\nexpect-screen home\nsend headphones\nkey tab\nkey tab\n"
                         "expect-text \"Book en tid\"\nsleep 1\nwait 0.3\ndump\n",
                         "--lang da", "INDGANG_SPEECH_LOG='" + log.string() + "'");
    INFO(k.log());
    REQUIRE(rc == 0);
    const std::string said = read_file(log);
    INFO(said);
    CHECK(said.find("Lydtilstand") != std::string::npos);   // the help, when the headphones go in
    CHECK(said.find("Book en tid. hos en sagsbehandler.\n") != std::string::npos);   // second Tab: Back, then Book
    CHECK(k.log().find("focus ###book") != std::string::npos);
}

TEST_CASE("volume, hidden screen and audio mode end with the visitor; the staff setting keeps it on") {
    Kiosk k("audio-mode-reset");
    const auto log = k.dir / "speech.log";
    const int rc = k.run("tap ###lang_da\nexpect-screen home\nkey tab\nkey +\nkey +\nkey tab\nkey keypad *\n"
                         "expect-text \"Skærmen er skjult\"\nshot hidden\nadvance-clock 91\nwait 0.5\nadvance-clock 25\n"
                         "wait 0.5\nexpect-screen welcome\nexpect-no-text \"Skærmen er skjult\"\ntap ###lang_da\n"
                         "tap ###speak\n",
                         "--lang da", "INDGANG_SPEECH_LOG='" + log.string() + "'");
    INFO(k.log());
    REQUIRE(rc == 0);
    const std::string said = read_file(log);
    INFO(said);
    CHECK(said.find("volume=100: ") != std::string::npos);   // two steps louder: 80 → 100 (max)
    // The next visitor's read-aloud is at the staff volume again.
    CHECK(said.rfind("volume=80: Hvad vil du gerne?") > said.find("volume=100: "));
    // The staff setting: audio mode from the first page, without a key.
    Kiosk k2("audio-mode-setting");
    k2.open()->exec("INSERT OR REPLACE INTO setting (key, value) VALUES ('kiosk.audio_mode', '1')");
    const auto log2 = k2.dir / "speech.log";
    const int rc2 = k2.run("expect-screen welcome\ntap ###lang_da\nexpect-screen home\nkey tab\nkey tab\nsleep 1\nwait 0.3\n",
                           "--lang da", "INDGANG_SPEECH_LOG='" + log2.string() + "'");
    REQUIRE(rc2 == 0);
    const std::string said2 = read_file(log2);
    INFO(said2);
    CHECK(said2.find("speak da voice=da volume=80: Hvad vil du gerne?") != std::string::npos);   // Home read at once
    CHECK(said2.find("Lydtilstand") == std::string::npos);   // no "first key" help: it was already on
    CHECK(said2.find("Book en tid. hos en sagsbehandler.\n") != std::string::npos);   // focused and read
}
}
