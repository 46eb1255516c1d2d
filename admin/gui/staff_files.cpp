#include "staff_files.hpp"

#include "staff_clock.hpp"
#include "staff_errors.hpp"

#include "admin/file_output.hpp"
#include "core/report/render.hpp"
#include "core/text/staff_text.hpp"
#include "kiosk/platform/sdl_window.hpp"

#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

extern char** environ;

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

namespace fs = std::filesystem;

std::string files_dir(const State& s) {
    if (const char* d = std::getenv("INDGANG_FILES_DIR"); d && *d) return d;
    const fs::path db = s.db ? fs::absolute(s.db->path()) : fs::current_path() / "x";
    return (db.parent_path() / "udskrifter").string();
}

// xdg-open on the PATH, and a display to show the file on.
static std::string opener() {
    if (platform::headless()) return {};
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    size_t start = 0;
    while (start <= dirs.size()) {
        const size_t end = dirs.find(':', start);
        const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
        const std::string candidate = (dir.empty() ? std::string(".") : dir) + "/xdg-open";
        if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return {};
}

std::string save_and_open(State& s, const std::string& name, const std::string& bytes) {
    const std::string dir = files_dir(s);
    std::error_code ec;
    fs::create_directories(dir, ec);
    const std::string path = (fs::path(dir) / name).string();
    try {
        write_file_replacing(path, bytes);
    } catch (const std::exception&) {
        throw StaffError(st_fill("Could not save {path}: is the disk full, or may this user not write there?",
                                 {{"path", path}}));
    }
    s.last_file = path;
    const std::string open = opener();
    if (open.empty()) return st_fill("Saved as {path}. Open it from there to print it.", {{"path", path}});
    // No shell: the path goes to xdg-open as one argument. xdg-open returns once the viewer is
    // started; its child is not ours to wait for.
    std::string arg0 = open, arg1 = path;
    char* argv[] = {arg0.data(), arg1.data(), nullptr};
    pid_t pid = 0;
    if (posix_spawn(&pid, open.c_str(), nullptr, nullptr, argv, environ) != 0)
        return st_fill("Saved as {path}. Open it from there to print it.", {{"path", path}});
    int status = 0;
    waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return st_fill("Saved as {path}. Open it from there to print it.", {{"path", path}});
    return st_fill("Saved as {path} and opened.", {{"path", path}});
}

std::string html_text(const std::string& in) { return report::html_escape(in); }

std::string to_tell_html(const State& s, Instant now) {
    std::string h;
    h += "<!DOCTYPE html>\n<html lang=\"" + html_text(text::staff_language()) + "\"><head><meta charset=\"utf-8\">\n";
    h += "<title>" + html_text(st("Visitors to tell")) + " — " + html_text(s.site.name) + "</title>\n";
    h += "<style>body{font-family:'Noto Sans',sans-serif;margin:2em;color:#222}"
         "h1{font-size:1.4em}table{border-collapse:collapse;width:100%}"
         "th,td{border-bottom:1px solid #999;padding:.45em .6em;text-align:left;vertical-align:top}"
         "td.told{width:3em;border:1px solid #555}"
         "@media print{body{margin:0}@page{size:A4;margin:15mm}}</style>\n</head><body>\n";
    h += "<h1>" + html_text(s.to_tell_heading) + "</h1>\n";
    h += "<p>" + html_text(s.site.name) + (s.site.address.empty() ? "" : ", " + html_text(s.site.address)) + "<br>" +
         html_text(st_fill("Made {date} at {time}.", {{"date", day_text(s.tz, s.tz.today(now))}, {"time", time_text(s.tz, now)}})) +
         "</p>\n";
    if (s.to_tell.empty()) {
        h += "<p>" + html_text(st("Nobody had booked: there is no one to tell.")) + "</p>\n";
    } else {
        h += "<table><thead><tr>";
        for (const char* c : {st("Date"), st("Time"), st("With"), st("Code"), st("Nickname"), st("Told")})
            h += "<th>" + html_text(c) + "</th>";
        h += "</tr></thead><tbody>\n";
        for (const auto& b : s.to_tell)
            h += "<tr><td>" + html_text(day_text(s.tz, b.date)) + "</td><td>" + html_text(time_text(s.tz, b.start)) +
                 "</td><td>" + html_text(b.caseworker) + "</td><td>" + html_text(b.code) + "</td><td>" +
                 html_text(b.nickname.value_or("")) + "</td><td class=\"told\"></td></tr>\n";
        h += "</tbody></table>\n";
    }
    h += "</body></html>\n";
    return h;
}

}  // namespace indgang::admin::gui
