// The staff window: SDL2 + Dear ImGui on the SDL renderer, mouse and keyboard. Sleeps in the
// event wait when idle, reloads when another process (kiosk, CLI) changed the database.
#include "commands.hpp"
#include "gui_state.hpp"
#include "views.hpp"

#include "core/db/store.hpp"
#include "core/domain/timetable.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdl.h>
#include <imgui_impl_sdlrenderer.h>
#include <stb/stb_image_write.h>

#include <cstdio>
#include <filesystem>
#include <vector>

namespace indgang::admin {

namespace gui {

void section(const char* title) {
    ImGui::Spacing();
    ImGui::TextColored(ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive), "%s", title);
    ImGui::Separator();
}

static void load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    const char* dir = "/usr/share/fonts/truetype/noto/";
    ImFontConfig cfg;
    cfg.OversampleH = cfg.OversampleV = 1;
    static const ImWchar latin[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x2010, 0x2027, 0};
    if (!io.Fonts->AddFontFromFileTTF((std::string(dir) + "NotoSans-Regular.ttf").c_str(), 18.0f, &cfg, latin)) {
        io.Fonts->AddFontDefault();
        return;
    }
    // Nicknames may be in any script staff meet; Arabic letters arrive shaped from the core.
    ImFontConfig merge = cfg;
    merge.MergeMode = true;
    static const ImWchar arabic[] = {0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    // Arabic letters sit small in the em box next to Latin: a larger size matches their height.
    merge.GlyphOffset.y = 1.0f;
    io.Fonts->AddFontFromFileTTF((std::string(dir) + "NotoSansArabicUI-Regular.ttf").c_str(), 23.0f, &merge, arabic);
    merge.GlyphOffset.y = 0.0f;
    static const ImWchar ethiopic[] = {0x1200, 0x139F, 0};
    io.Fonts->AddFontFromFileTTF((std::string(dir) + "NotoSansEthiopic-Regular.ttf").c_str(), 18.0f, &merge, ethiopic);
}

static bool save_png(SDL_Renderer* r, int w, int h, const std::string& path) {
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    if (SDL_RenderReadPixels(r, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), w * 4) != 0) return false;
    return stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4) != 0;
}

static void draw_frame(State& s, Instant now, bool* tab_switch_pending, Tab forced) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("Indgang staff", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    ImGui::Text("%s  —  %s", s.site.name.c_str(), s.site.address.c_str());
    if (ImGui::BeginTabBar("tabs")) {
        struct { Tab tab; const char* label; void (*draw)(State&, Instant); } tabs[] = {
            {Tab::Today, "Today###today_tab", draw_today},
            {Tab::Timetable, "Timetable###timetable_tab", draw_timetable},
            {Tab::Reports, "Reports###reports_tab", draw_reports},
            {Tab::Upload, "Upload###upload_tab", draw_upload},
            {Tab::Settings, "Settings###settings_tab", draw_settings},
        };
        for (const auto& t : tabs) {
            ImGuiTabItemFlags flags = (*tab_switch_pending && forced == t.tab) ? ImGuiTabItemFlags_SetSelected : 0;
            if (ImGui::BeginTabItem(t.label, nullptr, flags)) {
                s.tab = t.tab;
                ImGui::BeginChild("content", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()));
                t.draw(s, now);
                ImGui::EndChild();
                ImGui::EndTabItem();
            }
        }
        *tab_switch_pending = false;
        ImGui::EndTabBar();
    }
    if (!s.status.empty())
        ImGui::TextColored(s.status_is_error ? ImVec4(0.8f, 0.2f, 0.1f, 1) : ImVec4(0.1f, 0.5f, 0.2f, 1),
                           "%s", s.status.c_str());
    ImGui::End();
}

}  // namespace gui

