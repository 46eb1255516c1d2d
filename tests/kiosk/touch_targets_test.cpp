// The touch rules as checked on every screen by the scripted tests (expect-touch-targets).
#include "ui/widget_registry.hpp"

#include <doctest/doctest.h>

using namespace indgang::kiosk;

namespace {
WidgetEntry button(const char* id, float x, float y, float w, float h) { return {id, id, {x, y, w, h}, true, true}; }
}  // namespace

TEST_CASE("big enough and far enough apart: no breach") {
    WidgetRegistry r;
    r.add(button("a", 0, 0, 60, 60));
    r.add(button("b", 70, 0, 60, 60));     // 10 px to the right
    r.add(button("c", 0, 70, 130, 50));    // 10 px below both
    r.add({"", "a long text over everything", {0, 0, 500, 500}, false, true});   // text is not a target
    CHECK(r.touch_target_breaches(48, 8) == "");
}

TEST_CASE("too small, too close or overlapping: each named") {
    WidgetRegistry r;
    r.add(button("small", 0, 0, 40, 60));
    r.add(button("near", 45, 0, 60, 60));    // 5 px from "small"
    r.add(button("over", 100, 30, 60, 60));  // overlaps "near"
    const std::string b = r.touch_target_breaches(48, 8);
    CHECK(b.find("###small is 40x60") != std::string::npos);
    CHECK(b.find("###small and ###near are 5 px apart") != std::string::npos);
    CHECK(b.find("###near and ###over") != std::string::npos);
    CHECK(b.find("###small and ###over") == std::string::npos);   // 60 px apart
}

TEST_CASE("diagonal neighbours are apart when either direction is") {
    WidgetRegistry r;
    r.add(button("a", 0, 0, 60, 60));
    r.add(button("b", 62, 70, 60, 60));   // 2 px apart in x but 10 in y
    CHECK(r.touch_target_breaches(48, 8) == "");
}
