#include "window_script.hpp"

#include "drawn_widgets.hpp"

#include "kiosk/platform/sdl_window.hpp"

#include <SDL.h>
#include <imgui.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace indgang::admin::gui {

std::vector<ScriptStep> parse_window_script(const std::string& text) {
    std::vector<ScriptStep> out;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        const auto first = line.find_first_not_of(" \t");
        if (first == std::string::npos || line[first] == '#') continue;
        std::istringstream words(line.substr(first));
        ScriptStep st;
        st.line = n;
        words >> st.verb >> st.target;
        std::getline(words, st.rest);
        if (!st.rest.empty() && st.rest.front() == ' ') st.rest.erase(0, 1);
        // Steps with one free-text argument take the whole rest of the line.
        if (st.verb == "expect" || st.verb == "refuse" || st.verb == "now")
            st.target = st.rest.empty() ? st.target : st.target + " " + st.rest, st.rest.clear();
        out.push_back(std::move(st));
    }
    return out;
}

void WindowScript::fail(const std::string& why) {
    failed_ = true;
    const ScriptStep& st = steps_[next_];
    error_ = "script line " + std::to_string(st.line) + " (" + st.verb + " " + st.target + "): " + why +
             "\non screen:\n" + drawn().dump();
}

void WindowScript::feed_pointer() {
    ImGuiIO& io = ImGui::GetIO();
    io.MouseDown[0] = false;
    if (done()) return;
    const ScriptStep& st = steps_[next_];
    if (st.verb != "click" || phase_ == 0) {
        io.MousePos = ImVec2(-FLT_MAX, -FLT_MAX);   // off-screen: no hover left behind (imgui #2074)
        return;
    }
    io.MousePos = ImVec2(x_, y_);
    io.MouseDown[0] = phase_ == 1;
}

static bool save_png(const platform::SdlWindow& window, const std::string& path) {
    int w = 0, h = 0;
    window.output_size(w, h);
    std::vector<uint8_t> pixels;
    return window.read_pixels(pixels, w, h) && platform::write_png(path, w, h, pixels);
}

void WindowScript::after_frame(State& s, const platform::SdlWindow& window, std::optional<Tab>* forced_tab) {
    if (done()) return;
    // A worker is sending or testing the connection: its answer comes back through the run
    // queue; the next step waits for it (a dead network ends within its timeouts).
    if (s.sending || s.testing) {
        SDL_Delay(5);
        return;
    }
    const ScriptStep& st = steps_[next_];
    auto advance = [this] {
        ++next_;
        phase_ = 0;
        waited_ = 0;
    };
    auto find = [&](DrawnItem::Kind kind) -> const DrawnItem* {
        const DrawnItem* item = drawn().find(st.target);
        if (item && item->kind == kind) return item;
        if (item && kind == DrawnItem::Kind::Number && item->kind == DrawnItem::Kind::Choice) return item;
        if (++waited_ > 30) fail(item ? "that widget is of another kind" : "no such widget");
        return nullptr;
    };
    if (st.verb == "click") {
        if (phase_ == 0) {
            const DrawnItem* item = drawn().find(st.target);
            // A text field can be touched too (to move the PIN keypad to it, as a finger would).
            if (!item || (item->kind != DrawnItem::Kind::Button && item->kind != DrawnItem::Kind::Check &&
                          item->kind != DrawnItem::Kind::Input)) {
                if (++waited_ > 30) fail(item ? "that widget cannot be clicked" : "no such button");
                return;
            }
            if (!item->visible) {   // scrolled out of sight: bring it into view first
                drawn().scroll_to = item->id;
                if (++waited_ > 30) fail("the button stays out of sight");
                return;
            }
            x_ = (item->min.x + item->max.x) / 2;
            y_ = (item->min.y + item->max.y) / 2;
            phase_ = 1;
        } else if (++phase_ >= 5) {   // pressed, released, then two frames for the action and reload
            advance();
        }
    } else if (st.verb == "fill") {
        if (const DrawnItem* item = find(DrawnItem::Kind::Input)) {
            std::snprintf(item->buffer, item->buffer_size, "%s", st.rest.c_str());
            advance();
        }
    } else if (st.verb == "set") {
        if (const DrawnItem* item = find(DrawnItem::Kind::Number)) {
            *item->number = std::atoi(st.rest.c_str());
            advance();
        }
    } else if (st.verb == "tab") {
        static const std::pair<const char*, Tab> names[] = {{"today", Tab::Today}, {"timetable", Tab::Timetable},
                                                            {"reports", Tab::Reports}, {"upload", Tab::Upload},
                                                            {"settings", Tab::Settings}};
        bool known = false;
        for (const auto& [name, tab] : names)
            if (st.target == name) *forced_tab = tab, known = true;
        if (!known) return fail("no such tab");
        if (++phase_ >= 3) advance();   // the tab bar switches on the next frame; let it lay out
    } else if (st.verb == "now") {
        setenv("INDGANG_NOW", st.target.c_str(), 1);
        if (++phase_ >= 2) advance();
    } else if (st.verb == "expect") {
        if (drawn().shows(st.target)) advance();
        else if (++waited_ > 10) fail("that text is not shown");
    } else if (st.verb == "refuse") {
        if (drawn().shows(st.target)) fail("that text is shown");
        else advance();
    } else if (st.verb == "shot") {
        if (++phase_ < 3) return;   // a few frames so lists and popups settle
        const std::string path = shots_dir_ + "/" + st.target + ".png";
        if (shots_dir_.empty() || !save_png(window, path)) return fail("could not write " + path);
        advance();
    } else {
        fail("unknown step");
    }
}

}  // namespace indgang::admin::gui
