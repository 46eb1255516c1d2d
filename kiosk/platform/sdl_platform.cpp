// [SECTION] Clock and input state
// [SECTION] Frame: input → ImGui → app → renderer (→ screenshot)
// [SECTION] Event loop and idle policy
// [SECTION] Scripted runs
#include "platform/sdl_platform.hpp"
#include "platform/sdl_window.hpp"
#include "platform/watchdog.hpp"

#include "app/script_runner.hpp"
#include "core/domain/civil_time.hpp"
#include "core/text/glyphs.hpp"
#include "platform/damage.hpp"
#include "ui/fast_fill.hpp"
#include "ui/fonts.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <sys/resource.h>

#include <algorithm>
#include <cfloat>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <cstdlib>
#include <ctime>
#include <deque>
#include <filesystem>
#include <set>
#include <vector>

namespace indgang::kiosk {

bool headless() { return platform::headless(); }

namespace {

SDL_Renderer* g_renderer = nullptr;   // for the opaque-fill draw callback, which gets no user pointer

// Writes an opaque rectangle straight into the surface the software renderer draws on, once what
// SDL has queued is on it. SDL fills with non-temporal stores row by row: quick for full-width
// rows (the clear), slow for the rows of a button (a 100×300 fill measured 3.4 ns per pixel, a
// blit of the same size 0.2). Any other kind of surface goes through SDL's fill.
void fill_opaque(SDL_Rect r, Uint8 red, Uint8 green, Uint8 blue) {
    SDL_RenderFlush(g_renderer);
    SDL_Surface* s = SDL_GetWindowSurface(SDL_RenderGetWindow(g_renderer));
    if (s && s->format->BytesPerPixel == 4 && !SDL_MUSTLOCK(s)) {
        const SDL_Rect all{0, 0, s->w, s->h}, want = r;
        if (!SDL_IntersectRect(&want, &all, &r)) return;
        const Uint32 px = SDL_MapRGB(s->format, red, green, blue);
        for (int y = r.y; y < r.y + r.h; ++y)
            std::fill_n(reinterpret_cast<Uint32*>(static_cast<Uint8*>(s->pixels) + static_cast<ptrdiff_t>(y) * s->pitch) + r.x,
                        r.w, px);
        return;
    }
    SDL_BlendMode mode;
    SDL_GetRenderDrawBlendMode(g_renderer, &mode);
    SDL_SetRenderDrawBlendMode(g_renderer, SDL_BLENDMODE_NONE);
    SDL_SetRenderDrawColor(g_renderer, red, green, blue, 255);
    SDL_RenderFillRect(g_renderer, &r);
    SDL_SetRenderDrawBlendMode(g_renderer, mode);
}

// Fills a rounded shape's body, unblended, inside the command's clip rectangle.
void draw_opaque_fill(const ImDrawList*, const ImDrawCmd* cmd) {
    const auto* f = static_cast<const OpaqueFill*>(cmd->UserCallbackData);
    const ImVec4& c = cmd->ClipRect;
    const SDL_Rect clip{static_cast<int>(c.x), static_cast<int>(c.y), static_cast<int>(c.z) - static_cast<int>(c.x),
                        static_cast<int>(c.w) - static_cast<int>(c.y)};
    for (int i = 0; i < 3; ++i) {
        const SDL_Rect body{static_cast<int>(f->min[i].x), static_cast<int>(f->min[i].y),
                            static_cast<int>(f->max[i].x) - static_cast<int>(f->min[i].x),
                            static_cast<int>(f->max[i].y) - static_cast<int>(f->min[i].y)};
        SDL_Rect r;
        if (SDL_IntersectRect(&body, &clip, &r))
            fill_opaque(r, f->col & 0xFF, (f->col >> 8) & 0xFF, (f->col >> 16) & 0xFF);
    }
}

double cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double wall_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

// Process start, for "time to first frame" (set in run_platform's caller via static init).
const double g_start_ms = wall_ms();

// [SECTION] Clock and input state ----------------------------------------------------------------

struct Pointer {
    float x = -FLT_MAX, y = -FLT_MAX;
    bool down = false;
};

class Platform final : public ScriptHost {
public:
    Platform(KioskApp& app, const PlatformOptions& o) : app_(app), opts_(o) {}
    ~Platform() override { shutdown(); }

