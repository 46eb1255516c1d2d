// Scripted mode of the staff window, for tests and screenshots: a text file of steps run one per
// few frames against the real window, headless. Steps (one a line, '#' starts a comment):
//   click ID          press and release the mouse on the button, checkbox or text field "###ID"
//   fill ID TEXT      put TEXT (rest of the line, may be empty) into the text field "###ID"
//   set ID N          set the number field or choice "###ID" to N (a choice: the N-th entry)
//   tab NAME          show a tab: today, timetable, reports, upload, settings
//   now WHEN          move the clock (INDGANG_NOW: "2026-12-01T09:00" or UTC seconds)
//   expect TEXT       fail unless some visible text contains TEXT
//   refuse TEXT       fail if some visible text contains TEXT
//   shot NAME         write NAME.png into the --screenshots folder
// A step that cannot be done (no such widget after 30 frames, an expectation not met) stops the
// run with exit code 5 and says which line and what was on screen.
#pragma once

#include "gui_state.hpp"

#include <optional>
#include <string>
#include <vector>

namespace indgang::platform { class SdlWindow; }

namespace indgang::admin::gui {

struct ScriptStep {
    int line = 0;
    std::string verb, target, rest;
};

std::vector<ScriptStep> parse_window_script(const std::string& text);

class WindowScript {
public:
    WindowScript(std::vector<ScriptStep> steps, std::string shots_dir)
        : steps_(std::move(steps)), shots_dir_(std::move(shots_dir)) {}
    bool done() const { return failed_ || next_ >= steps_.size(); }
    bool failed() const { return failed_; }
    const std::string& error() const { return error_; }
    // Between the backend's NewFrame and ImGui::NewFrame: the scripted pointer.
    void feed_pointer();
    // After the frame is drawn and rendered, before queued actions run: fills, checks, shots.
    // `forced_tab` is set when a tab step asks for one.
    void after_frame(State& s, const platform::SdlWindow& window, std::optional<Tab>* forced_tab);

private:
    void fail(const std::string& why);
    std::vector<ScriptStep> steps_;
    std::string shots_dir_;
    size_t next_ = 0;
    int phase_ = 0;          // click: 0 find, 1 press, 2 release, 3+ settle
    int waited_ = 0;         // frames spent looking for the current step's widget
    float x_ = -1, y_ = -1;
    bool failed_ = false;
    std::string error_;
};

}  // namespace indgang::admin::gui
