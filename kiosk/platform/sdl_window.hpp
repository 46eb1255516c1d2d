// The platform layer the kiosk and the staff window share (Tracy's Backend.hpp idea): SDL init,
// one window on the software renderer, the Dear ImGui context and its SDL backends, the idle
// policy of the event loop (SDL_WaitEventTimeout, a few frames after input), screenshots, and
// the one place that finds the fonts. No kiosk or staff logic: each program keeps its own frame.
#pragma once

#include <imgui.h>

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

struct SDL_Window;
struct SDL_Renderer;
union SDL_Event;

namespace indgang::platform {

// True when there is no display to open a window on (offscreen driver or no DISPLAY).
bool headless();

struct WindowOptions {
    std::string program = "indgang";   // prefix of error messages on stderr
    std::string title = "Indgang";
    int width = 1920, height = 1080;
    bool fullscreen = false;           // borderless, the display's size, no cursor (the kiosk)
    bool resizable = false;
    bool hidden = false;               // scripted runs of the staff window
    // Touch arrives as finger events (the kiosk handles them itself); SDL's mouse copy is off.
    bool no_touch_mouse = false;
    // ImGui's SDL2 backend turns keyboard, text input and mouse events into ImGui input (the
    // staff window's text fields). The kiosk feeds its own pointer and needs no keyboard.
    bool imgui_sdl_input = false;
    // SIGINT/SIGTERM become SDL_QUIT, so the staff window closes the normal way (workers joined).
    // Off for the kiosk: a service stop must end it, and kiosk mode ignores SDL_QUIT.
    bool quit_on_signal = false;
};

// SDL, the window, the software renderer and the ImGui context, torn down in reverse order.
class SdlWindow {
public:
    SdlWindow() = default;
    ~SdlWindow() { close(); }
    SdlWindow(const SdlWindow&) = delete;
    SdlWindow& operator=(const SdlWindow&) = delete;

    // Prints why on stderr and returns false when SDL, the window or the renderer cannot start.
    bool open(const WindowOptions& o);
    void close();

    SDL_Window* window() const { return window_; }
    SDL_Renderer* renderer() const { return renderer_; }
    // The software renderer draws on the window surface itself (x11, offscreen, dummy): the
    // picture stays between frames and changed rectangles can be shown alone.
    bool partial_present() const { return partial_present_; }
    void output_size(int& w, int& h) const;

    // The backends' per-frame calls (ImGui_ImplSDLRenderer, and ImGui_ImplSDL2 when asked for).
    void new_frame();
    // Feeds one event to ImGui's SDL2 backend (imgui_sdl_input only).
    void imgui_event(const SDL_Event& e);
    // Rebuild the font texture after the atlas changed.
    void fonts_changed_begin();
    void fonts_changed_end();

    // The renderer's picture as RGBA rows (w × h × 4); false when it cannot be read.
    bool read_pixels(std::vector<uint8_t>& rgba, int w, int h) const;

private:
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    bool sdl_ready_ = false, imgui_ready_ = false, sdl_input_ = false;
    bool partial_present_ = false;
};

// Writes RGBA rows as a PNG, creating the folder. (SDL2 has no PNG writer; libstb does.)
bool write_png(const std::string& path, int w, int h, const std::vector<uint8_t>& rgba);

// The idle policy of both event loops: sleep in SDL_WaitEventTimeout until the next thing the
// program knows will change (a clock, a timer, a database poll), but keep drawing a few frames
// after input so pressed and released states settle.
class IdlePolicy {
public:
    static constexpr int kSettleFrames = 3;
    // How long to wait for an event when the program itself wants to wake in `wanted_ms`.
    int timeout_ms(int wanted_ms, bool busy = false) const { return (busy || extra_ > 0) ? 0 : wanted_ms; }
    bool settling() const { return extra_ > 0; }
    void frame_drawn(bool had_input) { extra_ = had_input ? kSettleFrames : (extra_ > 0 ? extra_ - 1 : 0); }

private:
    int extra_ = 0;
};

// Waits up to `timeout_ms` for an event, then hands it and every other queued one to `handle`.
// Returns whether there was any.
bool wait_events(int timeout_ms, const std::function<void(const SDL_Event&)>& handle);

// [SECTION] Fonts: the one place that finds them

// The font files every screen draws with (core/text's bundled_fonts: Noto Sans, Noto Sans Arabic
// UI and Noto Sans Ethiopic, regular or bold), the first one the main face.
std::vector<std::string> font_files(bool bold);

struct FaceOptions {
    float px = 18;
    bool bold = false;
    const ImWchar* glyphs = nullptr;   // ranges baked from every face (a face bakes what it has)
    bool main_face_only = false;       // e.g. digits only: the other scripts are not needed
    // Arabic letters sit small in the em box next to Latin: staff text draws them larger.
    float arabic_scale = 1.0f, arabic_offset_y = 0.0f;
};

// Adds the faces merged into one ImFont; nullptr when the main face is missing (then the caller
// falls back to ImGui's built-in font).
ImFont* add_font_faces(ImFontAtlas* atlas, const FaceOptions& o);

}  // namespace indgang::platform
