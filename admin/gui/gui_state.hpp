// What the staff window shows, as plain data refreshed from the core when the database changes.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/model.hpp"
#include "core/report/aggregate.hpp"
#include "core/upload/outbox.hpp"
#include "run_queue.hpp"

#include <atomic>
#include <functional>
#include <map>
#include <optional>
#include <thread>
#include <string>
#include <vector>

namespace indgang::admin::gui {

enum class Tab { Today, Timetable, Reports, Upload, Settings };

struct HoursRow {                    // one weekday of the opening hours form
    bool open = false;
    char from[6] = "09.00";
    char to[6] = "16.00";
};

struct SessionForm {                 // the add/edit session form's fields
    Id editing = 0;                  // 0: adding a new session
    int service_index = 0;
    char caseworker[61] = "";
    bool weekly = true;
    int weekday_index = 0;           // 0 = Monday
    char date[12] = "";              // one-off date or first date; empty = today
    char change_from[12] = "";       // editing: first day the change applies; empty = today
    char from[6] = "10.00";
    char to[6] = "12.00";
    int slot_minutes = 20;
    int bookable = 0;
    int walkin_minutes = 0;
    bool walkin_only = false;
};

struct SetupForm {                   // first run: the centre and its first session
    char name[81] = "";
    char address[121] = "";
    HoursRow hours[7];
    SessionForm session;
};

// A question before something that cannot be undone; the action runs on "yes".
struct Confirm {
    std::string question;
    std::string yes;                 // the button's text, saying what happens
    std::function<void()> action;
    bool open_requested = false;
};

struct ServiceRow {                  // edit buffers of one service
    Id id = 0;
    char name[61] = "";
    char description[161] = "";
};

struct SettingRow {                  // edit buffer of one setting from the settings table
    const char* key = "";
    char value[256] = "";
    int number = 0;
    bool on = false;
};

struct UploadForm {                  // the upload target, as a form over the owner-only config file
    bool loaded = false;             // filled from the file once per window
    int method = 0;                  // 0 HTTPS PUT (a file drop), 1 HTTPS POST (an API), 2 SFTP
    bool marker = false;             // a write-only drop: a marker file after the bundle
    char url[300] = "";
    char token[256] = "";            // never filled from the file: empty keeps the saved token
    bool token_saved = false;
    char ca_file[256] = "";
    char pinned_public_key[256] = "";
    char client_certificate[256] = "";
    char client_key[256] = "";
    char ssh_private_key[256] = "";
    char known_hosts[256] = "";
    char municipality_public_key[80] = "";
    std::string test_result;         // the last "test the connection", in plain words
    bool test_ok = false;
};

struct State {
    State() = default;
    State(const State&) = delete;
    ~State() {
        if (sender.joinable()) sender.join();
        if (tester.joinable()) tester.join();
    }
    db::Db* db = nullptr;

    // The gate: nothing else is drawn until the PIN is right.
    bool unlocked = false;
    char gate_login[33] = "";        // who is at the PC, for the audit trail (optional)
    char gate_pin[13] = "";
    char gate_pin_again[13] = "";    // first run: the new PIN twice
    bool gate_keypad_again = false;  // the on-screen keypad types into "the PIN again" (last touched)
    std::string actor = "staff";     // "staff:<login>" once unlocked with a login

    bool needs_setup = false;        // no site yet: the set-up form instead of the tabs
    SetupForm setup;

    Id site_id = 0;
    Id wanted_site = 0;              // --site, 0 = the only one
    Site site;
    TimeZone tz;
    Tab tab = Tab::Today;
    int64_t data_version = -1;       // reload when PRAGMA data_version moves
    Date day{};                      // the day the Today tab shows

    std::vector<Service> services;   // active and retired
    std::vector<ServiceRow> service_rows;
    std::vector<Session> sessions;
    std::vector<Closure> closures;
    std::vector<Booking> bookings;   // of `day`
    std::map<Id, int> undoable;      // booking id → status changes it has
    std::vector<WalkInTicket> walkins;
    std::vector<Slot> free_slots;    // of `day`, for booking on a visitor's behalf

    // Site
    char site_name[81] = "";
    char site_address[121] = "";
    HoursRow hours[7];               // Monday … Sunday

    // Timetable
    SessionForm form;
    Id date_session = 0;             // the session the cancel/restore date row acts on
    char session_date[12] = "";
    char cancel_reason[80] = "";
    char closure_from[12] = "";
    char closure_to[12] = "";
    char closure_reason[80] = "";
    std::vector<Booking> to_tell;    // the latest "visitors to tell" list
    std::string to_tell_heading;
    std::vector<Booking> conflict;   // bookings an edit would drop (TimetableConflict)

    // Today
    char nickname[41] = "";
    char checkin_code[8] = "";
    std::string last_code;           // code of the booking staff just made

    // Reports tab
    char period[9] = "";             // "2026-11" or "2026-Q4"
    std::optional<report::Report> report;

    // Upload tab: the outbox, and a worker that sends without blocking the window.
    std::vector<upload::BundleStatus> outbox;
    std::string upload_problem;      // why the upload config is refused (plain words), or empty
    RunQueue* main_queue = nullptr;
    std::thread sender;
    std::thread tester;              // "test the connection" on its own worker
    std::atomic<bool> sending{false};
    UploadForm upload_form;
    std::atomic<bool> testing{false};

    // Settings tab
    char pin[13] = "";
    std::vector<SettingRow> settings;

    // Today: a check-in proof's verification code ("was this person here at that time?")
    char proof_code[12] = "";
    char proof_date[12] = "";
    char proof_time[6] = "";
    int proof_answer = 0;            // 0 not asked, 1 yes, -1 no (nothing else is ever shown)

    std::string last_file;           // the file the window saved last (print view, report)

    Confirm confirm;
    std::function<void()> pending;   // the staff action chosen this frame
    std::string status;              // last action's result, shown at the bottom
    bool status_is_error = false;
};

// Reloads everything the tabs show from the database.
void reload(State& s, Instant now);
void set_status(State& s, std::string text, bool error = false);
// The service's name as the lists show it ("?" for one no longer loaded).
std::string service_name(const State& s, Id id);
// Fills the form buffers (site, hours, services, settings) from what is stored.
void load_forms(State& s);

}  // namespace indgang::admin::gui
