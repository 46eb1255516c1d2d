#include "core/feedback/admission.hpp"

namespace indgang::feedback {

bool PressFilter::accept(int64_t now_ms) {
    if (last_ && now_ms >= *last_ && now_ms - *last_ < interval_ms_) return false;
    last_ = now_ms;   // also recovers if the clock went backwards
    return true;
}

const char* to_string(Admission a) {
    switch (a) {
        case Admission::Accept: return "accept";
        case Admission::Repeat: return "repeat";
        case Admission::RateLimited: return "rate_limited";
        case Admission::Empty: return "empty";
    }
    return "?";
}

namespace {
// FNV-1a over the answers and the text: enough to recognise "the same again".
uint64_t draft_hash(const Draft& d) {
    uint64_t h = 1469598103934665603ull;
    auto mix = [&](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
        h = (h ^ 0xff) * 1099511628211ull;
    };
    for (const auto& [k, v] : d.answers) { mix(k); mix(v); }
    mix(d.free_text);
    return h;
}
}  // namespace

Admission SubmissionLimiter::admit(const Draft& draft, int64_t now_ms) {
    if (draft.empty()) return Admission::Empty;
    while (!accepted_.empty() &&
           (now_ms - accepted_.front() >= rules_.burst_window_ms || now_ms < accepted_.front()))
        accepted_.pop_front();
    const uint64_t h = draft_hash(draft);
    if (last_at_ && h == last_hash_ && now_ms >= *last_at_ && now_ms - *last_at_ < rules_.repeat_window_ms)
        return Admission::Repeat;
    if (static_cast<int>(accepted_.size()) >= rules_.burst_max) return Admission::RateLimited;
    accepted_.push_back(now_ms);
    last_hash_ = h;
    last_at_ = now_ms;
    return Admission::Accept;
}

void SubmissionLimiter::forget_last() {
    if (!accepted_.empty()) accepted_.pop_back();
    last_at_.reset();
}

}  // namespace indgang::feedback
