// Keyboards people know (issue 16): Arabic and Persian keys where their own keyboards have them
// (ض top left, not mirrored), Turkish Shift with İ and I as two different capitals.
#include "kiosk_harness.hpp"

#include <doctest/doctest.h>

using namespace indgang::kiosk_test;

namespace {
std::string to_nickname(const std::string& lang) {
    return "tap ###lang_" + lang +
           "\nexpect-screen home\ntap ###book\ntap-first service_\ntap-first day_\ntap-first time_\n"
           "expect-screen book-nickname\n";
}
}  // namespace

TEST_SUITE("keyboards") {
TEST_CASE("Arabic and Persian keyboards are not mirrored: ض top left, as on the keys") {
    for (const char* lang : {"ar", "fa"}) {
        CAPTURE(lang);
        Kiosk k(std::string("keyboard-") + lang);
        const int rc = k.run(to_nickname(lang) +
                                 "expect-side ###key_ض left\nexpect-left-of ###key_ض ###key_ص\n"
                                 "expect-left-of ###key_ش ###key_س\nexpect-side ###key_back right\n"
                                 "shot keyboard\n",
                             "--lang da");
        INFO(k.log());
        CHECK(rc == 0);
    }
}

TEST_CASE("Turkish Shift gives İ for i and I for ı, and the booking keeps both") {
    Kiosk k("keyboard-tr");
    // Shift is one letter long (the app drops it after a key).
    const int rc = k.run(to_nickname("tr") +
                             "tap ###key_shift\nexpect-button İ\nexpect-button I\nshot keyboard-shift\n"
                             "tap ###key_i\ntap ###key_ı\ntap ###key_shift\ntap ###key_ı\ntap ###key_i\n"
                             "expect-text İıIi\ntap ###continue\nexpect-screen book-confirm\ntap ###confirm\n"
                             "expect-screen receipt\n",
                         "--lang da");
    INFO(k.log());
    REQUIRE(rc == 0);
    auto db = k.open();
    auto st = db->prepare("SELECT nickname FROM booking WHERE nickname IS NOT NULL ORDER BY id DESC LIMIT 1");
    REQUIRE(st.step());
    CHECK(st.text(0) == "İıIi");
}
}
