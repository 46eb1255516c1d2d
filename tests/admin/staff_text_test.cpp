// No English in the Danish staff window: the staff catalog is complete (every string the code
// marks has a Danish translation with the same placeholders, en.po in step), and every string a
// scripted run of the window actually drew — gate, set-up, every tab, dialogs, messages — is
// Danish: none is an English msgid whose Danish differs, and none carries common English words.
#include "window_harness.hpp"

#include "core/text/placeholders.hpp"
#include "core/text/po_file.hpp"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

using admin_test::kFirstRun;
using admin_test::kUnlock;
using admin_test::Window;

namespace {

std::string source_dir() {
    const char* d = std::getenv("INDGANG_SOURCE_DIR");
    REQUIRE(d != nullptr);
    return d;
}

std::map<std::string, std::string> catalog(const std::string& path) {
    const auto po = indgang::text::read_po(path, true);
    INFO(path);
    REQUIRE(po.read);
    for (const auto& e : po.errors) FAIL_CHECK(e);
    std::map<std::string, std::string> out;
    for (const auto& e : po.entries) out[e.msgid] = (e.fuzzy || e.forms.empty()) ? "" : e.forms[0];
    return out;
}

// Words that are English and not Danish (so "for", "at", "i" and "to" are not on the list).
const char* const kEnglishWords[] = {
    "the", "and", "of", "with", "is", "are", "you", "your", "this", "that", "booking(s)", "save",
    "cancel", "cancelled", "delete", "add", "today", "settings", "session", "sessions", "visitor",
    "visitors", "walk-in", "walk-ins", "seen", "no-show", "service", "services", "report", "reports",
    "timetable", "opening", "hours", "closed", "change", "undo", "wrong", "choose", "show",
    "nothing", "queued", "every", "week", "once", "from", "until", "date", "name", "address", "left",
    "waiting", "booked", "checked", "code", "nickname", "status", "feedback", "period", "yet",
};

std::set<std::string> english_words_in(const std::string& s) {
    std::set<std::string> found;
    // A command line staff may type is not prose: "indgang-admin report --format html".
    if (s.find("indgang-admin") != std::string::npos) return found;
    std::string word;
    auto flush = [&] {
        std::string w = word;
        std::transform(w.begin(), w.end(), w.begin(), [](unsigned char c) { return std::tolower(c); });
        for (const char* e : kEnglishWords)
            if (w == e) found.insert(w);
        word.clear();
    };
    for (char c : s) {
        if (std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '(' || c == ')') word += c;
        else flush();
    }
    flush();
    // Dansk words that are spelled like an English one on the list: "status" and "tilbud" stay.
    found.erase("status");
    return found;
}

// Every screen of a window that has data: the gate, set-up, a booking, both dialogs, every tab.
std::set<std::string> drawn_strings(Window& w) {
    const std::string texts = (w.dir / "texts.txt").string();
    w.ok(std::string(kFirstRun) + "shot da-setup-done\n", "2026-12-01T08:00",
         {"--dump-texts", (w.dir / "texts-setup.txt").string(), "--screenshots", (w.dir / "shots").string()});
    w.ok(std::string(kUnlock) +
             "fill nick Ravn\nclick book_1_600\nclick cancel_1\nexpect Er du sikker\nclick confirm_no\n"
             "click noshow_1\n"
             "tab timetable\nclick dates_1\nclick edit_1\nclick delete_1\nclick confirm_no\n"
             "fill closure_from 40.12.2026\nclick add_closure\n"
             "tab reports\nclick save_report_html\n"
             // Upload status: no target yet, a refused form, a queued extract, a failed test.
             "tab upload\nclick export\nfill up_url http://x/\nclick up_save\nclick up_test\n"
             "tab settings\nset set_kiosk.volume 140\nclick save_kiosk.volume\n"
             "fill pin 12\nclick set_pin\n",
         "2026-12-01T08:30", {"--dump-texts", texts});
    std::set<std::string> all;
    for (const auto& path : {texts, (w.dir / "texts-setup.txt").string()}) {
        std::istringstream in(admin_test::slurp(path));
        std::string line;
        while (std::getline(in, line))
            if (!line.empty()) all.insert(line);
    }
    return all;
}

}  // namespace

