// One function per tab of the staff window; each draws from State and applies staff actions
// through the core, reporting the result in the status line.
#pragma once

#include "gui_state.hpp"

namespace indgang::admin::gui {

void draw_today(State& s, Instant now);       // today_view.cpp
void draw_timetable(State& s, Instant now);   // timetable_view.cpp
void draw_reports(State& s, Instant now);     // reports_view.cpp
void draw_upload(State& s, Instant now);      // upload_view.cpp
void draw_settings(State& s, Instant now);    // settings_view.cpp

// Queues a staff action; the window runs it after the frame (so lists are never changed while
// a view iterates them) and reports a domain or database error in the status line.
inline void act(State& s, std::function<void()> action) { s.pending = std::move(action); }
void run_pending(State& s, Instant now);

// A labelled separator (ImGui 1.86 has no SeparatorText).
void section(const char* title);

}  // namespace indgang::admin::gui
