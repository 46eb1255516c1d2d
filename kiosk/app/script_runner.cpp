#include "app/script_runner.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <thread>

namespace indgang::kiosk {

namespace {

std::vector<std::string> split_args(const std::string& rest, int line, const std::string& name) {
    std::vector<std::string> out;
    size_t i = 0;
    while (i < rest.size()) {
        while (i < rest.size() && (rest[i] == ' ' || rest[i] == '\t')) ++i;
        if (i >= rest.size()) break;
        std::string tok;
        if (rest[i] == '"') {
            const size_t end = rest.find('"', i + 1);
            if (end == std::string::npos) throw std::runtime_error(name + ":" + std::to_string(line) + ": unclosed quote");
            tok = rest.substr(i + 1, end - i - 1);
            i = end + 1;
        } else {
            const size_t end = rest.find_first_of(" \t", i);
            tok = rest.substr(i, end == std::string::npos ? std::string::npos : end - i);
            i = end == std::string::npos ? rest.size() : end;
        }
        out.push_back(tok);
    }
    return out;
}

struct Runner {
    ScriptHost& host;
    std::string signal_dir;
    std::map<std::string, std::string> vars;
    const ScriptStep* step = nullptr;
    const std::vector<ScriptStep>* steps = nullptr;
    size_t checkpoint = 0;          // index of the step after the last `checkpoint`
    int double_tapped = 0;          // buttons tried by double-tap-each (printed at the end)

    std::string expand(const std::string& s) const {
        std::string out = s;
        for (const auto& [k, v] : vars)
            for (size_t p; (p = out.find("$" + k)) != std::string::npos;) out.replace(p, k.size() + 1, v);
        return out;
    }

    bool failed(const std::string& msg) const {
        std::fprintf(stderr, "script line %d (%s): %s\n  screen: %s\n  widgets:\n%s", step->line, step->cmd.c_str(),
                     msg.c_str(), host.screen_name().c_str(), host.widgets().dump().c_str());
        return false;
    }

    void settle() {
        // Two frames: one for the intent to apply, one to draw the resulting screen.
        host.advance_ms(16);
        host.frame();
        host.advance_ms(16);
        host.frame();
    }

    // The finger leaves the glass at x, y; then nothing is hovered and the screen settles.
    void release(float x, float y) {
        host.pointer(x, y, false);
        host.advance_ms(16);
        host.frame();
        host.pointer_away();
        settle();
    }

    bool tap_at(float x, float y) {
        // As a person would: look at a new page before touching it (TapGuard ignores taps that
        // come sooner; double-tap below is the hurried hand).
        if (const uint64_t left = host.tap_guard_left_ms()) {
            host.advance_ms(static_cast<int64_t>(left));
            host.frame();
        }
        return press_release(x, y);
    }

    bool press_release(float x, float y) {
        host.pointer(x, y, false);
        host.advance_ms(16);
        host.frame();
        host.pointer(x, y, true);
        host.advance_ms(50);
        host.frame();
        release(x, y);
        return true;
    }

    bool tap(const std::string& target) {
        const WidgetEntry* w = host.widgets().find_button(target);
        if (!w) return failed("no button '" + target + "' on screen");
        if (!w->enabled) return failed("button '" + target + "' is disabled");
        return tap_at(w->rect.cx(), w->rect.cy());
    }

    // Two taps on one spot, `gap_ms` apart from release to press (a shaky or impatient hand).
    // Fails when the second tap also changed the page: it would have acted on a page the visitor
    // had not seen yet.
    bool double_tap(const std::string& target, int64_t gap_ms) {
        const WidgetEntry* w = host.widgets().find_button(target);
        if (!w) return failed("no button '" + target + "' on screen");
        const float x = w->rect.cx(), y = w->rect.cy();
        const std::string before = host.page();
        if (!tap_at(x, y)) return false;
        const std::string after_first = host.page();
        // tap_at ends 48 ms after the release and press_release presses 16 ms later.
        host.advance_ms(std::max<int64_t>(0, gap_ms - 64));
        host.frame();
        press_release(x, y);
        const std::string after_second = host.page();
        if (after_first != before && after_second != after_first)
            return failed("a double tap on " + target + " changed two pages: " + before + " -> " + after_first + " -> " +
                          after_second);
        return true;
    }

