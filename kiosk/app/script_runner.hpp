// Scripted mode: drives the kiosk from a text script of taps (by widget id or visible label),
// typed text, clock jumps, screenshots and expectations. Used by the tests, the screenshots in
// docs/ and the benchmark. See docs/kiosk.md for the commands.
#pragma once

#include "ui/widget_registry.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace indgang::kiosk {

// How scripted taps reach the kiosk: straight into its pointer queue, or as the SDL events a
// mouse or a touchscreen sends (through the platform's real event handling).
enum class ScriptInput { Direct, Mouse, Finger };

// What the script needs from the platform.
class ScriptHost {
public:
    virtual ~ScriptHost() = default;
    virtual void frame() = 0;                                 // render one frame now
    virtual void pointer(float x, float y, bool down) = 0;    // applies on the next frame
    virtual void pointer_away() = 0;                          // finger lifted: nothing hovered
    virtual void set_input(ScriptInput in) = 0;
    virtual void advance_ms(int64_t ms) = 0;                  // moves the virtual clock
    virtual bool screenshot(const std::string& name) = 0;     // PNG of the last frame
    // Draws the current screen again and reads back one pixel; false outside the screen.
    virtual bool pixel(int x, int y, uint8_t rgb[3]) = 0;
    // Draws the current screen the usual way (only what changed), then whole, and compares the
    // two pictures; false with where they differ.
    virtual bool redraw_exact(std::string& why) = 0;
    virtual const WidgetRegistry& widgets() const = 0;
    virtual std::string screen_name() const = 0;              // "home", "idle-prompt", …
    virtual std::string page() const = 0;                     // screen + question + language + prompt
    virtual uint64_t tap_guard_left_ms() const = 0;           // a tap now would be ignored this long
    virtual void reset_visit() = 0;                           // what the idle reset does, at once
    virtual float width() const = 0;
    virtual float height() const = 0;
    virtual float mm() const = 0;                             // pixels per millimetre
    virtual bool quit_requested() const = 0;
    // Sends what a keyboard or the window manager would: "escape", "alt-f4", "close", "quit".
    // False for an unknown name.
    virtual bool system_event(const std::string& name) = 0;
};

struct ScriptStep {
    int line = 0;
    std::string cmd;
    std::vector<std::string> args;
};

// Throws std::runtime_error "file:line: message" on a syntax error.
std::vector<ScriptStep> parse_script(const std::string& text, const std::string& name);

// Runs the steps; returns 0 when all expectations held, 1 otherwise (the failure and the
// widgets on screen are printed to stderr). `signal_dir` is where signal/await files live.
int run_script(ScriptHost& host, const std::vector<ScriptStep>& steps, const std::string& signal_dir);

// The built-in tour over every screen (headless run without --script).
std::string tour_script();

}  // namespace indgang::kiosk
