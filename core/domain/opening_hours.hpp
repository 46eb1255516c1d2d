// Is the site open now, by its stored weekly opening hours, and when does that change? The
// kiosk shows its "closed" screen from this; tests ask it directly.
#pragma once

#include "core/domain/civil_time.hpp"
#include "core/domain/model.hpp"

#include <optional>
#include <vector>

namespace indgang {

struct OpeningState {
    bool open = true;
    std::optional<Instant> next_change;   // closing time when open, the next opening when closed;
                                          // empty when it never changes (no hours, or none ahead)
};

// A site with no opening hours at all counts as always open: nothing was set up, and a kiosk
// that hides itself for that reason would look broken. Looks up to two weeks ahead.
OpeningState opening_state(const std::vector<OpeningHours>& hours, const TimeZone& tz, Instant now);

}  // namespace indgang