    bool init();
    int run_interactive();
    int run_scripted();
    void print_timings() const;

    // ScriptHost
    void frame() override { render_frame(); }
    void pointer(float x, float y, bool down) override;
    void set_input(ScriptInput in) override { input_ = in; }
    void pointer_away() override { away_next_ = true; }
    void advance_ms(int64_t ms) override { virtual_ms_ += static_cast<uint64_t>(std::max<int64_t>(0, ms)); tick(); }
    bool screenshot(const std::string& name) override;
    bool pixel(int x, int y, uint8_t rgb[3]) override;
    bool redraw_exact(std::string& why) override;
    const WidgetRegistry& widgets() const override { return registry_; }
    std::string screen_name() const override {
        return app_.idle_prompt_showing() ? "idle-prompt" : kiosk::screen_name(app_.screen());
    }
    std::string page() const override { return app_.page_key(); }
    uint64_t tap_guard_left_ms() const override { return app_.tap_guard_left_ms(now_ms()); }
    void reset_visit() override { app_.reset_visit(); }
    float width() const override { return metrics_.width; }
    float height() const override { return metrics_.height; }
    float mm() const override { return metrics_.px_per_mm; }
    bool quit_requested() const override { return quit_ || app_.quit_requested(); }
    bool system_event(const std::string& name) override;

private:
    uint64_t now_ms() const { return scripted_ ? virtual_ms_ : SDL_GetTicks64(); }
    // Scripted runs move a virtual clock; the real loop reads the wall clock every time (a kiosk
    // runs for days: the Home clock, past slots and opening hours must move).
    Instant now() const { return scripted_ ? base_now_ + static_cast<Instant>(virtual_ms_ / 1000) : now_utc(); }
    bool tick() { return app_.tick(now_ms(), now()); }
    bool render_frame(bool capture = false);
    void handle(const SDL_Event& e);
    void move_pointer(const Pointer& p);
    void deliver(std::vector<SDL_Event> events);
    void update_metrics();
    void rebuild_fonts_if_needed();
    bool in_staff_corner(const Pointer& p) const {
        // A small square in the top-right corner, inside the screen margin where no button is.
        const float zone = metrics_.mm(9);
        return p.x >= metrics_.width - zone && p.y <= zone && p.x <= metrics_.width && p.y >= 0;
    }
    void shutdown();

