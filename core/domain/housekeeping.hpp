// The jobs that keep the data honest each time a tool opens the database: bookings whose slot
// ended (plus grace) become missed, overdue nicknames are erased, and a full integrity check runs
// when one is due. They act on the clock, so they refuse a clock that jumped: a leftover
// INDGANG_NOW or a wrong system time must not mark every booking missed or erase nicknames.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <optional>
#include <string>

namespace indgang {

struct HousekeepingResult {
    bool ran = false;
    bool integrity_checked = false;  // the daily full check of a file too big to check at open
    std::string refused;           // why not, in plain words; empty when it ran
    int marked_missed = 0;
    int nicknames_erased = 0;
};

// Why housekeeping would not run at `now`: the clock is more than a few minutes behind the last
// time it ran, or further ahead than housekeeping.max_clock_jump_hours. Empty when all is well.
std::optional<std::string> clock_problem(db::Db& db, Instant now);

// Runs the jobs unless clock_problem() says no; then logs the refusal (once per distinct clock)
// and does nothing else.
HousekeepingResult run_housekeeping(db::Db& db, Instant now);

// Staff confirm that `now` is right (after a long closure, or after fixing the clock): the next
// run_housekeeping acts on it.
void accept_clock(db::Db& db, Instant now);

}  // namespace indgang
