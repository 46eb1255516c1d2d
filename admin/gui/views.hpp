// One function per screen of the staff window; each draws from State and applies staff actions
// through the core, reporting the result in the status line.
#pragma once

#include "drawn_widgets.hpp"
#include "gui_state.hpp"

namespace indgang::admin::gui {

void draw_gate(State& s, Instant now);        // gate_view.cpp: the staff PIN before anything
void draw_setup(State& s, Instant now);       // setup_view.cpp: first run on an empty database
void draw_today(State& s, Instant now);       // today_view.cpp
void draw_timetable(State& s, Instant now);   // timetable_view.cpp
void draw_reports(State& s, Instant now);     // reports_view.cpp
void draw_upload(State& s, Instant now);      // upload_view.cpp
void draw_settings(State& s, Instant now);    // settings_view.cpp

// Queues a staff action; the window runs it after the frame (so lists are never changed while
// a view iterates them) and reports a domain or database error in the status line.
inline void act(State& s, std::function<void()> action) { s.pending = std::move(action); }
// Asks first: for what cannot be undone. `yes` says what happens ("Slet tiden").
void ask(State& s, std::string question, std::string yes, std::function<void()> action);
void run_pending(State& s, Instant now);

// The "visitors to tell" list after a change the centre made.
void show_to_tell(State& s, std::string heading, std::vector<Booking> bookings);

// A session form (add, edit, first run) and the Session it describes; throws DomainError with a
// staff-language message for a field that does not read.
void draw_session_form(State& s, SessionForm& f, bool first_run);
Session session_from(const State& s, const SessionForm& f, Instant now);
// The opening hours rows and what they mean.
void draw_hours(HoursRow (&rows)[7], const char* id_prefix);
std::vector<OpeningHours> hours_from(const HoursRow (&rows)[7]);

}  // namespace indgang::admin::gui