    KioskApp& app_;
    PlatformOptions opts_;
    platform::SdlWindow sdl_;        // SDL, the window, the software renderer, ImGui (shared)
    SDL_Window* window_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    platform::IdlePolicy idle_;
    Metrics metrics_;
    Fonts fonts_;
    WidgetRegistry registry_;
    int font_generation_ = -1;
    bool scripted_ = false;
    uint64_t virtual_ms_ = 0;
    Instant base_now_ = 0;
    std::deque<Pointer> queue_;
    ScriptInput input_ = ScriptInput::Direct;
    bool finger_active_ = false;       // the one finger that drives the pointer is on the glass
    SDL_FingerID finger_id_ = 0;
    Pointer cur_;
    bool away_next_ = false;
    bool gesture_armed_ = false, gesture_fired_ = false;
    uint64_t gesture_start_ = 0;
    uint64_t last_frame_ms_ = 0;
    bool dirty_ = true;
    std::vector<FrameInput::Key> keys_;   // pressed since the last frame
    bool headphones_ = false;             // an audio output was plugged in since the last frame
    bool watch_audio_ = false;            // start-up's device list is behind us
    bool quit_ = false;
    bool first_frame_done_ = false;
    double first_frame_ms_ = 0;
    std::vector<double> frame_cpu_ms_;
    struct FrameCost { double build, raster, present, total; std::string screen; bool drawn; };
    std::vector<FrameCost> frame_costs_;
    DamageTracker damage_;           // what changed since the picture on screen
    DamageCull cull_;
    bool needs_full_redraw_ = true;  // window exposed, resized, fonts rebuilt or renderer reset
    bool partial_present_ = false;   // the renderer draws on the window surface: rectangles can be shown
    size_t partial_frames_ = 0;
    std::vector<uint8_t> pixels_;
};

bool Platform::init() {
    scripted_ = opts_.scripted;
    base_now_ = opts_.start_now ? opts_.start_now : now_utc();
    platform::WindowOptions w;
    w.program = "indgang-kiosk";
    w.title = "Indgang";
    w.width = opts_.width > 0 && opts_.height > 0 ? opts_.width : 1920;
    w.height = opts_.width > 0 && opts_.height > 0 ? opts_.height : 1080;
    w.fullscreen = !opts_.windowed;   // kiosk mode; a headless run stays a plain window
    w.resizable = opts_.windowed;
    w.no_touch_mouse = true;          // touch is handled as finger events; SDL's mouse copy would double it
    if (!sdl_.open(w)) return false;
    window_ = sdl_.window();
    renderer_ = sdl_.renderer();
    partial_present_ = sdl_.partial_present();

    ImGuiStyle& style = ImGui::GetStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.DisabledAlpha = 1.0f;   // disabled buttons draw their own greyed look
    g_renderer = renderer_;
    set_opaque_fill_callback(draw_opaque_fill);
    update_metrics();
    return true;
}

void Platform::shutdown() {
    sdl_.close();
    renderer_ = nullptr;
    window_ = nullptr;
}

void Platform::update_metrics() {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer_, &w, &h);
    const Metrics m = Metrics::for_screen(w, h, opts_.screen_inches);
    const bool rescale = std::abs(m.px_per_mm - metrics_.px_per_mm) > 0.02f * metrics_.px_per_mm;
    metrics_ = m;
    if (rescale) font_generation_ = -1;
}

void Platform::rebuild_fonts_if_needed() {
    if (font_generation_ == app_.data_generation() && fonts_.body) return;
    const bool first = !fonts_.body;
    auto dynamic = app_.dynamic_texts();
    if (!first && font_generation_ != -1) {
        // Live data changed: rebuild only when it brought a glyph the atlas lacks.
        bool missing = false;
        for (const auto& s : dynamic)
            for (char32_t c : text::code_points(s))
                if (c >= 0x20 && c <= 0xFFFF && !fonts_.body->FindGlyphNoFallback(static_cast<ImWchar>(c)))
                    missing = true;
        if (!missing) {
            font_generation_ = app_.data_generation();
            return;
        }
    }
    if (!first) sdl_.fonts_changed_begin();
    build_fonts(fonts_, metrics_, app_.text().i18n_dir(), app_.offered_languages(), dynamic);
    if (!first) sdl_.fonts_changed_end();
    font_generation_ = app_.data_generation();
    needs_full_redraw_ = true;   // same vertices may now show other pixels
}

// [SECTION] Frame ------------------------------------------------------------------------------

bool Platform::render_frame(bool capture) {
    const double cpu0 = cpu_ms();
    bool input = false;
    if (!queue_.empty()) {
        cur_ = queue_.front();
        queue_.pop_front();
        input = true;
    } else if (away_next_) {
        // imgui #2074: after a finger lifts, nothing may stay "hovered".
        cur_.x = cur_.y = -FLT_MAX;
        away_next_ = false;
    }
    const uint64_t ms = now_ms();
    bool gesture = false;
    if (cur_.down && in_staff_corner(cur_)) {
        if (!gesture_armed_) {
            gesture_armed_ = true;
            gesture_start_ = ms;
        } else if (!gesture_fired_ && ms - gesture_start_ >= 3000) {
            gesture_fired_ = true;
            gesture = true;
        }
    } else {
        gesture_armed_ = gesture_fired_ = false;
    }
    rebuild_fonts_if_needed();

    ImGuiIO& io = ImGui::GetIO();
    sdl_.new_frame();
    io.DisplaySize = ImVec2(metrics_.width, metrics_.height);
    io.DeltaTime = std::clamp((ms - last_frame_ms_) / 1000.0f, 0.001f, 1.0f);
    last_frame_ms_ = ms;
    io.MousePos = ImVec2(cur_.x, cur_.y);
    io.MouseDown[0] = cur_.down && !gesture_armed_;
    begin_frame_fills();
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("##kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoScrollWithMouse |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav);
    registry_.begin_frame();
    Ui ui{metrics_, &fonts_, &app_.text(), &registry_, ImGui::GetWindowDrawList(), {}};
    app_.frame(ui, {ms, now(), input, gesture, io.MouseDown[0], std::exchange(keys_, {}), std::exchange(headphones_, false)});
    ImGui::End();
    ImGui::Render();
    // Frames after a tap often draw exactly what is already on screen (pressed states settling,
    // timers that changed nothing visible). Rasterising 1920×1080 in software is the expensive
    // part, so an unchanged picture is not drawn again.
    const double cpu_built = cpu_ms();
    // Frames after a tap often draw exactly what is already on screen (pressed states settling,
    // timers that changed nothing visible), and most others change one button. Only the tiles
    // whose picture changed are drawn again; the rest is still on the window surface.
    ImDrawData* dd = ImGui::GetDrawData();
    const int w = static_cast<int>(metrics_.width), h = static_cast<int>(metrics_.height);
    const PixelRect damage = damage_.update(*dd, w, h);
    const bool unchanged = damage.empty() && !needs_full_redraw_;
    const bool full = needs_full_redraw_ || opts_.full_redraw || !partial_present_ || damage.area() * 2 > long{w} * h;
    const SDL_Rect rect{damage.x0, damage.y0, damage.x1 - damage.x0, damage.y1 - damage.y0};
    if (!unchanged) {
        if (full) {
            SDL_SetRenderDrawColor(renderer_, 246, 243, 238, 255);
            SDL_RenderClear(renderer_);
            ImGui_ImplSDLRenderer_RenderDrawData(dd);
        } else {
            fill_opaque(rect, 246, 243, 238);
            ImGui_ImplSDLRenderer_RenderDrawData(cull_.cull(*dd, damage));
            ++partial_frames_;
        }
        needs_full_redraw_ = false;
    }
    if (capture) sdl_.read_pixels(pixels_, w, h);
    const double cpu_rastered = cpu_ms();
    if (!unchanged && full) {
        SDL_RenderPresent(renderer_);
    } else if (!unchanged) {
        SDL_RenderFlush(renderer_);
        SDL_UpdateWindowSurfaceRects(window_, &rect, 1);   // only the changed part to the display
    }
    const double spent = cpu_ms() - cpu0;
    if (!first_frame_done_) {
        first_frame_done_ = true;
        first_frame_ms_ = wall_ms() - g_start_ms;
    } else if (opts_.print_timings) {
        frame_cpu_ms_.push_back(spent);
        frame_costs_.push_back({cpu_built - cpu0, cpu_rastered - cpu_built, cpu_ms() - cpu_rastered, spent,
                                screen_name(), !unchanged});
    }
    dirty_ = false;
    return input;
}

bool Platform::screenshot(const std::string& name) {
    render_frame(true);
    if (pixels_.empty()) return false;
    const std::string path = (std::filesystem::path(opts_.screenshots_dir) / (name + ".png")).string();
    return platform::write_png(path, static_cast<int>(metrics_.width), static_cast<int>(metrics_.height), pixels_);
}

bool Platform::pixel(int x, int y, uint8_t rgb[3]) {
    render_frame(true);
    const int w = static_cast<int>(metrics_.width), h = static_cast<int>(metrics_.height);
    if (pixels_.empty() || x < 0 || y < 0 || x >= w || y >= h) return false;
    const uint8_t* p = &pixels_[(static_cast<size_t>(y) * w + x) * 4];
    std::copy(p, p + 3, rgb);
    return true;
}

bool Platform::redraw_exact(std::string& why) {
    render_frame(true);
    const std::vector<uint8_t> incremental = pixels_;
    needs_full_redraw_ = true;
    render_frame(true);
    if (pixels_.empty() || incremental.size() != pixels_.size()) {
        why = "no picture";
        return false;
    }
    const int w = static_cast<int>(metrics_.width);
    int n = 0, x0 = w, y0 = 1 << 30, x1 = -1, y1 = -1;
    for (size_t i = 0; i < pixels_.size(); i += 4) {
        if (std::memcmp(&pixels_[i], &incremental[i], 3) == 0) continue;
        const int x = static_cast<int>(i / 4) % w, y = static_cast<int>(i / 4) / w;
        ++n;
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
    }
    if (n == 0) return true;
    why = std::to_string(n) + " pixels in " + std::to_string(x0) + "," + std::to_string(y0) + " – " +
          std::to_string(x1) + "," + std::to_string(y1);
    return false;
}

// [SECTION] Event loop and idle policy ---------------------------------------------------------

// Scripted: the events a keyboard, the window manager or the desktop would send, through handle().
bool Platform::system_event(const std::string& name) {
    std::vector<SDL_Event> events;
    SDL_Event e{};
    if (name == "escape" || name == "alt-f4") {
        e.type = SDL_KEYDOWN;
        e.key.state = SDL_PRESSED;
        e.key.keysym.sym = name == "escape" ? SDLK_ESCAPE : SDLK_F4;
        e.key.keysym.scancode = name == "escape" ? SDL_SCANCODE_ESCAPE : SDL_SCANCODE_F4;
        e.key.keysym.mod = name == "escape" ? KMOD_NONE : KMOD_LALT;
        events.push_back(e);
        e.type = SDL_KEYUP;
        e.key.state = SDL_RELEASED;
        events.push_back(e);
    }
    if (name.rfind("key-", 0) == 0) {   // "key-tab", "key-return", "key-keypad 5": a key by SDL's name
        e.type = SDL_KEYDOWN;
        e.key.state = SDL_PRESSED;
        e.key.keysym.sym = SDL_GetKeyFromName(name.substr(4).c_str());
        if (e.key.keysym.sym == SDLK_UNKNOWN) return false;
        events.push_back(e);
    }
    if (name == "headphones") {   // an audio output plugged in
        watch_audio_ = true;
        e.type = SDL_AUDIODEVICEADDED;
        e.adevice.iscapture = 0;
        events.push_back(e);
    }
    if (name == "alt-f4" || name == "close") {   // the window manager asks the window to close
        SDL_Event c{};
        c.type = SDL_WINDOWEVENT;
        c.window.event = SDL_WINDOWEVENT_CLOSE;
        c.window.windowID = SDL_GetWindowID(window_);
        events.push_back(c);
        c = SDL_Event{};
        c.type = SDL_QUIT;   // SDL sends this when its last window is closed
        events.push_back(c);
    }
    if (name == "quit") {
        e = SDL_Event{};
        e.type = SDL_QUIT;
        events.push_back(e);
    }
    if (events.empty()) return false;
    deliver(std::move(events));
    return true;
}

// Through SDL's queue and the same handle() as a real device's events.
void Platform::deliver(std::vector<SDL_Event> events) {
    for (SDL_Event& ev : events) SDL_PushEvent(&ev);
    SDL_Event got;
    while (SDL_PollEvent(&got)) handle(got);
}

// Coalesces moves so a drag does not queue hundreds of frames.
void Platform::move_pointer(const Pointer& p) {
    if (!queue_.empty() && queue_.back().down == p.down) queue_.back() = p;
    else if (queue_.empty() && cur_.down == p.down) { cur_.x = p.x; cur_.y = p.y; dirty_ = cur_.down; }
    else queue_.push_back(p);
}

// Scripted input: straight into the pointer queue, or as the SDL events a mouse or a touchscreen
// would send, through the same handle() as a real device.
void Platform::pointer(float x, float y, bool down) {
    if (input_ == ScriptInput::Direct) {
        queue_.push_back({x, y, down});
        return;
    }
    const bool was_down = queue_.empty() ? cur_.down : queue_.back().down;
    SDL_Event e{};
    if (input_ == ScriptInput::Mouse) {
        if (down != was_down) {
            e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
            e.button.button = SDL_BUTTON_LEFT;
            e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
            e.button.x = static_cast<Sint32>(x);
            e.button.y = static_cast<Sint32>(y);
        } else {
            e.type = SDL_MOUSEMOTION;
            e.motion.state = down ? SDL_BUTTON_LMASK : 0;
            e.motion.x = static_cast<Sint32>(x);
            e.motion.y = static_cast<Sint32>(y);
        }
    } else {
        e.type = down != was_down ? (down ? SDL_FINGERDOWN : SDL_FINGERUP) : SDL_FINGERMOTION;
        if (e.type == SDL_FINGERMOTION && !down) return;   // a finger cannot hover
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = 7;
        e.tfinger.x = x / metrics_.width;
        e.tfinger.y = y / metrics_.height;
        e.tfinger.pressure = 1.0f;
    }
    deliver({e});
}

void Platform::handle(const SDL_Event& e) {
    switch (e.type) {
    case SDL_QUIT:
        // Kiosk mode: window-close and Alt+F4 do not end the kiosk; only staff can.
        if (opts_.windowed) quit_ = true;
        break;
    case SDL_MOUSEMOTION:
        if (e.motion.which == SDL_TOUCH_MOUSEID) break;   // a finger: handled as one below
        move_pointer({static_cast<float>(e.motion.x), static_cast<float>(e.motion.y), (e.motion.state & SDL_BUTTON_LMASK) != 0});
        break;
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e.button.button != SDL_BUTTON_LEFT || e.button.which == SDL_TOUCH_MOUSEID) break;
        queue_.push_back({static_cast<float>(e.button.x), static_cast<float>(e.button.y), e.type == SDL_MOUSEBUTTONDOWN});
        if (e.type == SDL_MOUSEBUTTONUP) away_next_ = true;
        break;
    case SDL_FINGERDOWN:
    case SDL_FINGERMOTION:
    case SDL_FINGERUP: {
        // The first finger on the glass is the pointer; a second one (a palm, a leaning arm)
        // is ignored until it lifts. Coordinates come normalised to the window.
        if (e.type == SDL_FINGERDOWN) {
            if (finger_active_) break;
            finger_active_ = true;
            finger_id_ = e.tfinger.fingerId;
        } else if (!finger_active_ || e.tfinger.fingerId != finger_id_) {
            break;
        }
        const Pointer p{e.tfinger.x * metrics_.width, e.tfinger.y * metrics_.height, e.type != SDL_FINGERUP};
        if (e.type == SDL_FINGERMOTION) {
            move_pointer(p);
        } else {
            queue_.push_back(p);
            if (e.type == SDL_FINGERUP) {
                finger_active_ = false;
                away_next_ = true;   // no hover after the finger lifts
            }
        }
        break;
    }
    case SDL_KEYDOWN:
        // Escape, Alt+F4 and friends do nothing; other keys go to the app (audio mode).
        keys_.push_back({e.key.keysym.sym, (e.key.keysym.mod & KMOD_SHIFT) != 0});
        dirty_ = true;
        break;
    case SDL_AUDIODEVICEADDED:
        if (!e.adevice.iscapture && watch_audio_) headphones_ = dirty_ = true;
        break;
    case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) update_metrics();
        dirty_ = true;
        needs_full_redraw_ = true;
        break;
    case SDL_RENDER_TARGETS_RESET:
    case SDL_RENDER_DEVICE_RESET:
        dirty_ = true;
        needs_full_redraw_ = true;
        break;
    default: break;
    }
}

