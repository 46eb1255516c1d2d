#include "tests/feedback/fixture.hpp"

#include "core/domain/settings.hpp"

#include <doctest/doctest.h>

#include "core/feedback/tally_store.hpp"

#include <regex>

using namespace indgang;
using namespace indgang::feedback;
using indgang::testing::FeedbackFixture;
using indgang::testing::draft;

namespace {
// 2026-11-24 13:47:10 UTC: mid-afternoon in Copenhagen.
constexpr Instant kNow = 1795528030;

using indgang::testing::FeedbackFixture;


// The feedback file holds counters: fb.form_count per (site, month, form) and fb.tally per
// (site, month, form, group, question, answer). `tally` reads them back as "group/question=answer:n".
std::vector<std::string> tally(FeedbackFixture& fx) {
    auto s = fx.db->prepare("SELECT grp, question, answer, n FROM fb.tally ORDER BY 1, 2, 3");
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.text(0) + "/" + s.text(1) + "=" + s.text(2) + ":" + std::to_string(s.int64(3)));
    return out;
}
int64_t forms(FeedbackFixture& fx) { return fx.count("SELECT coalesce(sum(n), 0) FROM fb.form_count"); }

}  // namespace

TEST_CASE("a submission adds to the month's counters, and stores no form") {
    FeedbackFixture fx;
    SubmissionLimiter lim({100, 1000, 0});
    auto d = draft({{"service", "jobcentre"}, {"safe", "5"}, {"again", "declined"}});
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(r.admission == Admission::Accept);
    CHECK(r.stored);
    auto s = fx.db->prepare("SELECT site_id, month, form_id, form_version, n FROM fb.form_count");
    REQUIRE(s.step());
    CHECK(s.int64(0) == fx.site);
    CHECK(s.text(1) == "2026-11");
    CHECK(s.text(2) == "conversation");
    CHECK(s.integer(3) == 1);
    CHECK(s.int64(4) == 1);
    CHECK_FALSE(s.step());
    CHECK(tally(fx) == std::vector<std::string>{"jobcentre/again=declined:1", "jobcentre/safe=5:1",
                                                "jobcentre/service=jobcentre:1"});
    // A second form with the same answers changes counts only: no new row says "another form".
    submit_feedback(*fx.db, fx.site, fx.form, d, kNow + 120, lim, 120'000);
    CHECK(tally(fx) == std::vector<std::string>{"jobcentre/again=declined:2", "jobcentre/safe=5:2",
                                                "jobcentre/service=jobcentre:2"});
    CHECK(forms(fx) == 2);
    CHECK(fx.count("SELECT count(*) FROM fb.comment") == 0);
    // Nothing of it in the main file.
    CHECK(fx.count("SELECT count(*) FROM main.feedback_response") == 0);
    CHECK(fx.count("SELECT count(*) FROM main.feedback_answer") == 0);
}

TEST_CASE("the month is the site's local month") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen.
    const Instant late = 1796081400;
    submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "3"}}), late, lim, 0);
    CHECK(fx.count("SELECT count(*) FROM fb.form_count WHERE month = '2026-12'") == 1);
    CHECK(tally(fx) == std::vector<std::string>{"not_stated/safe=3:1"});
}

TEST_CASE("a skipped question stores nothing; an all-skipped form stores nothing at all") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    Draft d = draft({{"safe", "4"}, {"place", "2"}});
    d.skip("place");
    submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(tally(fx) == std::vector<std::string>{"not_stated/safe=4:1"});
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, Draft{}, kNow, lim, 5'000);
    CHECK(r.admission == Admission::Empty);
    CHECK_FALSE(r.stored);
    CHECK(forms(fx) == 1);
}

TEST_CASE("an answer that does not fit the form stores nothing") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    for (auto bad : {draft({{"safe", "5"}, {"again", "6"}}), draft({{"safe", "5"}, {"nosuch", "1"}}),
                     draft({{"service", "mayor"}}), draft({{"comment", "hi"}})}) {
        CHECK_THROWS_AS(submit_feedback(*fx.db, fx.site, fx.form, bad, kNow, lim, 0), DomainError);
    }
    CHECK(forms(fx) == 0);
    CHECK(tally(fx).empty());
    // The failed attempts did not use up the burst allowance.
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "5"}}), kNow, lim, 0).stored);
}

