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
#include <optional>
#include <thread>
#include <string>
#include <vector>

namespace indgang::admin::gui {

enum class Tab { Today, Timetable, Reports, Upload, Settings };

struct SessionForm {                 // the add/edit session form's fields
    Id editing = 0;                  // 0: adding a new session
    int service_index = 0;
    char caseworker[61] = "";
    bool weekly = true;
    int weekday = 1;                 // ISO 1 = Monday
    char date[11] = "";              // one-off date or first date, YYYY-MM-DD
    char from[6] = "10:00";
    char to[6] = "12:00";
    int slot_minutes = 20;
    int bookable = 0;
    int walkin_minutes = 0;
};

struct State {
    State() = default;
    State(const State&) = delete;
    ~State() {
        if (sender.joinable()) sender.join();
    }
    db::Db* db = nullptr;
    Id site_id = 0;
    Site site;
    TimeZone tz;
    Tab tab = Tab::Today;
    int64_t data_version = -1;       // reload when PRAGMA data_version moves
    Date day{};                      // the day the Today tab shows

    std::vector<Service> services;
    std::vector<Session> sessions;
    std::vector<Booking> bookings;   // of `day`
    std::vector<WalkInTicket> walkins;
    std::vector<Slot> free_slots;    // of `day`, for booking on a visitor's behalf

    SessionForm form;
    char cancel_date[11] = "";
    char cancel_reason[80] = "";
    std::vector<Booking> to_tell;    // bookings on a date just cancelled
    char nickname[41] = "";
    std::string last_code;           // code of the booking staff just made

    struct HoursRow {
        bool open = false;
        char from[6] = "09:00";
        char to[6] = "16:00";
    };
    HoursRow hours[7];               // Monday … Sunday, edited on the Timetable tab

    // Reports tab
    char period[9] = "";             // "2026-11" or "2026-Q4"
    std::optional<report::Report> report;

    // Upload tab: the outbox, and a worker that sends without blocking the window.
    std::vector<upload::BundleStatus> outbox;
    std::string upload_problem;      // why the upload config is refused (plain words), or empty
    RunQueue* main_queue = nullptr;
    std::thread sender;
    std::atomic<bool> sending{false};

    char pin[13] = "";
    // Settings tab fields, loaded from the setting table.
    int idle_seconds = 90;
    int volume = 80;
    int nickname_days = 1;
    int min_cell = 5;
    std::string default_language = "da";
    std::vector<std::string> languages_on;   // codes offered on the kiosk
    char upload_config[256] = "";
    std::function<void()> pending;   // the staff action chosen this frame
    std::string status;              // last action's result, shown at the bottom
    bool status_is_error = false;
};

// Reloads everything the tabs show from the database.
void reload(State& s, Instant now);
void set_status(State& s, std::string text, bool error = false);

}  // namespace indgang::admin::gui
