// Keeping accidental and playful input out of the figures, as plain structs the kiosk owns and
// feeds with a monotonic clock (milliseconds), so the rules are testable with injected time.
//  - PressFilter: a second press within `interval_ms` of an accepted one is ignored (a shaky or
//    double tap must not answer two questions or send twice).
//  - SubmissionLimiter: at most `burst_max` stored submissions per `burst_window_ms` (a child
//    pressing through the form again and again), and the very same answers again within
//    `repeat_window_ms` are taken as a repeat, not a second visitor.
// Neither remembers anything about the content beyond a hash of the last draft, and nothing here
// is written to disk.
#pragma once

#include "core/feedback/draft.hpp"

#include <cstdint>
#include <deque>
#include <optional>

namespace indgang::feedback {

class PressFilter {
public:
    explicit PressFilter(int64_t interval_ms = 700) : interval_ms_(interval_ms) {}
    // True when the press counts. Presses while the filter is closed do not extend it, so a
    // finger resting on the glass cannot lock the screen.
    bool accept(int64_t now_ms);
    void reset() { last_ = std::nullopt; }
    int64_t interval_ms() const { return interval_ms_; }

private:
    int64_t interval_ms_;
    std::optional<int64_t> last_;
};

enum class Admission { Accept, Repeat, RateLimited, Empty };
const char* to_string(Admission a);

struct LimiterRules {
    int burst_max = 4;                  // submissions …
    int64_t burst_window_ms = 5 * 60 * 1000;   // … per this window
    int64_t repeat_window_ms = 60 * 1000;      // identical answers within this are one visitor
};

class SubmissionLimiter {
public:
    explicit SubmissionLimiter(LimiterRules rules = {}) : rules_(rules) {}
    // Decides about one submission and, when it is accepted, remembers it.
    Admission admit(const Draft& draft, int64_t now_ms);
    // For a submission that then failed to store: forget it so a retry is not a "repeat".
    void forget_last();
    const LimiterRules& rules() const { return rules_; }

private:
    LimiterRules rules_;
    std::deque<int64_t> accepted_;      // times of accepted submissions inside the window
    uint64_t last_hash_ = 0;
    std::optional<int64_t> last_at_;
};

}  // namespace indgang::feedback