int Platform::run_interactive() {
    app_.start(now_ms(), now());
    render_frame();
    render_frame();
    // Audio outputs plugged in from now on (a USB headset) turn audio mode on; the devices SDL
    // announces at start-up are drained first. Without audio this fails quietly.
    if (SDL_InitSubSystem(SDL_INIT_AUDIO) == 0) SDL_FlushEvent(SDL_AUDIODEVICEADDED);
    watch_audio_ = true;
    Watchdog watchdog;   // systemd's, when run by indgang-kiosk.service
    watchdog.ready();
    const double idle_cpu0 = cpu_ms(), idle_wall0 = wall_ms();
    while (!quit_ && !app_.quit_requested()) {
        if (opts_.run_seconds > 0 && wall_ms() - idle_wall0 >= opts_.run_seconds * 1000) {
            const double cpu = cpu_ms() - idle_cpu0, wall = wall_ms() - idle_wall0;
            std::printf("idle_seconds %.1f\nidle_cpu_ms %.1f\nidle_cpu_percent %.3f\n", wall / 1000, cpu,
                        100.0 * cpu / wall);
            break;
        }
        int timeout = idle_.timeout_ms(app_.next_wakeup_ms(now_ms()), !queue_.empty() || away_next_ || dirty_);
        if (gesture_armed_ && !gesture_fired_) timeout = std::min(timeout, 100);
        if (opts_.run_seconds > 0) timeout = std::min(timeout, 1000);
        timeout = std::min(timeout, watchdog.max_sleep_ms(now_ms()));
        platform::wait_events(timeout, [this](const SDL_Event& e) { handle(e); });
        const bool changed = tick();
        if (changed || idle_.settling() || !queue_.empty() || away_next_ || dirty_ || gesture_armed_)
            idle_.frame_drawn(render_frame());
        watchdog.feed(now_ms());
    }
    watchdog.stopping();
    return 0;
}