TEST_SUITE("texts") {

TEST_CASE("the Danish staff catalog translates every marked string, with the same placeholders") {
    const std::string dir = source_dir() + "/i18n/staff/";
    const auto pot = catalog(dir + "indgang-staff.pot");
    const auto da = catalog(dir + "da.po");
    const auto en = catalog(dir + "en.po");
    REQUIRE(pot.size() > 300);
    for (const auto& [msgid, unused] : pot) {
        (void)unused;
        INFO("msgid: " << msgid);
        REQUIRE(da.count(msgid) == 1);
        CHECK_FALSE(da.at(msgid).empty());
        auto a = indgang::text::placeholders(msgid), b = indgang::text::placeholders(da.at(msgid));
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        CHECK(a == b);
        CHECK(en.count(msgid) == 1);
    }
    CHECK(da.size() == pot.size());
    CHECK(en.size() == pot.size());
}

TEST_CASE("every string the Danish window drew is Danish") {
    const auto da = catalog(source_dir() + "/i18n/staff/da.po");
    Window w;
    const auto drawn = drawn_strings(w);
    // The run went through enough of the window for the scan to mean something.
    REQUIRE(drawn.size() > 150);
    CHECK(drawn.count("I dag") == 1);
    CHECK(drawn.count("Træffetider") == 1);
    CHECK(drawn.count("Er du sikker?") == 1);
    int english = 0;
    for (const auto& s : drawn) {
        auto it = da.find(s);
        const bool untranslated = it != da.end() && it->second != s;
        const auto words = english_words_in(s);
        if (untranslated || !words.empty()) {
            ++english;
            std::string list;
            for (const auto& x : words) list += x + " ";
            FAIL_CHECK("English on the Danish staff window: \"" << s << "\" (" << list << ")");
        }
    }
    CHECK(english == 0);
}

TEST_CASE("the scan finds English when the window is English") {
    // The same scan on the English window must object, or it proves nothing.
    Window w;
    setenv("INDGANG_STAFF_LANG", "en", 1);
    w.ok("fill gate_pin 2468\nfill gate_pin_again 2468\nclick gate_open\nexpect Set up the centre\n", "2026-12-01T08:00",
         {"--dump-texts", (w.dir / "en.txt").string()});
    unsetenv("INDGANG_STAFF_LANG");
    std::istringstream in(admin_test::slurp((w.dir / "en.txt").string()));
    std::string line;
    int english = 0;
    while (std::getline(in, line)) english += english_words_in(line).empty() ? 0 : 1;
    CHECK(english >= 5);
}

// Every text between the tags of a report that should be Danish (outside <style>) which is an
// English msgid of the staff or the visitor catalog whose Danish differs, or carries English words.
std::vector<std::string> english_in_report(const std::string& html) {
    const auto staff = catalog(source_dir() + "/i18n/staff/da.po");
    const auto visitor = catalog(source_dir() + "/i18n/da.po");
    std::vector<std::string> texts;
    std::string cur;
    bool in_tag = false, skip = false;
    for (size_t i = 0; i < html.size(); ++i) {
        const char c = html[i];
        if (c == '<') {
            in_tag = true;
            auto t = cur;
            t.erase(0, t.find_first_not_of(" \n\t"));
            t.erase(t.find_last_not_of(" \n\t") + 1);
            if (!skip && !t.empty()) texts.push_back(t);
            cur.clear();
            skip = html.compare(i, 6, "<style") == 0 || html.compare(i, 7, "<script") == 0;
        } else if (c == '>') {
            in_tag = false;
        } else if (!in_tag) {
            cur += c;
        }
    }
    REQUIRE(texts.size() > 20);
    std::vector<std::string> english;
    for (const auto& t : texts) {
        bool untranslated = false;
        for (const auto* cat : {&staff, &visitor}) {
            auto it = cat->find(t);
            if (it != cat->end() && !it->second.empty() && it->second != t) untranslated = true;
        }
        if (untranslated || !english_words_in(t).empty()) english.push_back(t);
    }
    return english;
}

// The project lead's report in Danish, as the window saves it and as `report --lang da` writes it
// (with bookings and walk-ins, so the activity chart's legend is there too).
TEST_CASE("the Danish report, saved by the window or written by the CLI, has no English left") {
    Window w;
    w.ok(kFirstRun, "2026-12-01T08:00");
    w.ok(std::string(kUnlock) + "fill nick Ravn\nclick book_1_600\n", "2026-12-01T08:30");
    w.ok(std::string(kUnlock) + "tab reports\nfill period 2026-12\nclick save_report_html\nexpect Gemt som\n",
         "2026-12-02T09:00");
    const std::string saved = admin_test::slurp((w.dir / "udskrifter" / "rapport-1-2026-12.html").string());
    REQUIRE(saved.size() > 1000);
    const std::string cli_path = (w.dir / "cli-report.html").string();
    const admin_test::Run cli = w.cli({"report", "--period", "2026-12", "--lang", "da", "--preview", "--out", cli_path},
                          "2026-12-02T09:00");
    REQUIRE_MESSAGE(cli.exit == 0, cli.err);
    const std::string written = admin_test::slurp(cli_path);
    REQUIRE(written.find("<svg class=\"chart\"") != std::string::npos);
    for (const auto& [what, html] : {std::pair{"saved by the window", saved}, std::pair{"written by the CLI", written}}) {
        INFO(what);
        for (const auto& t : english_in_report(html)) FAIL_CHECK("English in the Danish report: \"" << t << "\"");
    }
}

}  // TEST_SUITE("texts")
