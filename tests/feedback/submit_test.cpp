#include "tests/feedback/fixture.hpp"

#include "core/domain/settings.hpp"

#include <doctest/doctest.h>

#include <regex>

using namespace indgang;
using namespace indgang::feedback;
using indgang::testing::FeedbackFixture;
using indgang::testing::draft;

namespace {
// 2026-11-24 13:47:10 UTC: mid-afternoon in Copenhagen.
constexpr Instant kNow = 1795528030;
}

TEST_CASE("a submission stores the date, the form and the answers, nothing more") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    auto d = draft({{"service", "jobcentre"}, {"safe", "5"}, {"again", "declined"}});
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(r.admission == Admission::Accept);
    CHECK(r.stored);
    auto s = fx.db->prepare("SELECT id, site_id, day, form_id, form_version FROM feedback_response");
    REQUIRE(s.step());
    CHECK(std::regex_match(s.text(0), std::regex("[0-9a-f]{32}")));
    CHECK(s.int64(1) == fx.site);
    CHECK(s.text(2) == "2026-11-24");
    CHECK(s.text(3) == "conversation");
    CHECK(s.integer(4) == 1);
    CHECK_FALSE(s.step());
    auto a = fx.db->prepare("SELECT question, answer FROM feedback_answer ORDER BY question");
    std::vector<std::string> got;
    while (a.step()) got.push_back(a.text(0) + "=" + a.text(1));
    CHECK(got == std::vector<std::string>{"again=declined", "safe=5", "service=jobcentre"});
    CHECK(fx.count("SELECT count(*) FROM feedback_text") == 0);
}

TEST_CASE("the date is the site's local date") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    // 23:30 UTC on 30 November is 00:30 on 1 December in Copenhagen.
    const Instant late = 1796081400;
    submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "3"}}), late, lim, 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_response WHERE day = '2026-12-01'") == 1);
}

TEST_CASE("a skipped question stores nothing; an all-skipped form stores nothing at all") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    Draft d = draft({{"safe", "4"}, {"place", "2"}});
    d.skip("place");
    submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_answer") == 1);
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, Draft{}, kNow, lim, 5'000);
    CHECK(r.admission == Admission::Empty);
    CHECK_FALSE(r.stored);
    CHECK(fx.count("SELECT count(*) FROM feedback_response") == 1);
}

TEST_CASE("an answer that does not fit the form stores nothing") {
    FeedbackFixture fx;
    SubmissionLimiter lim;
    for (auto bad : {draft({{"safe", "5"}, {"again", "6"}}), draft({{"safe", "5"}, {"nosuch", "1"}}),
                     draft({{"service", "mayor"}}), draft({{"comment", "hi"}})}) {
        CHECK_THROWS_AS(submit_feedback(*fx.db, fx.site, fx.form, bad, kNow, lim, 0), DomainError);
    }
    CHECK(fx.count("SELECT count(*) FROM feedback_response") == 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_answer") == 0);
    // The failed attempts did not use up the burst allowance.
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", "5"}}), kNow, lim, 0).stored);
}

TEST_CASE("a failure half-way through leaves nothing behind") {
    FeedbackFixture fx;
    // Make the third answer fail inside the transaction, after the response and two answers.
    fx.db->exec("CREATE TRIGGER fail_place BEFORE INSERT ON feedback_answer WHEN NEW.question = 'place' "
                "BEGIN SELECT RAISE(ABORT, 'disk trouble'); END");
    SubmissionLimiter lim;
    auto d = draft({{"again", "4"}, {"safe", "5"}, {"place", "3"}, {"service", "skp"}});
    CHECK_THROWS_AS(submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0), db::Error);
    CHECK(fx.count("SELECT count(*) FROM feedback_response") == 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_answer") == 0);
    fx.db->exec("DROP TRIGGER fail_place");
    // The limiter forgot the failed try: the visitor's retry is stored, not called a repeat.
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 100);
    CHECK(r.admission == Admission::Accept);
    CHECK(fx.count("SELECT count(*) FROM feedback_answer") == 4);
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
    CHECK(fx.count("SELECT count(*) FROM feedback_response") == 2);
}

