// scrub(): a flow's state is forgotten byte for byte, including the text a short std::string
// keeps inside the object (which a plain `state = {}` leaves behind past the terminator).
#include "app/scrub.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

namespace {

struct FlowState {          // the shape of the kiosk's per-flow structs
    std::string code;
    std::optional<std::string> nickname;
    int index = 0;
};

bool holds(const FlowState& s, const char* text) {
    const auto* bytes = reinterpret_cast<const char*>(&s);
    const size_t n = std::strlen(text);
    return std::search(bytes, bytes + sizeof s, text, text + n) != bytes + sizeof s;
}

}  // namespace

TEST_CASE("a plain reset leaves a short code in the object; scrub does not") {
    FlowState plain{"48213", std::string("Bo"), 3};
    REQUIRE(holds(plain, "48213"));
    plain = {};
    // libstdc++ copies only the terminator into the short buffer: "8213" stays. (If a library
    // ever clears it, this line says so and the check below still holds.)
    const bool leftover = holds(plain, "8213");
    MESSAGE("plain reset leaves the code behind: " << leftover);

    FlowState s{"48213", std::string("Bo"), 3};
    indgang::kiosk::scrub(s);
    CHECK_FALSE(holds(s, "8213"));
    CHECK_FALSE(holds(s, "Bo"));
    CHECK(s.code.empty());
    CHECK_FALSE(s.nickname.has_value());
    CHECK(s.index == 0);
    s.code = "1";   // a working object afterwards
    CHECK(s.code == "1");
}
