// The kiosk's state machine: which screen, what the current visitor has entered, and the live
// data. It builds each screen's model, draws it, and applies the returned intent to the core.
// Knows nothing of SDL: the platform passes time and input in.
#pragma once

#include "app/live_data.hpp"
#include "app/staff_window.hpp"
#include "audio/audio_mode.hpp"
#include "audio/read_aloud.hpp"
#include "core/domain/opening_hours.hpp"
#include "core/feedback/admission.hpp"
#include "core/feedback/draft.hpp"
#include "core/feedback/form.hpp"
#include "print/print_flow.hpp"
#include "screens/screens.hpp"
#include "ui/tap_guard.hpp"
#include "ui/text_draw.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace indgang::kiosk {

struct KioskOptions {
    std::string db_path;
    bool demo = false;                  // create the demo site when the database has none
    std::string i18n_dir;
    std::string language;               // --lang: overrides the default language
    int idle_seconds = 0;               // --idle-seconds: overrides the setting when > 0
    bool opening_hours = true;          // outside the site's hours show "Closed" (app/closed_hours.cpp)
    std::string admin_bin;              // --admin-bin: the staff window program (else found, app/staff_window.cpp)
    std::string staff_window_script;    // --staff-window-script: the staff window runs it headless (tests)
};

struct FrameInput {
    uint64_t ms = 0;                    // monotonic milliseconds
    Instant now = 0;                    // wall clock (UTC seconds)
    bool input = false;                 // the visitor touched the screen this frame
    bool staff_gesture = false;         // the hidden corner press completed
    bool pointer_down = false;          // a finger (or the mouse button) is on a button now
    struct Key {
        int code = 0;                   // SDL keycode
        bool shift = false;
    };
    std::vector<Key> keys;              // keys pressed this frame (audio mode, app/audio_mode.cpp)
    bool headphones = false;            // an audio output was plugged in this frame
};

// What one visitor entered or was shown, one plain struct per flow. Each flow's file
// (app/flow_<flow>.cpp) owns its struct; a reset is one assignment (`v.booking = {}`), done
// through scrub() (app/scrub.hpp) so no byte of it stays in memory.
struct BookingState {                   // app/flow_booking.cpp
    Id service_id = 0;
    Date day{};
    Slot slot{};
    std::string nickname;
    bool shift = false;
    std::string notice;                 // "that time was just taken"
    std::string confirm_error;
    std::optional<Booking> receipt;     // the committed booking
};
struct CheckInState {                   // app/flow_check_in.cpp
    std::string code;                   // keypad
    CheckInResultModel result;
    std::optional<Booking> arrived;     // the committed check-in, for the proof slip
};
struct WalkInState {                    // app/flow_walkin.cpp
    std::optional<WalkInTicket> ticket;
};
struct FeedbackState {                  // app/flow_feedback.cpp
    feedback::Draft draft;              // memory only; the reset drops it
    int index = 0;                      // question showing (the comment counts as one)
    std::string message;                // the thanks screen's line
    std::string comment;                // "anything else?", typed on the keyboard
    bool shift = false;
};
struct StaffState {                     // app/flow_staff.cpp
    std::string pin;                    // staff PIN being typed
    std::string pin_message;
    Instant pin_locked_until = 0;       // staff PIN lockout (the core keeps the real one)
    std::string message;
    bool unlocked = false;              // staff mode open (until reset)
    Id cancel_pick = 0;                 // cancel today: the session picked, to confirm
    std::vector<Booking> to_tell;       // cancel today: the bookings it cancelled
    bool cancelled = false;             // cancel today: done, showing whom to tell
    uint64_t next_printer_check_ms = 0; // when staff mode asks the printer again
    int printer_generation = -1;        // the printer answer last drawn
};
struct Visitor {
    std::string language;
    ScreenId screen = ScreenId::Welcome;
    std::vector<ScreenId> back;         // where Back goes
    int page = 0;                       // lists longer than one screen
    BookingState booking;
    CheckInState check_in;
    WalkInState walk_in;
    FeedbackState feedback;
    StaffState staff;
};

class KioskApp {
public:
    explicit KioskApp(KioskOptions opts);
    ~KioskApp();

    // Opens the database (or notes why not) and loads the live data.
    void start(uint64_t ms, Instant now);
    // Between frames: polls the database, retries a broken one, runs the idle timer. True when
    // the screen must be redrawn.
    bool tick(uint64_t ms, Instant now);
    // Milliseconds until tick() has something to do (the platform sleeps that long).
    int next_wakeup_ms(uint64_t ms) const;
    // Draws the current screen into `ui` and applies the intent it returns.
    void frame(Ui& ui, const FrameInput& in);