    // Double-taps every enabled button on this page (keyboard keys aside: typing a letter twice
    // is what a double tap on a key should do), each try from a fresh visit replaying the steps
    // since `checkpoint`.
    bool double_tap_each(const std::vector<ScriptStep>& replay, int64_t gap_ms) {
        std::vector<std::string> ids;
        for (const auto& e : host.widgets().entries())
            if (e.button && e.enabled && !e.id.empty() && !e.id.starts_with("key_")) ids.push_back(e.id);
        if (ids.empty()) return failed("no buttons to double-tap");
        const ScriptStep* self = step;
        for (size_t i = 0; i < ids.size(); ++i) {
            if (i > 0) {
                host.reset_visit();
                settle();
                for (const auto& r : replay)
                    if (!run(r)) return false;
                step = self;
            }
            if (!double_tap("###" + ids[i], gap_ms)) return false;
            ++double_tapped;
        }
        return true;
    }

    // Types on the on-screen keyboard or keypad, key by key, with Shift for capitals.
    bool type(const std::string& text) {
        size_t i = 0;
        while (i < text.size()) {
            size_t len = 1;
            const unsigned char c = static_cast<unsigned char>(text[i]);
            if (c >= 0xF0) len = 4; else if (c >= 0xE0) len = 3; else if (c >= 0xC0) len = 2;
            const std::string ch = text.substr(i, len);
            i += len;
            if (ch == " ") { if (!tap("###key_space")) return false; continue; }
            if (host.widgets().find_button("###key_" + ch)) { if (!tap("###key_" + ch)) return false; continue; }
            // A capital: Shift, then the key whose (now shifted) label is this character.
            const WidgetEntry* lower = nullptr;
            if (!host.widgets().find_button("###key_shift")) return failed("no key for '" + ch + "'");
            if (!tap("###key_shift")) return false;
            for (const auto& e : host.widgets().entries())
                if (e.button && e.id.starts_with("key_") && e.label == ch) lower = &e;
            if (!lower) return failed("no key for '" + ch + "'");
            if (!tap_at(lower->rect.cx(), lower->rect.cy())) return false;
        }
        return true;
    }

    void wait_virtual(double seconds) {
        // Frames every 250 ms of virtual time so timers, polls and countdowns run as in life.
        int64_t left = static_cast<int64_t>(seconds * 1000);
        while (left > 0) {
            const int64_t d = std::min<int64_t>(left, 250);
            host.advance_ms(d);
            host.frame();
            left -= d;
        }
    }

    bool staff_gesture(double seconds) {
        const float x = host.width() - host.mm() * 4, y = host.mm() * 4;
        host.pointer(x, y, true);
        host.frame();
        wait_virtual(seconds);
        release(x, y);
        return true;
    }

