// [SECTION] SDL, the window and the renderer
// [SECTION] Screenshots
// [SECTION] Event wait
// [SECTION] Fonts
#include "kiosk/platform/sdl_window.hpp"

#include "core/text/glyphs.hpp"

#include <SDL.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb/stb_image_write.h>   // libstb (a dependency of libimgui-dev): SDL2 has no PNG writer

#include <cstdio>
#include <cstdlib>
#include <filesystem>

namespace indgang::platform {

bool headless() {
    const char* drv = std::getenv("SDL_VIDEODRIVER");
    if (drv && (std::string(drv) == "offscreen" || std::string(drv) == "dummy")) return true;
    const char* x = std::getenv("DISPLAY");
    const char* w = std::getenv("WAYLAND_DISPLAY");
    return !(x && *x) && !(w && *w);
}

// [SECTION] SDL, the window and the renderer ----------------------------------------------------

bool SdlWindow::open(const WindowOptions& o) {
    // The kiosk lets SIGTERM/SIGINT end the process the normal way (service stop) instead of
    // becoming SDL_QUIT, which kiosk mode ignores.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, o.quit_on_signal ? "0" : "1");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (o.no_touch_mouse) SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
    // Without this SDL presents the software renderer's surface through an OpenGL "texture
    // framebuffer": Mesa's llvmpipe gets loaded (~70 MB resident, a 1080p upload per frame,
    // idle wake-ups, and dlopen'ed drivers that LeakSanitizer reports at exit). The plain window
    // surface is what a small box without a GPU wants.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    const bool offscreen = headless();
    if (offscreen && !std::getenv("SDL_VIDEODRIVER")) SDL_SetHint(SDL_HINT_VIDEODRIVER, "offscreen");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "%s: SDL_Init failed: %s\n", o.program.c_str(), SDL_GetError());
        return false;
    }
    sdl_ready_ = true;
    Uint32 flags = o.hidden ? SDL_WINDOW_HIDDEN : SDL_WINDOW_SHOWN;
    if (o.fullscreen && !offscreen) flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
    if (o.resizable) flags |= SDL_WINDOW_RESIZABLE;
    const int w = o.width > 0 ? o.width : 1920, h = o.height > 0 ? o.height : 1080;
    window_ = SDL_CreateWindow(o.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!window_) {
        std::fprintf(stderr, "%s: cannot open a window: %s\n", o.program.c_str(), SDL_GetError());
        return false;
    }
    renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    if (!renderer_) {
        std::fprintf(stderr, "%s: no renderer: %s\n", o.program.c_str(), SDL_GetError());
        return false;
    }
    const std::string driver = SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "";
    partial_present_ = driver == "x11" || driver == "offscreen" || driver == "dummy";
    if (o.fullscreen && !offscreen) SDL_ShowCursor(SDL_DISABLE);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;   // no files written next to the program
    io.LogFilename = nullptr;
    ImGui_ImplSDLRenderer_Init(renderer_);
    if (o.imgui_sdl_input) ImGui_ImplSDL2_InitForSDLRenderer(window_);
    sdl_input_ = o.imgui_sdl_input;
    imgui_ready_ = true;
    return true;
}

void SdlWindow::close() {
    if (imgui_ready_) {
        ImGui_ImplSDLRenderer_Shutdown();
        if (sdl_input_) ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
        imgui_ready_ = false;
    }
    if (renderer_) SDL_DestroyRenderer(renderer_);
    if (window_) SDL_DestroyWindow(window_);
    renderer_ = nullptr;
    window_ = nullptr;
    if (sdl_ready_) SDL_Quit();
    sdl_ready_ = false;
}

void SdlWindow::output_size(int& w, int& h) const {
    w = h = 0;
    if (renderer_) SDL_GetRendererOutputSize(renderer_, &w, &h);
}

void SdlWindow::new_frame() {
    ImGui_ImplSDLRenderer_NewFrame();
    if (sdl_input_) ImGui_ImplSDL2_NewFrame();
}

void SdlWindow::imgui_event(const SDL_Event& e) {
    if (sdl_input_) ImGui_ImplSDL2_ProcessEvent(&e);
}

void SdlWindow::fonts_changed_begin() { ImGui_ImplSDLRenderer_DestroyFontsTexture(); }
void SdlWindow::fonts_changed_end() { ImGui_ImplSDLRenderer_CreateFontsTexture(); }

// [SECTION] Screenshots ----------------------------------------------------------------------

bool SdlWindow::read_pixels(std::vector<uint8_t>& rgba, int w, int h) const {
    rgba.resize(static_cast<size_t>(w) * h * 4);
    // ABGR8888 is R,G,B,A in memory on little-endian machines: what PNG wants.
    if (!renderer_ || SDL_RenderReadPixels(renderer_, nullptr, SDL_PIXELFORMAT_ABGR8888, rgba.data(), w * 4) != 0) {
        rgba.clear();
        return false;
    }
    return true;
}

bool write_png(const std::string& path, int w, int h, const std::vector<uint8_t>& rgba) {
    if (rgba.size() != static_cast<size_t>(w) * h * 4) return false;
    const auto dir = std::filesystem::path(path).parent_path();
    std::error_code ec;
    if (!dir.empty()) std::filesystem::create_directories(dir, ec);
    return stbi_write_png(path.c_str(), w, h, 4, rgba.data(), w * 4) != 0;
}

// [SECTION] Event wait -----------------------------------------------------------------------

bool wait_events(int timeout_ms, const std::function<void(const SDL_Event&)>& handle) {
    SDL_Event e;
    if (!SDL_WaitEventTimeout(&e, timeout_ms)) return false;
    handle(e);
    while (SDL_PollEvent(&e)) handle(e);
    return true;
}

// [SECTION] Fonts ----------------------------------------------------------------------------

std::vector<std::string> font_files(bool bold) { return text::bundled_fonts(bold); }

ImFont* add_font_faces(ImFontAtlas* atlas, const FaceOptions& o) {
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;   // drawn at the baked size; saves atlas memory
    cfg.PixelSnapH = true;                   // with oversampling 1, whole-pixel advances keep spacing even
    ImFont* font = nullptr;
    const auto faces = font_files(o.bold);
    for (size_t i = 0; i < faces.size(); ++i) {
        if (!std::filesystem::exists(faces[i])) {
            if (i == 0) return nullptr;
            continue;
        }
        const bool arabic = faces[i].find("Arabic") != std::string::npos;
        cfg.GlyphOffset.y = arabic ? o.arabic_offset_y : 0.0f;
        ImFont* added = atlas->AddFontFromFileTTF(faces[i].c_str(), arabic ? o.px * o.arabic_scale : o.px, &cfg, o.glyphs);
        if (!font) font = added;
        cfg.MergeMode = true;
        if (o.main_face_only) break;
    }
    return font;
}

}  // namespace indgang::platform