TEST_CASE("a failure half-way through leaves nothing behind") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "1"}}), kNow, lim, 0);   // attaches the file
    // Make the third answer fail inside the transaction, after the form count and two answers.
    fx.db->exec("CREATE TRIGGER fb.fail_place BEFORE INSERT ON tally WHEN NEW.question = 'place' "
                "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    auto d = draft({{"again", "4"}, {"safe", "5"}, {"place", "3"}, {"service", "skp"}});
    CHECK_THROWS_AS(submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 10'000), db::Error);
    CHECK(forms(fx) == 1);
    CHECK(tally(fx) == std::vector<std::string>{"not_stated/safe=1:1"});
    fx.db->exec("DROP TRIGGER fb.fail_place");
    // The limiter forgot the failed try: the visitor's retry is stored, not called a repeat.
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 10'100);
    CHECK(r.admission == Admission::Accept);
    CHECK(fx.count("SELECT count(*) FROM fb.tally WHERE grp = 'skp'") == 4);
}

TEST_CASE("repeats and bursts reach the database only once each") {
    FeedbackFixture fx;
    set_feedback_setting(*fx.db, "feedback.burst_max", "2");
    SubmissionLimiter lim(feedback_settings(*fx.db).limiter_rules());
    auto d = draft({{"safe", "5"}});
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0).admission == Admission::Accept);
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 300).admission == Admission::Repeat);
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "1"}}), kNow, lim, 900).admission ==
          Admission::Accept);
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "2"}}), kNow, lim, 1500).admission ==
          Admission::RateLimited);
    CHECK(forms(fx) == 2);
}

TEST_CASE("free text is dropped while switched off and scrubbed when on, with no link to the answers") {
    FeedbackFixture fx;
    SubmissionLimiter lim({100, 1000, 0});
    Draft d = draft({{"safe", "4"}});
    d.free_text = "Ring til mig på 12 34 56 78";
    submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(fx.count("SELECT count(*) FROM fb.comment") == 0);
    // Only a comment, with free text off: that is an empty form.
    Draft only_text;
    only_text.free_text = "hej";
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, only_text, kNow, lim, 10).admission == Admission::Empty);

    set_feedback_setting(*fx.db, "feedback.free_text", "on");
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 20);
    CHECK(r.stored);
    CHECK(r.scrub.phone == 1);
    auto s = fx.db->prepare("SELECT text, month FROM fb.comment");
    REQUIRE(s.step());
    CHECK(s.text(0) == "Ring til mig på [tlf.nr. fjernet]");
    CHECK(s.text(1) == "2026-11");
}

TEST_CASE("the feedback file's schema holds no day, no time, no visitor and no link to a booking") {
    FeedbackFixture fx;
    REQUIRE(attach_feedback_store(*fx.db));
    for (const char* table : {"tally", "form_count", "comment"}) {
        INFO(table);
        auto cols = fx.db->prepare(std::string("SELECT name, type FROM pragma_table_info('") + table + "', 'fb')");
        std::vector<std::string> names;
        while (cols.step()) {
            const std::string name = cols.text(0);
            names.push_back(name);
            for (const char* bad : {"time", "_at", "day", "date", "booking", "ticket", "device", "visitor",
                                    "nickname", "code", "session", "created", "seq", "order", "response"})
                CHECK(name.find(bad) == std::string::npos);
            CHECK(cols.text(1) != "TIMESTAMP");
        }
        CHECK_FALSE(names.empty());
        auto sql = fx.db->prepare("SELECT sql FROM fb.sqlite_master WHERE name = ?");
        sql.bind(std::string(table));
        REQUIRE(sql.step());
        CHECK(sql.text(0).find("WITHOUT ROWID") != std::string::npos);
    }
    CHECK(fx.db->pragma_int("fb.user_version") == feedback_schema_version());
    CHECK(fx.db->pragma_int("fb.secure_delete") == 1);
    CHECK(fx.db->pragma_int("main.secure_delete") == 1);   // set by open_store, not by the SQLite build
}