TEST_CASE("free text is dropped while switched off and scrubbed when on") {
    FeedbackFixture fx;
    SubmissionLimiter lim({100, 1000, 0});
    Draft d = draft({{"safe", "4"}});
    d.free_text = "Ring til mig på 12 34 56 78";
    submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_text") == 0);
    // Only a comment, with free text off: that is an empty form.
    Draft only_text;
    only_text.free_text = "hej";
    CHECK(submit_feedback(*fx.db, fx.site, fx.form, only_text, kNow, lim, 10).admission == Admission::Empty);

    set_feedback_setting(*fx.db, "feedback.free_text", "on");
    const auto r = submit_feedback(*fx.db, fx.site, fx.form, d, kNow, lim, 20);
    CHECK(r.stored);
    CHECK(r.scrub.phone == 1);
    auto s = fx.db->prepare("SELECT text FROM feedback_text");
    REQUIRE(s.step());
    CHECK(s.text(0) == "Ring til mig på [tlf.nr. fjernet]");
}

TEST_CASE("the schema holds no time of day, no visitor and no link to a booking") {
    FeedbackFixture fx;
    for (const char* table : {"feedback_response", "feedback_answer", "feedback_text"}) {
        INFO(table);
        auto cols = fx.db->prepare(std::string("SELECT name, type FROM pragma_table_info('") + table + "')");
        std::vector<std::string> names;
        while (cols.step()) {
            const std::string name = cols.text(0);
            names.push_back(name);
            for (const char* bad : {"time", "_at", "booking", "ticket", "device", "visitor", "nickname",
                                    "code", "session", "created", "seq", "order"})
                CHECK(name.find(bad) == std::string::npos);
            CHECK(cols.text(1) != "TIMESTAMP");
        }
        CHECK_FALSE(names.empty());
        // Random keys and no rowid: storage order reveals nothing either.
        auto sql = fx.db->prepare("SELECT sql FROM sqlite_master WHERE name = ?");
        sql.bind(std::string(table));
        REQUIRE(sql.step());
        CHECK(sql.text(0).find("WITHOUT ROWID") != std::string::npos);
        auto fks = fx.db->prepare(std::string("SELECT \"table\" FROM pragma_foreign_key_list('") + table + "')");
        while (fks.step()) CHECK((fks.text(0) == "site" || fks.text(0) == "feedback_response"));
    }
    auto cols = fx.db->prepare("SELECT name FROM pragma_table_info('feedback_response') ORDER BY cid");
    std::vector<std::string> names;
    while (cols.step()) names.push_back(cols.text(0));
    CHECK(names == std::vector<std::string>{"id", "site_id", "day", "form_id", "form_version"});
}

TEST_CASE("stored ids are random and the day never carries a time") {
    FeedbackFixture fx;
    SubmissionLimiter lim({1000, 1000, 0});
    const char* vals[] = {"1", "2", "3", "4", "5"};
    for (int i = 0; i < 50; ++i)
        submit_feedback(*fx.db, fx.site, fx.form, draft({{"safe", vals[i % 5]}, {"again", vals[(i / 5) % 5]}}),
                        kNow + i * 61, lim, i * 61'000);
    CHECK(fx.count("SELECT count(DISTINCT id) FROM feedback_response") == 50);
    CHECK(fx.count("SELECT count(*) FROM feedback_response WHERE length(day) <> 10 OR day NOT GLOB "
                   "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'") == 0);
    // Key order (what a naive SELECT returns) is unrelated to arrival: the first 25 inserted are
    // not the first 25 by id. With random ids this fails with probability ~1/C(50,25).
    auto s = fx.db->prepare("SELECT answer FROM feedback_answer WHERE question = 'safe' ORDER BY response_id");
    std::string by_key;
    while (s.step()) by_key += s.text(0);
    std::string by_arrival;
    for (int i = 0; i < 50; ++i) by_arrival += vals[i % 5];
    CHECK(by_key != by_arrival);
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
    // comments from before 2026-10-25.
    CHECK(fx.store(d, "2026-11-24"));
    CHECK(fx.count("SELECT count(*) FROM feedback_response") == 4);
    CHECK(fx.count("SELECT count(*) FROM feedback_response WHERE day < '2025-12-01'") == 0);
    CHECK(fx.count("SELECT count(*) FROM feedback_text") == 2);
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
