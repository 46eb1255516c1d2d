// The staff window: SDL2 + Dear ImGui on the SDL renderer, mouse and keyboard. Sleeps in the
// event wait when idle, reloads when another process (kiosk, CLI) changed the database. Nothing
// but the PIN gate is drawn until the staff PIN is given; an empty database gets the set-up form.
#include "commands.hpp"
#include "drawn_widgets.hpp"
#include "gui_state.hpp"
#include "staff_errors.hpp"
#include "views.hpp"
#include "window_script.hpp"

#include "core/db/store.hpp"
#include "core/text/staff_text.hpp"
#include "kiosk/platform/sdl_window.hpp"

#include <SDL.h>
#include <imgui.h>
#include <imgui_impl_sdlrenderer.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace indgang::admin {

namespace gui {

using text::st;

void ask(State& s, std::string question, std::string yes, std::function<void()> action) {
    s.confirm.question = std::move(question);
    s.confirm.yes = std::move(yes);
    s.confirm.action = std::move(action);
    s.confirm.open_requested = true;
}

// The kiosk's faces, found where the kiosk finds them (platform::font_files). Nicknames may be in
// any script staff meet; Arabic letters arrive shaped from the core.
static void load_fonts() {
    ImGuiIO& io = ImGui::GetIO();
    static const ImWchar glyphs[] = {0x0020, 0x024F, 0x0370, 0x03FF, 0x0400, 0x04FF, 0x1200, 0x139F, 0x2010, 0x2027,
                                     0x2190, 0x2193, 0x2713, 0x2713, 0x0600, 0x06FF, 0xFB50, 0xFDFF, 0xFE70, 0xFEFF, 0};
    platform::FaceOptions o;
    o.px = 18.0f;
    o.glyphs = glyphs;
    // Arabic letters sit small in the em box next to Latin: a larger size matches their height.
    o.arabic_scale = 23.0f / 18.0f;
    o.arabic_offset_y = 1.0f;
    if (!platform::add_font_faces(io.Fonts, o)) io.Fonts->AddFontDefault();
}

static void draw_confirm(State& s) {
    if (s.confirm.open_requested) {
        ImGui::OpenPopup("###confirm");
        s.confirm.open_requested = false;
    }
    ImGui::SetNextWindowSize(ImVec2(560, 0));
    if (!ImGui::BeginPopupModal((std::string(st("Are you sure?")) + "###confirm").c_str(), nullptr,
                                ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoSavedSettings))
        return;
    drawn().add({DrawnItem::Kind::Text, "", st("Are you sure?"), {}, {}});
    text_wrapped(s.confirm.question);
    ImGui::Spacing();
    if (button(s.confirm.yes + "###confirm_yes")) {
        act(s, std::move(s.confirm.action));
        s.confirm = {};
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    if (button(st("No, go back") + std::string("###confirm_no"))) {
        s.confirm = {};
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

static void draw_frame(State& s, Instant now, std::optional<Tab>* forced) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    ImGui::Begin("Indgang staff", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings);
    if (!s.unlocked) {
        draw_gate(s, now);
    } else if (s.needs_setup) {
        ImGui::BeginChild("setup", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()));
        draw_setup(s, now);
        ImGui::EndChild();
    } else {
        text(s.site.name + "  —  " + s.site.address);
        if (ImGui::BeginTabBar("tabs")) {
            struct { Tab tab; const char* label; const char* id; void (*draw)(State&, Instant); } tabs[] = {
                {Tab::Today, st("Today"), "###today_tab", draw_today},
                {Tab::Timetable, st("Timetable"), "###timetable_tab", draw_timetable},
                {Tab::Reports, st("Reports"), "###reports_tab", draw_reports},
                {Tab::Upload, st("Upload"), "###upload_tab", draw_upload},
                {Tab::Settings, st("Settings"), "###settings_tab", draw_settings},
            };
            for (const auto& t : tabs) {
                const ImGuiTabItemFlags flags = (*forced && **forced == t.tab) ? ImGuiTabItemFlags_SetSelected : 0;
                if (tab(std::string(t.label) + t.id, flags)) {
                    s.tab = t.tab;
                    ImGui::BeginChild("content", ImVec2(0, -ImGui::GetFrameHeightWithSpacing()));
                    t.draw(s, now);
                    ImGui::EndChild();
                    ImGui::EndTabItem();
                }
            }
            forced->reset();
            ImGui::EndTabBar();
        }
    }
    draw_confirm(s);
    if (!s.status.empty())
        text_coloured(s.status_is_error ? ImVec4(0.75f, 0.15f, 0.05f, 1) : ImVec4(0.05f, 0.45f, 0.15f, 1), s.status);
    ImGui::End();
}

static std::string read_file(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(text::st_fill("cannot read the script {path}", {{"path", path}}));
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace gui

int run_gui(Context& ctx) {
    using namespace gui;
    std::unique_ptr<db::Db> db;
    std::optional<WindowScript> script;
    try {
        if (!ctx.screenshots_dir.empty() && ctx.script_path.empty())
            throw std::runtime_error(st("--screenshots needs --script with shot steps"));
        if (!ctx.script_path.empty()) script.emplace(parse_window_script(read_file(ctx.script_path)), ctx.screenshots_dir);
        db = ctx.open();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", error_text(e, TimeZone{}).c_str());
        return 3;
    }
    RunQueue main_queue;
    State s;
    s.db = db.get();
    s.main_queue = &main_queue;
    s.wanted_site = ctx.site_id;
    try {
        reload(s, ctx.now());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-admin: %s\n", error_text(e, TimeZone{}).c_str());
        return 3;
    }

    // The kiosk's platform layer: SDL, the window on the software renderer (no Mesa: a box
    // without a GPU does not want it, and its drivers leak at exit under LeakSanitizer), ImGui.
    const bool scripted = script.has_value();
    platform::WindowOptions wo;
    wo.program = "indgang-admin";
    wo.title = st("Indgang — staff");
    wo.width = 1280;
    wo.height = 900;
    wo.resizable = true;
    wo.hidden = scripted;
    wo.imgui_sdl_input = true;   // keyboard and text fields
    wo.quit_on_signal = true;    // Ctrl+C in a terminal closes it like the window's close button
    platform::SdlWindow sdl;
    if (!sdl.open(wo)) return 2;
    ImGui::StyleColorsLight();
    ImGui::GetStyle().FrameRounding = 4;
    ImGui::GetStyle().ScaleAllSizes(1.2f);
    load_fonts();

    std::optional<Tab> forced_tab;
    bool running = true;
    platform::IdlePolicy idle;
    Uint32 last_poll = 0;
    while (running) {
        // Idle: sleep until an event or the next look at the database (another process may have
        // changed it); a worker's answer (send, test) wakes it with a user event (RunQueue), so
        // an upload in progress costs no frames. A scripted run never waits.
        const int timeout = scripted ? 0 : idle.timeout_ms(1000);
        const bool input = platform::wait_events(timeout, [&](const SDL_Event& e) {
            sdl.imgui_event(e);
            if (e.type == SDL_QUIT) running = false;
        });
        const Instant now = ctx.now();
        main_queue.drain();
        if (SDL_GetTicks() - last_poll > 1000) {
            last_poll = SDL_GetTicks();
            try {
                if (db->data_version() != s.data_version) reload(s, now);
            } catch (const std::exception& ex) {
                set_status(s, error_text(ex, s.tz), true);
            }
        }
        sdl.new_frame();
        if (script) script->feed_pointer();
        ImGui::NewFrame();
        drawn().begin_frame();
        draw_frame(s, now, &forced_tab);
        ImGui::Render();
        SDL_SetRenderDrawColor(sdl.renderer(), 240, 240, 240, 255);
        SDL_RenderClear(sdl.renderer());
        ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
        if (script) {
            script->after_frame(s, sdl, &forced_tab);
            if (script->done()) running = false;
        }
        SDL_RenderPresent(sdl.renderer());
        run_pending(s, now);
        idle.frame_drawn(input);
    }
    int rc = 0;
    if (script && script->failed()) {
        std::fprintf(stderr, "indgang-admin: %s\n", script->error().c_str());
        rc = 5;
    }
    if (!ctx.dump_texts.empty()) {
        std::ofstream out(ctx.dump_texts);
        for (const auto& t : drawn().seen()) out << t << "\n";
    }
    if (s.sender.joinable()) s.sender.join();
    if (s.tester.joinable()) s.tester.join();
    main_queue.drain();
    return rc;   // sdl closes ImGui, the renderer, the window and SDL
}

}  // namespace indgang::admin
