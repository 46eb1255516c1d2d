#include "ui/tap_guard.hpp"

#include <doctest/doctest.h>

using indgang::kiosk::TapGuard;

TEST_CASE("TapGuard: a press soon after a page change, or held across it, never acts") {
    TapGuard g;
    g.frame("welcome", 1000, false);
    g.frame("welcome", 1400, true);     // 400 ms after Welcome appeared: a looked-at tap
    CHECK(g.accept());
    g.frame("home", 1450, false);       // its release changed the page
    CHECK_FALSE(g.accept());
    g.frame("home", 1600, true);        // the second tap of a double tap, 150 ms later
    CHECK_FALSE(g.accept());
    g.frame("home", 1650, false);
    CHECK_FALSE(g.accept());            // its release does not act either
    CHECK(g.left_ms(1650) == 150);
    g.frame("home", 1800, true);        // exactly the guard after Home appeared
    CHECK(g.accept());
    g.frame("book", 1850, true);        // still held while the page changes (a timer, the prompt)
    CHECK_FALSE(g.accept());
    g.frame("book", 2500, true);        // held long after: still the old press
    CHECK_FALSE(g.accept());
    g.frame("book", 2550, false);
    g.frame("book", 2600, true);        // a new press on this page
    CHECK(g.accept());
}
