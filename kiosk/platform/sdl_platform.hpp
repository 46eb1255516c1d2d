// The one platform file: SDL init, the window and software renderer, the main loop with its idle
// policy, touch/mouse input, the hidden staff gesture, screenshots and scripted runs.
#pragma once

#include "app/kiosk_app.hpp"

#include <string>

namespace indgang::kiosk {

struct PlatformOptions {
    bool windowed = false;          // a normal window (development); kiosk mode otherwise
    int width = 0, height = 0;      // 0 = the display's size (fullscreen) or 1920×1080
    float screen_inches = 21.5f;    // diagonal, for sizes in millimetres
    bool scripted = false;          // run `script` (even an empty one) instead of the event loop
    std::string script;             // script text to run (scripted mode)
    std::string script_name;
    std::string signal_dir;         // where the script's signal/await files live
    std::string screenshots_dir;    // PNGs go here
    bool print_timings = false;     // --bench: first frame and per-frame CPU times
    double run_seconds = 0;         // --run-seconds: leave the event loop after this long (bench)
    bool full_redraw = false;       // --full-redraw: draw every changed frame whole (tests compare)
    Instant start_now = 0;          // the wall clock at start (0 = now_utc()): the tour fixes its own
};

// Runs until staff quit (or the script ends). Returns the process exit code.
int run_platform(KioskApp& app, const PlatformOptions& opts);

// True when there is no display to open a window on (offscreen driver or no DISPLAY).
bool headless();

}  // namespace indgang::kiosk