int run_gui(Context& ctx) {
    using namespace gui;
    std::unique_ptr<db::Db> db;
    try {
        db = ctx.open();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", e.what());
        return 3;
    }
    RunQueue main_queue;
    State s;
    s.db = db.get();
    s.main_queue = &main_queue;
    s.site_id = resolve_site(*db, ctx.site_id);
    s.tz = site_timezone(*db, s.site_id);
    s.day = s.tz.today(ctx.now());
    reload(s, ctx.now());

    const bool headless = !ctx.screenshots_dir.empty();
    if (headless && !SDL_getenv("DISPLAY") && !SDL_getenv("WAYLAND_DISPLAY"))
        SDL_setenv("SDL_VIDEODRIVER", "offscreen", 0);
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER) != 0) {
        std::fprintf(stderr, "indgang-admin: cannot open a window: %s\n", SDL_GetError());
        return 2;
    }
    const int w = 1280, h = 860;
    SDL_Window* window = SDL_CreateWindow("Indgang — staff", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                          w, h, SDL_WINDOW_RESIZABLE | (headless ? SDL_WINDOW_HIDDEN : 0));
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!renderer) {
        std::fprintf(stderr, "indgang-admin: cannot create a renderer: %s\n", SDL_GetError());
        return 2;
    }
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().FrameRounding = 4;
    ImGui::GetStyle().ScaleAllSizes(1.2f);
    load_fonts();
    ImGui_ImplSDL2_InitForSDLRenderer(window);
    ImGui_ImplSDLRenderer_Init(renderer);

    // Headless: each tab gets a few frames to lay out, then a screenshot.
    const Tab shots[] = {Tab::Today, Tab::Timetable, Tab::Reports, Tab::Upload, Tab::Settings};
    const char* shot_names[] = {"admin-today", "admin-timetable", "admin-reports", "admin-upload",
                                "admin-settings"};
    const int shot_count = 5;
    int shot = 0, frames_in_shot = 0;
    bool tab_switch_pending = headless;
    if (headless) std::filesystem::create_directories(ctx.screenshots_dir);

    bool running = true;
    int busy_frames = 3;   // keep drawing a few frames after input so ImGui settles
    Uint32 last_poll = 0;
    while (running) {
        SDL_Event e;
        const bool got = headless ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, busy_frames > 0 ? 16 : 1000);
        if (got) {
            do {
                ImGui_ImplSDL2_ProcessEvent(&e);
                if (e.type == SDL_QUIT) running = false;
            } while (SDL_PollEvent(&e));
            busy_frames = 3;
        }
        const Instant now = ctx.now();
        main_queue.drain();
        if (SDL_GetTicks() - last_poll > 1000) {
            last_poll = SDL_GetTicks();
            try {
                if (db->data_version() != s.data_version) reload(s, now);
            } catch (const std::exception& ex) {
                set_status(s, std::string("Database unavailable: ") + ex.what(), true);
            }
        }
        ImGui_ImplSDLRenderer_NewFrame();
        ImGui_ImplSDL2_NewFrame();
        ImGui::NewFrame();
        draw_frame(s, now, &tab_switch_pending, headless ? shots[shot] : s.tab);
        ImGui::Render();
        SDL_SetRenderDrawColor(renderer, 240, 240, 240, 255);
        SDL_RenderClear(renderer);
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        if (headless && ++frames_in_shot == 4) {
            const std::string path = ctx.screenshots_dir + "/" + shot_names[shot] + ".png";
            if (!save_png(renderer, w, h, path)) std::fprintf(stderr, "could not write %s\n", path.c_str());
            frames_in_shot = 0;
            if (++shot == shot_count) running = false;
            else tab_switch_pending = true;
        }
        SDL_RenderPresent(renderer);
        run_pending(s, now);
        if (busy_frames > 0) --busy_frames;
    }
    if (headless) std::printf("screenshots written to %s\n", ctx.screenshots_dir.c_str());
    if (s.sender.joinable()) s.sender.join();
    main_queue.drain();

    ImGui_ImplSDLRenderer_Shutdown();
    ImGui_ImplSDL2_Shutdown();
    ImGui::DestroyContext();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}

}  // namespace indgang::admin
