// What the kiosk shows, read from the database: the site, services, today's sessions and the free
// slots of the booking window. Reloaded when PRAGMA data_version says another connection
// committed (the admin tool), and when the minute changes (slots in the past disappear).
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/model.hpp"

#include <string>
#include <vector>

namespace indgang::kiosk {

struct LiveData {
    Site site;
    TimeZone tz;
    Date today{};
    std::vector<Service> services;          // active, in display order
    std::vector<Session> today_sessions;    // not cancelled, in start order
    std::vector<Slot> free_slots;           // from now to the end of the booking window
    BookingRules rules;
    int idle_seconds = 90;                  // setting kiosk.idle_seconds
    int countdown_seconds = 20;             // setting kiosk.idle_countdown_seconds (≥ 20)
    bool paused = false;                    // setting kiosk.paused
    bool audio_mode = false;                // setting kiosk.audio_mode: every visit starts in audio mode
    int volume = 80;                        // setting kiosk.volume, read-aloud 0–100 (0 hides the button)
    std::string default_language = "da";    // setting kiosk.default_language
    std::vector<std::string> languages;     // setting kiosk.languages (comma list); empty = all
    bool feedback_free_text = false;        // setting feedback.free_text: ask the form's comment question
};

// Throws db::Error / DomainError when the database cannot be read.
LiveData load_live_data(db::Db& db, Instant now);

// The site the kiosk serves: setting kiosk.site_id, else the first site. 0 when there is none.
Id kiosk_site_id(db::Db& db);

}  // namespace indgang::kiosk