    TextDraw& text() { return *text_; }
    bool quit_requested() const { return quit_; }
    ScreenId screen() const;
    bool idle_prompt_showing() const { return prompt_; }
    const std::string& language() const { return visitor_.language; }
    // Language codes the welcome screen offers.
    std::vector<std::string> offered_languages() const;
    // Text from the database the font atlas must cover (site, services, caseworkers).
    std::vector<std::string> dynamic_texts() const;
    // Bumped when dynamic_texts() may have new glyphs.
    int data_generation() const { return generation_; }
    // The page showing: screen, feedback question, language and the idle prompt. A tap acts only
    // on the page it began on (TapGuard); another page also stops the read-aloud.
    std::string page_key() const;
    // How long a new tap would still be ignored after the last page change.
    uint64_t tap_guard_left_ms(uint64_t ms) const { return tap_guard_.left_ms(ms); }
    // The idle reset, now (scripts that try every button start each try from Welcome).
    void reset_visit() { reset_visitor(); }

private:
    void open_db(Instant now);
    void fail(const std::string& why, Instant now);
    void reload(Instant now);
    void reset_visitor();
    void reset_keep_language();          // a new task for the same visitor
    void go(ScreenId s, bool push = true);
    void apply(const Intent& in, Instant now);
    Intent draw_screen(Ui& ui, Instant now);
    void housekeeping(Instant now);
    const Service* service(Id id) const;
    std::string place_line() const;     // "Værestedet Kilden, Kildevej 12, 5000 Odense C"

    // One flow per file: its screens' models and its rules.
    Intent draw_welcome_screen(Ui& ui);                 // app/flow_home.cpp
    Intent draw_home_screen(Ui& ui, Instant now);
    Intent draw_booking(Ui& ui, Instant now);       // app/flow_booking.cpp
    void apply_booking(const Intent& in, Instant now);
    void booking_recheck();                         // after a reload: is the chosen time still free?
    std::vector<Date> free_days() const;
    std::vector<Slot> free_times() const;
    Intent draw_check_in_flow(Ui& ui);              // app/flow_check_in.cpp
    void apply_check_in(const Intent& in, Instant now);
    Intent draw_walkin(Ui& ui, Instant now);        // app/flow_walkin.cpp
    void apply_walkin(const Intent& in, Instant now);
    Intent draw_feedback(Ui& ui);                   // app/flow_feedback.cpp
    void apply_feedback(const Intent& in, Instant now);
    std::vector<const feedback::Question*> feedback_questions() const;
    ScreenId feedback_screen_at(int index) const;   // a Text question is asked on the keyboard
    Intent draw_staff_flow(Ui& ui, Instant now);    // app/flow_staff.cpp
    void apply_staff(const Intent& in, Instant now);
    bool staff_tick(uint64_t ms, Instant now);      // PIN lock over, printer answered, staff window closed
    StaffModel staff_model(Instant now);
    StaffCancelModel staff_cancel_model(Instant now);
    void open_staff_window(Instant now);            // app/staff_window.cpp
    bool staff_window_tick(uint64_t ms, Instant now);   // the window closed: back to staff mode
    std::unique_ptr<StaffWindowProcess> staff_window_;
    void apply_print();                             // app/print_screens.cpp
    PrintOffer print_offer() const;

    KioskOptions opts_;
    std::unique_ptr<TextDraw> text_;
    std::unique_ptr<db::Db> db_;
    std::unique_ptr<PrintFlow> print_;  // made when the database opens (printer.device)
    std::optional<LiveData> data_;
    int64_t data_version_ = -1;
    int64_t loaded_minute_ = -1;
    uint64_t next_poll_ms_ = 0;
    Instant next_housekeeping_ = 0;      // next nickname purge / no-show marking (UTC seconds)
    uint64_t next_retry_ms_ = 0;
    std::string failure_;               // why the kiosk is out of order
    Instant failed_at_ = 0;
    Visitor visitor_;
    uint64_t last_input_ms_ = 0;
    bool prompt_ = false;
    int prompt_left_ = 0;
    bool quit_ = false;
    int generation_ = 0;
    std::optional<feedback::Form> form_;          // the feedback form (assets/forms)
    std::string form_error_;
    feedback::SubmissionLimiter limiter_;         // per kiosk, not per visitor: survives resets
    feedback::PressFilter press_filter_;
    uint64_t frame_ms_ = 0;
    TapGuard tap_guard_;

    // Outside opening hours (app/closed_hours.cpp).
    bool closed_tick(uint64_t ms, Instant now);   // true when the screen must be redrawn
    bool closed_dimmed(uint64_t ms) const;
    Intent draw_closed_screen(Ui& ui, Instant now);
    OpeningState opening_;
    int opening_generation_ = -1;                 // generation_ the state was computed for
    uint64_t closed_since_ms_ = 0;
    bool closed_dim_drawn_ = false;

    // Read-aloud: the speaker button over every visitor screen.
    bool read_aloud_offered();
    void read_aloud_frame(Ui& ui);
    std::unique_ptr<ReadAloud> speech_;
    std::map<std::string, bool> voice_installed_;  // espeak-ng voice → installed (asked once)
    int volume_ = 80;                              // last known kiosk.volume (kept while out of order)
    std::string spoken_page_;                      // the page being read; another page stops it
    std::string reading_id_;                       // the widget being read now (highlighted)

    // Audio mode for blind visitors (app/audio_mode.cpp).
    void audio_mode_frame(Ui& ui, const FrameInput& in);
    AudioMode audio_;
    std::string audio_activate_;                   // chosen by key: acts next frame as a tap
    void speak_idle_prompt(Ui& ui);
    int prompt_spoken_left_ = -1;                  // seconds left when the prompt last spoke (-1: not yet)
};

}  // namespace indgang::kiosk
