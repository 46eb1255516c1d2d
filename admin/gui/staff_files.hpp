// Files the staff window makes for people to print or send on: the "visitors to tell" list and the
// report of a month or quarter. Saved in one folder beside the database ("udskrifter"), written
// whole or not at all, then opened with the desktop's program (xdg-open) when there is one;
// otherwise the status line says where the file is.
#pragma once

#include "gui_state.hpp"

#include <string>

namespace indgang::admin::gui {

// The folder the window saves into: INDGANG_FILES_DIR, else "udskrifter" beside the database.
std::string files_dir(const State& s);

// Writes `bytes` as `name` in files_dir(), opens it when it can, and returns what to tell staff
// ("Gemt som …; åbnet"). Throws StaffError when the file cannot be written.
std::string save_and_open(State& s, const std::string& name, const std::string& bytes);

// The "visitors to tell" list as a print-ready HTML page (the centre, what happened, a row per
// booking with date, time, caseworker, code and nickname; print CSS, A4).
std::string to_tell_html(const State& s, Instant now);

// Escapes text for HTML element content and attribute values.
std::string html_text(const std::string& s);

}  // namespace indgang::admin::gui
