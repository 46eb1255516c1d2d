#include "core/feedback/admission.hpp"

#include <doctest/doctest.h>

using namespace indgang::feedback;

TEST_CASE("a second press within the interval is not counted") {
    PressFilter f(700);
    CHECK(f.accept(10'000));
    CHECK_FALSE(f.accept(10'050));      // the bounce of a shaky tap
    CHECK_FALSE(f.accept(10'699));
    CHECK(f.accept(10'700));            // a deliberate second press
    // Ignored presses do not extend the closed time: a resting finger cannot lock the screen.
    CHECK_FALSE(f.accept(10'800));
    CHECK_FALSE(f.accept(11'300));
    CHECK(f.accept(11'400));
    // A clock that jumps backwards does not block input.
    CHECK(f.accept(5'000));
    f.reset();
    CHECK(f.accept(5'001));
}

TEST_CASE("the press interval is configurable") {
    PressFilter slow(2000);
    CHECK(slow.accept(0));
    CHECK_FALSE(slow.accept(1999));
    CHECK(slow.accept(2000));
}

namespace {
Draft answers(const char* safe) {
    Draft d;
    d.answer("service", "jobcentre");
    d.answer("safe", safe);
    return d;
}
}  // namespace

TEST_CASE("the same answers sent again at once count once") {
    SubmissionLimiter lim({4, 300'000, 60'000});
    CHECK(lim.admit(answers("5"), 0) == Admission::Accept);
    CHECK(lim.admit(answers("5"), 400) == Admission::Repeat);
    CHECK(lim.admit(answers("5"), 59'999) == Admission::Repeat);
    CHECK(lim.admit(answers("4"), 1'000) == Admission::Accept);   // different answers: a new visitor
    CHECK(lim.admit(answers("4"), 61'000) == Admission::Accept);  // same answers, later: counted
}

TEST_CASE("a burst of submissions is limited, and the limit lifts with time") {
    SubmissionLimiter lim({3, 300'000, 0});
    const char* vals[] = {"1", "2", "3", "4", "5"};
    int accepted = 0, limited = 0;
    for (int i = 0; i < 5; ++i) {
        const Admission a = lim.admit(answers(vals[i]), 1'000 * i);
        accepted += a == Admission::Accept;
        limited += a == Admission::RateLimited;
    }
    CHECK(accepted == 3);
    CHECK(limited == 2);
    CHECK(lim.admit(answers("1"), 299'999) == Admission::RateLimited);
    CHECK(lim.admit(answers("1"), 300'000) == Admission::Accept);   // the first one left the window
    CHECK(lim.admit(answers("2"), 300'500) == Admission::RateLimited);
    CHECK(lim.admit(answers("2"), 302'000) == Admission::Accept);
}

TEST_CASE("an empty draft is never admitted and uses up nothing") {
    SubmissionLimiter lim({1, 300'000, 0});
    Draft empty;
    empty.free_text = "   \n";
    CHECK(lim.admit(empty, 0) == Admission::Empty);
    CHECK(lim.admit(answers("3"), 1) == Admission::Accept);
}

TEST_CASE("forgetting a failed submission frees its place") {
    SubmissionLimiter lim({1, 300'000, 60'000});
    CHECK(lim.admit(answers("3"), 0) == Admission::Accept);
    lim.forget_last();
    CHECK(lim.admit(answers("3"), 10) == Admission::Accept);   // not a repeat, not limited
}