    bool run(const ScriptStep& s) {
        step = &s;
        std::vector<std::string> a;
        for (const auto& arg : s.args) a.push_back(expand(arg));
        const std::string all = [&] {
            std::string r;
            for (const auto& x : a) r += (r.empty() ? "" : " ") + x;
            return r;
        }();
        auto need = [&](size_t n) {
            if (a.size() < n) throw std::runtime_error("line " + std::to_string(s.line) + ": " + s.cmd + " needs " +
                                                       std::to_string(n) + " argument(s)");
        };
        if (s.cmd == "tap") { need(1); return tap(all); }
        if (s.cmd == "double-tap") { need(1); return double_tap(a[0], a.size() > 1 ? std::stoi(a[1]) : 150); }
        if (s.cmd == "checkpoint") {   // a fresh visit; double-tap-each replays the steps after this one
            checkpoint = static_cast<size_t>(&s - steps->data()) + 1;
            host.reset_visit();
            settle();
            return true;
        }
        if (s.cmd == "double-tap-each") {
            std::vector<ScriptStep> replay(steps->begin() + static_cast<ptrdiff_t>(checkpoint),
                                           steps->begin() + (&s - steps->data()));
            return double_tap_each(replay, a.empty() ? 150 : std::stoi(a[0]));
        }
        if (s.cmd == "tap-first") {   // the first button whose id starts with the prefix
            need(1);
            for (const auto& e : host.widgets().entries())
                if (e.button && e.enabled && e.id.starts_with(a[0])) return tap("###" + e.id);
            return failed("no enabled button with id " + a[0] + "…");
        }
        if (s.cmd == "send") {   // send escape|alt-f4|close|quit|headphones|key-NAME
            need(1);
            if (!host.system_event(a[0])) throw std::runtime_error("send wants escape, alt-f4, close, quit, headphones or key-NAME");
            settle();
            return true;
        }
        if (s.cmd == "key") {   // key NAME: a key press (SDL's key name: tab, return, "keypad 5"), audio mode
            need(1);
            if (!host.system_event("key-" + all)) throw std::runtime_error("no key named " + all);
            settle();
            settle();   // a key that chooses a button acts on the frame after the one that read it
            return true;
        }
        if (s.cmd == "key-until") {   // key-until ###id NAME [max]: press NAME until the focus ring is on id
            need(2);
            const std::string id = a[0].starts_with("###") ? a[0].substr(3) : a[0];
            const int most = a.size() > 2 ? std::stoi(a[2]) : 60;
            for (int i = 0; i < most && host.widgets().focus() != id; ++i) {
                if (!host.system_event("key-" + a[1])) throw std::runtime_error("no key named " + a[1]);
                settle();
            }
            return host.widgets().focus() == id || failed("the focus never reached " + a[0]);
        }
        if (s.cmd == "input") {   // input direct|mouse|finger: how the following taps are sent
            need(1);
            if (a[0] == "direct") host.set_input(ScriptInput::Direct);
            else if (a[0] == "mouse") host.set_input(ScriptInput::Mouse);
            else if (a[0] == "finger") host.set_input(ScriptInput::Finger);
            else throw std::runtime_error("input wants direct, mouse or finger");
            return true;
        }
        if (s.cmd == "tap-at") { need(2); return tap_at(std::stof(a[0]) * host.mm(), std::stof(a[1]) * host.mm()); }
        if (s.cmd == "type") { need(1); return type(all); }
        if (s.cmd == "wait") { need(1); wait_virtual(std::stod(a[0])); return true; }
        if (s.cmd == "advance-clock") {
            need(1);
            host.advance_ms(static_cast<int64_t>(std::stod(a[0]) * 1000));
            host.frame();
            settle();
            return true;
        }
        if (s.cmd == "shot") { need(1); return host.screenshot(a[0]) || failed("could not save screenshot"); }
        if (s.cmd == "expect-pixel") {
            // expect-pixel ###id X Y RRGGBB [tolerance]: the pixel X, Y from the widget's top-left
            // corner (negative: from its right/bottom edge, -1 being the last pixel) has that colour.
            need(4);
            const auto* w = host.widgets().find_button(a[0]);
            if (!w) return failed("no button " + a[0]);
            const int dx = std::stoi(a[1]), dy = std::stoi(a[2]);
            const long want = std::stol(a[3], nullptr, 16);
            const int tol = a.size() > 4 ? std::stoi(a[4]) : 0;
            const int x = dx >= 0 ? static_cast<int>(w->rect.x) + dx : static_cast<int>(w->rect.x + w->rect.w) + dx;
            const int y = dy >= 0 ? static_cast<int>(w->rect.y) + dy : static_cast<int>(w->rect.y + w->rect.h) + dy;
            uint8_t rgb[3];
            if (!host.pixel(x, y, rgb)) return failed("pixel outside the screen");
            const int exp[3] = {static_cast<int>((want >> 16) & 0xFF), static_cast<int>((want >> 8) & 0xFF), static_cast<int>(want & 0xFF)};
            bool ok = true;
            for (int i = 0; i < 3; ++i) ok = ok && std::abs(rgb[i] - exp[i]) <= tol;
            char got[32];
            std::snprintf(got, sizeof got, "%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
            return ok || failed("pixel " + std::to_string(x) + "," + std::to_string(y) + " is " + got + ", expected " + a[3]);
        }
        if (s.cmd == "expect-touch-targets") {   // every button ≥ 12 mm, ≥ 2 mm from the next
            const std::string breaches = host.widgets().touch_target_breaches(host.mm() * 12, host.mm() * 2);
            return breaches.empty() || failed("touch targets too small or too close:\n" + breaches);
        }
        if (s.cmd == "expect-redraw-exact") {
            std::string why;
            return host.redraw_exact(why) || failed("drawing only what changed differs from a full redraw: " + why);
        }
        if (s.cmd == "expect-screen") {
            need(1);
            return host.screen_name() == a[0] || failed("expected screen " + a[0]);
        }
        if (s.cmd == "await-screen") {   // real time: another process (the staff window) runs meanwhile
            need(1);
            const double limit = a.size() > 1 ? std::stod(a[1]) : 60.0;
            const auto t0 = std::chrono::steady_clock::now();
            const auto until = t0 + std::chrono::milliseconds(static_cast<int>(limit * 1000));
            int frames = 0;
            // The kiosk's loop as in life: ticks and frames every 50 ms while it waits.
            while (host.screen_name() != a[0]) {
                if (std::chrono::steady_clock::now() > until) return failed("timed out waiting for screen " + a[0]);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                host.advance_ms(50);
                host.frame();
                ++frames;
            }
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0);
            std::fprintf(stderr, "await-screen %s: %d frames in %lld ms\n", a[0].c_str(), frames,
                         static_cast<long long>(ms.count()));
            settle();
            return true;
        }
        if (s.cmd == "expect-text") { need(1); return host.widgets().shows_text(all) || failed("text not shown: " + all); }
        if (s.cmd == "expect-no-text") {
            need(1);
            return !host.widgets().shows_text(all) || failed("text still shown: " + all);
        }
        if (s.cmd == "expect-button") {
            need(1);
            return host.widgets().find_button(all) != nullptr || failed("no button " + all);
        }
        if (s.cmd == "expect-no-button") {
            need(1);
            return host.widgets().find_button(all) == nullptr || failed("button present: " + all);
        }
        if (s.cmd == "expect-disabled") {
            need(1);
            const auto* w = host.widgets().find_button(all);
            return (w && !w->enabled) || failed("not a disabled button: " + all);
        }
        if (s.cmd == "expect-left-of") {   // expect-left-of ###a ###b: a's centre is left of b's
            need(2);
            const auto* x = host.widgets().find_button(a[0]);
            const auto* y = host.widgets().find_button(a[1]);
            return (x && y && x->rect.cx() < y->rect.cx()) || failed(a[0] + " is not left of " + a[1]);
        }
        if (s.cmd == "expect-side") {   // expect-side ###id left|right: the centre is in that half of the screen
            need(2);
            const auto* x = host.widgets().find_button(a[0]);
            if (!x) return failed("no button " + a[0]);
            const bool left = x->rect.cx() < host.width() / 2;
            if (a[1] != "left" && a[1] != "right") throw std::runtime_error("expect-side wants left or right");
            return left == (a[1] == "left") || failed(a[0] + " is not on the " + a[1]);
        }
        if (s.cmd == "sleep") {   // real time: lets worker threads (read-aloud synthesis) finish
            need(1);
            std::this_thread::sleep_for(std::chrono::milliseconds(static_cast<int64_t>(std::stod(a[0]) * 1000)));
            return true;
        }
        if (s.cmd == "capture") {   // capture NAME ###id : remembers the widget's text as $NAME
            need(2);
            std::string id = a[1].starts_with("###") ? a[1].substr(3) : a[1];
            for (const auto& e : host.widgets().entries())
                if (e.id == id) { vars[a[0]] = e.label; return true; }
            return failed("nothing to capture with id " + id);
        }
        if (s.cmd == "staff-gesture") { staff_gesture(a.empty() ? 3.2 : std::stod(a[0])); return true; }
        if (s.cmd == "signal") {
            need(1);
            std::ofstream(std::filesystem::path(signal_dir) / a[0]) << "1\n";
            return true;
        }
        if (s.cmd == "await") {   // real time: another process does something meanwhile
            need(1);
            const double limit = a.size() > 1 ? std::stod(a[1]) : 30.0;
            const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<int>(limit * 1000));
            while (!std::filesystem::exists(std::filesystem::path(signal_dir) / a[0])) {
                if (std::chrono::steady_clock::now() > until) return failed("timed out waiting for " + a[0]);
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            return true;
        }
        if (s.cmd == "dump") {
            std::fprintf(stderr, "screen %s\n%s", host.screen_name().c_str(), host.widgets().dump().c_str());
            return true;
        }
        if (s.cmd == "frame") { host.frame(); return true; }
        throw std::runtime_error("line " + std::to_string(s.line) + ": unknown command " + s.cmd);
    }
};

}  // namespace

std::vector<ScriptStep> parse_script(const std::string& text, const std::string& name) {
    std::vector<ScriptStep> out;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
        ++n;
        const size_t b = line.find_first_not_of(" \t\r");
        if (b == std::string::npos || line[b] == '#') continue;
        line = line.substr(b);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        ScriptStep s;
        s.line = n;
        const size_t sp = line.find_first_of(" \t");
        s.cmd = line.substr(0, sp);
        if (sp != std::string::npos) s.args = split_args(line.substr(sp + 1), n, name);
        out.push_back(std::move(s));
    }
    return out;
}

int run_script(ScriptHost& host, const std::vector<ScriptStep>& steps, const std::string& signal_dir) {
    Runner r{host, signal_dir, {}, nullptr, &steps};
    host.frame();
    host.frame();
    for (const auto& s : steps) {
        if (host.quit_requested()) break;
        try {
            // "?cmd": optional step (the tour), a failure is reported but does not stop the run.
            if (s.cmd.starts_with("?")) {
                ScriptStep opt = s;
                opt.cmd.erase(0, 1);
                if (!r.run(opt)) std::fprintf(stderr, "(optional step skipped)\n");
                continue;
            }
            if (!r.run(s)) return 1;
        } catch (const std::exception& e) {
            std::fprintf(stderr, "script error: %s\n", e.what());
            return 2;
        }
    }
    if (r.double_tapped) std::fprintf(stderr, "double-tapped %d buttons, none changed two pages\n", r.double_tapped);
    return 0;
}

}  // namespace indgang::kiosk