TEST_CASE("fifty forms in one month leave counters only, whatever their order") {
    FeedbackFixture fx;
    SubmissionLimiter lim({1000, 1000, 0});
    const char* vals[] = {"1", "2", "3", "4", "5"};
    std::vector<std::string> after_forward, after_reverse;
    for (int i = 0; i < 50; ++i)
        submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", vals[i % 5]}, {"again", vals[(i / 5) % 5]}}),
                        kNow + i * 61, lim, i * 61'000);
    after_forward = tally(fx);
    FeedbackFixture other;
    SubmissionLimiter lim2({1000, 1000, 0});
    for (int i = 49; i >= 0; --i)
        submit_feedback(*other.db, other.site, other.form,
                        draft({{"safe", vals[i % 5]}, {"again", vals[(i / 5) % 5]}}), kNow + (49 - i) * 61, lim2,
                        (49 - i) * 61'000);
    after_reverse = tally(other);
    CHECK(after_forward == after_reverse);   // the same forms in any order: the same rows
    CHECK(after_forward.size() == 10);
    CHECK(forms(fx) == 50);
}

TEST_CASE("old answers and comments are purged on their own schedule") {
    FeedbackFixture fx;
    set_feedback_setting(*fx.db, "feedback.free_text", "on");
    set_feedback_setting(*fx.db, "feedback.retention_months", "12");
    set_feedback_setting(*fx.db, "feedback.text_retention_days", "30");
    Draft d = draft({{"safe", "3"}});
    d.free_text = "god snak";
    CHECK(fx.store(d, "2025-10-31"));
    CHECK(fx.store(d, "2025-12-01"));
    CHECK(fx.store(d, "2026-10-20"));
    CHECK(fx.store(d, "2026-11-10"));
    // Storing on 2026-11-24 purged everything before December 2025 (12 months incl. this one) and the
    // comments of every month that began before 2026-10-25 (October's too: kept at most 30 days).
    CHECK(fx.store(d, "2026-11-24"));
    CHECK(forms(fx) == 4);
    CHECK(fx.count("SELECT count(*) FROM fb.form_count WHERE month < '2025-12'") == 0);
    CHECK(fx.count("SELECT count(*) FROM fb.tally WHERE month < '2025-12'") == 0);
    CHECK(fx.count("SELECT count(*) FROM fb.comment") == 2);
}

TEST_CASE("feedback settings are checked, and the threshold is never below 3") {
    FeedbackFixture fx;
    CHECK(feedback_settings(*fx.db).min_cell == 5);
    CHECK_FALSE(feedback_settings(*fx.db).free_text);
    CHECK_FALSE(feedback_settings(*fx.db).export_free_text);
    CHECK_THROWS_WITH_AS(set_feedback_setting(*fx.db, "report.min_cell", "2"),
                         doctest::Contains("picked out"), DomainError);
    CHECK_THROWS_AS(set_feedback_setting(*fx.db, "report.min_cell", "five"), DomainError);
    CHECK_THROWS_AS(set_feedback_setting(*fx.db, "feedback.free_text", "maybe"), DomainError);
    CHECK_THROWS_AS(set_feedback_setting(*fx.db, "feedback.colour", "1"), DomainError);
    set_feedback_setting(*fx.db, "report.min_cell", "3");
    CHECK(feedback_settings(*fx.db).min_cell == 3);
    // A value written past the checks (by hand) is clamped when read.
    set_setting(*fx.db, "report.min_cell", "1");
    CHECK(feedback_settings(*fx.db).min_cell == 3);
    set_feedback_setting(*fx.db, "feedback.free_text", "on");
    CHECK(feedback_settings(*fx.db).free_text);
    const auto list = feedback_setting_list(*fx.db);
    CHECK(list.front().first == "feedback.burst_max");
    CHECK(std::is_sorted(list.begin(), list.end()));
}