// [SECTION] Scripted runs ----------------------------------------------------------------------

int Platform::run_scripted() {
    app_.start(now_ms(), now());
    std::vector<ScriptStep> steps;
    try {
        steps = parse_script(opts_.script, opts_.script_name);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-kiosk: %s\n", e.what());
        return 2;
    }
    return run_script(*this, steps, opts_.signal_dir);
}

void Platform::print_timings() const {
    std::vector<double> v = frame_cpu_ms_;
    std::sort(v.begin(), v.end());
    auto pct = [&](double p) { return v.empty() ? 0.0 : v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))]; };
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("first_frame_ms %.1f\nframes %zu\nframe_cpu_median_ms %.2f\nframe_cpu_p99_ms %.2f\n"
                "frame_cpu_max_ms %.2f\npartial_frames %zu\npeak_rss_mb %.1f\natlas %dx%d glyphs %d\n",
                first_frame_ms_, v.size(), pct(0.5), pct(0.99), v.empty() ? 0.0 : v.back(), partial_frames_, ru.ru_maxrss / 1024.0,
                fonts_.atlas_w, fonts_.atlas_h, fonts_.glyph_count);
    // The slowest frames, split into phases, so the next optimisation knows where to look.
    std::vector<FrameCost> worst = frame_costs_;
    std::sort(worst.begin(), worst.end(), [](const FrameCost& a, const FrameCost& b) { return a.total > b.total; });
    for (size_t i = 0; i < std::min<size_t>(8, worst.size()); ++i)
        std::printf("slow_frame %.2f ms: build %.2f raster %.2f present %.2f drawn %d screen %s\n", worst[i].total,
                    worst[i].build, worst[i].raster, worst[i].present, worst[i].drawn ? 1 : 0, worst[i].screen.c_str());
}

}  // namespace

int run_platform(KioskApp& app, const PlatformOptions& opts) {
    Platform p(app, opts);
    if (!p.init()) return 3;
    const int rc = opts.scripted ? p.run_scripted() : p.run_interactive();
    if (opts.print_timings) p.print_timings();
    return rc;
}

}  // namespace indgang::kiosk
