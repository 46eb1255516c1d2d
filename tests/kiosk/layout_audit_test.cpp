// Layout audit (issue 16): every visitor screen in all 12 languages, landscape 1920×1080 and
// portrait 1080×1920, rendered by the real kiosk. For each screen the kiosk writes a PNG and a
// widget dump (ui/widget_registry.cpp: every drawn text's style size, drawn size, ink box and
// colour); this test fails when
//   - a title's text runs under another widget (the speaker button, Back, Start) or other text,
//   - a button's label or sublabel runs outside its button,
//   - any text was shrunk below its style size to fit,
//   - any text is below 7:1 contrast against the background actually drawn behind it (the most
//     common colour of the PNG's pixels in its ink box).
#include "kiosk_harness.hpp"

#include <doctest/doctest.h>

#include <stb/stb_image.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <thread>
#include <vector>

using namespace indgang::kiosk_test;

namespace {

const char* const kLanguages[] = {"da", "en", "kl", "ar", "fa", "ur", "so", "ti", "tr", "pl", "ro", "uk"};

// Every visitor screen on one path; each `shot` is followed by a `dump` (the same frame).
// Names in `shots` line up with the dumps in the log.
std::string audit_script(const std::string& lang, std::vector<std::string>& shots) {
    std::string s;
    auto at = [&](const std::string& screen, const std::string& name) {
        s += "expect-screen " + screen + "\nshot " + name + "\ndump\n";
        shots.push_back(name);
    };
    at("welcome", "welcome");
    s += "tap ###lang_" + lang + "\n";
    at("home", "home");
    s += "tap ###book\n";
    at("book-service", "book-service");
    s += "tap-first service_\n";
    at("book-day", "book-day");
    s += "tap-first day_\n";
    at("book-time", "book-time");
    s += "tap-first time_\n";
    at("book-nickname", "book-nickname");
    // A nickname in the keyboard's own letters.
    const std::string nick = lang == "ar" ? "سارة" : lang == "fa" || lang == "ur" ? "سارا" : lang == "uk" ? "оля" : "Mads";
    s += "type " + nick + "\n";
    at("book-nickname", "book-nickname-typed");
    s += "tap ###continue\n";
    at("book-confirm", "book-confirm");
    s += "tap ###confirm\n";
    at("receipt", "receipt");
    s += "capture code ###code\ntap ###done\ntap ###lang_" + lang + "\ntap ###checkin\ntype 12\n";
    at("checkin", "checkin");
    s += "type 999\ntap ###ok\n";
    at("checkin-result", "checkin-unknown");
    s += "tap ###retry\ntype $code\ntap ###ok\n";
    at("checkin-result", "checkin-result");
    s += "tap ###home\ntap ###walkin\n";
    at("walkin-service", "walkin-service");
    s += "tap-first walkin_\n";
    at("walkin-ticket", "walkin-ticket");
    s += "tap ###done\ntap ###lang_" + lang + "\ntap ###feedback\n";
    at("feedback-question", "feedback-1");
    s += "tap-first answer_\n";
    at("feedback-question", "feedback-2");
    s += "tap ###home\ntap ###book\nadvance-clock 91\nwait 0.5\n";
    at("idle-prompt", "idle-prompt");
    return s;
}

struct Box {
    float x = 0, y = 0, w = 0, h = 0;
    float r() const { return x + w; }
    float b() const { return y + h; }
};
struct Item {
    bool button = false;
    std::string id, label, role;
    Box rect, ink;
    float style_px = 0, drawn_px = 0;
    unsigned fg = 0;
};

bool overlaps(const Box& a, const Box& b, float tol = 1.0f) {
    return a.x + tol < b.r() && b.x + tol < a.r() && a.y + tol < b.b() && b.y + tol < a.b();
}
bool inside(const Box& in, const Box& out, float tol = 1.0f) {
    return in.x + tol >= out.x && in.y + tol >= out.y && in.r() <= out.r() + tol && in.b() <= out.b() + tol;
}

// "  button [x,y wxh] ###id "label" |px a b |ink x y w h |fg rrggbb |role r"
std::vector<std::vector<Item>> parse_dumps(const std::string& log) {
    std::vector<std::vector<Item>> out;
    std::istringstream in(log);
    for (std::string line; std::getline(in, line);) {
        if (line.starts_with("script line")) break;   // a failed step: the widgets again follow
        if (line.starts_with("screen ")) { out.emplace_back(); continue; }
        if (out.empty() || !line.starts_with("  ")) continue;
        Item it;
        it.button = line.starts_with("  button");
        const auto lb = line.find('[');
        if (lb == std::string::npos) continue;
        std::sscanf(line.c_str() + lb, "[%f,%f %fx%f]", &it.rect.x, &it.rect.y, &it.rect.w, &it.rect.h);
        const auto q1 = line.find('"'), q2 = line.rfind("\" |");
        const auto qe = q2 != std::string::npos ? q2 : line.rfind('"');
        if (q1 != std::string::npos && qe > q1) it.label = line.substr(q1 + 1, qe - q1 - 1);
        const auto hid = line.find("###");
        if (hid != std::string::npos && hid < q1) it.id = line.substr(hid + 3, line.find(' ', hid) - hid - 3);
        const auto px = line.find(" |px ", qe);
        if (px != std::string::npos) {
            char role[32] = {};
            std::sscanf(line.c_str() + px, " |px %f %f |ink %f %f %f %f |fg %x |role %31s", &it.style_px, &it.drawn_px,
                        &it.ink.x, &it.ink.y, &it.ink.w, &it.ink.h, &it.fg, role);
            it.role = role;
        }
        out.back().push_back(std::move(it));
    }
    return out;
}

double luminance(unsigned rgb) {
    auto ch = [](unsigned v) {
        const double c = v / 255.0;
        return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * ch((rgb >> 16) & 255) + 0.7152 * ch((rgb >> 8) & 255) + 0.0722 * ch(rgb & 255);
}
double contrast(unsigned a, unsigned b) {
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

struct Image {
    int w = 0, h = 0;
    std::vector<unsigned> px;   // 0xRRGGBB
    explicit Image(const std::string& path) {
        int n = 0;
        unsigned char* d = stbi_load(path.c_str(), &w, &h, &n, 3);
        if (!d) return;
        px.resize(static_cast<size_t>(w) * h);
        for (size_t i = 0; i < px.size(); ++i) px[i] = (d[i * 3] << 16) | (d[i * 3 + 1] << 8) | d[i * 3 + 2];
        stbi_image_free(d);
    }
    // The most common colour in the box: the background the text is drawn on.
    unsigned background(const Box& b) const {
        std::map<unsigned, int> count;
        const int x0 = std::max(0, int(b.x)), x1 = std::min(w, int(b.r())), y0 = std::max(0, int(b.y)),
                  y1 = std::min(h, int(b.b()));
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) ++count[px[static_cast<size_t>(y) * w + x]];
        unsigned best = 0;
        int n = -1;
        for (const auto& [c, k] : count)
            if (k > n) { best = c; n = k; }
        return best;
    }
};

// The breaches on one screen, one line each.
std::vector<std::string> audit(const std::vector<Item>& items, const Image& img) {
    std::vector<std::string> out;
    char buf[400];
    for (const auto& t : items) {
        if (t.style_px <= 0 || t.ink.w <= 0) continue;
        const std::string what = "\"" + t.label.substr(0, 60) + "\" (" + t.role + ")";
        if (t.role == "title") {
            for (const auto& o : items)
                if (&o != &t && ((o.button && overlaps(t.ink, o.rect)) ||
                                 (!o.button && o.style_px > 0 && o.ink.w > 0 && overlaps(t.ink, o.ink))))
                    out.push_back(what + " runs under " + (o.button ? "###" + o.id : "\"" + o.label.substr(0, 30) + "\""));
        } else if ((t.role == "label" || t.role == "sublabel") && !inside(t.ink, t.rect)) {
            std::snprintf(buf, sizeof buf, " runs outside its button: ink %.0f,%.0f %.0fx%.0f, button %.0f,%.0f %.0fx%.0f",
                          t.ink.x, t.ink.y, t.ink.w, t.ink.h, t.rect.x, t.rect.y, t.rect.w, t.rect.h);
            out.push_back(what + buf);
        }
        if (t.drawn_px + 0.05f < t.style_px) {
            std::snprintf(buf, sizeof buf, " shrunk to %.1f px from %.1f px", t.drawn_px, t.style_px);
            out.push_back(what + buf);
        }
        const unsigned bg = img.background(t.ink);
        const double c = contrast(t.fg, bg);
        if (c < 7.0) {
            std::snprintf(buf, sizeof buf, " is %.2f:1 (%06x on %06x)", c, t.fg, bg);
            out.push_back(what + buf);
        }
    }
    return out;
}

struct Run {
    std::string lang, size;
    int rc = -1;
    size_t expected = 0;
    int screens = 0, texts = 0;
    double min_contrast = 99;
    std::vector<std::string> breaches;
    std::string log;
};

void run_one(Run& r) {
    Kiosk k("audit-" + r.lang + "-" + r.size);
    std::vector<std::string> shots;
    r.rc = k.run(audit_script(r.lang, shots), "--lang da --size " + r.size);
    r.expected = shots.size();
    r.log = k.log();
    const auto dumps = parse_dumps(r.log);
    for (size_t i = 0; i < dumps.size() && i < shots.size(); ++i) {
        const Image img((k.dir / "shots" / (shots[i] + ".png")).string());
        if (img.px.empty()) { r.breaches.push_back(shots[i] + ": no picture"); continue; }
        ++r.screens;
        for (const auto& t : dumps[i]) {
            if (t.style_px <= 0 || t.ink.w <= 0) continue;
            ++r.texts;
            r.min_contrast = std::min(r.min_contrast, contrast(t.fg, img.background(t.ink)));
        }
        for (const auto& b : audit(dumps[i], img)) r.breaches.push_back(shots[i] + ": " + b);
    }
}

}  // namespace

TEST_SUITE("layout-audit") {
TEST_CASE("every visitor screen in 12 languages, landscape and portrait: titles clear, labels whole, 7:1") {
    std::vector<Run> runs;
    for (const char* size : {"1920x1080", "1080x1920"})
        for (const char* lang : kLanguages) {
            Run r;
            r.lang = lang;
            r.size = size;
            runs.push_back(std::move(r));
        }
    // Two at a time: the build machine has two cores.
    for (size_t i = 0; i < runs.size(); i += 2) {
        std::thread a(run_one, std::ref(runs[i]));
        if (i + 1 < runs.size()) run_one(runs[i + 1]);
        a.join();
    }
    int screens = 0, texts = 0;
    double min_c = 99;
    for (const auto& r : runs) {
        CAPTURE(r.lang);
        CAPTURE(r.size);
        INFO(r.log.substr(0, 4000));
        CHECK(r.rc == 0);
        CHECK(r.screens == static_cast<int>(r.expected));   // every screen of the script was audited
        std::string all;
        for (const auto& b : r.breaches) all += "  " + b + "\n";
        INFO(all);
        CHECK(r.breaches.empty());
        screens += r.screens;
        texts += r.texts;
        min_c = std::min(min_c, r.min_contrast);
    }
    MESSAGE("audited " << screens << " screens, " << texts << " drawn texts; lowest contrast " << min_c << ":1");
}

TEST_CASE("the audit fails on what it is meant to catch") {
    // A title under the speaker button, a sublabel below its button, a shrunk label, grey text.
    Image img("");
    img.w = 100; img.h = 100;
    img.px.assign(100 * 100, 0xf6f3ee);
    auto item = [](bool button, const char* id, const char* role, Box rect, Box ink, float px, unsigned fg) {
        Item it;
        it.button = button;
        it.id = id;
        it.role = role;
        it.rect = rect;
        it.ink = ink;
        it.style_px = it.drawn_px = px;
        it.fg = fg;
        return it;
    };
    Item speak = item(true, "speak", "", {80, 0, 20, 20}, {}, 0, 0);
    Item title = item(false, "", "title", {0, 0, 100, 20}, {10, 2, 80, 16}, 48, 0x1c262e);
    CHECK(audit({speak, title}, img).size() == 1);
    title.ink.w = 60;
    CHECK(audit({speak, title}, img).empty());
    Item sub = item(false, "", "sublabel", {0, 30, 100, 30}, {5, 50, 60, 14}, 30, 0x384048);
    CHECK(audit({sub}, img).size() == 1);
    sub.ink.y = 40;
    CHECK(audit({sub}, img).empty());
    sub.drawn_px = 27;
    CHECK(audit({sub}, img).size() == 1);
    sub.drawn_px = 30;
    sub.fg = 0x888888;   // 3.3:1 on the page
    CHECK(audit({sub}, img).size() == 1);
}
}
