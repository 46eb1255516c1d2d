#include "tests/feedback/fixture.hpp"
#include "tests/report/report_lookup.hpp"

#include "core/report/aggregate.hpp"
#include "core/report/render.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <random>

using namespace indgang;
using namespace indgang::report;
using indgang::testing::FeedbackFixture;
using indgang::testing::draft;
using indgang::testing::group;
using indgang::testing::question;

namespace {

struct Spec {
    int copies;
    feedback::Draft d;
};

// The known dataset (November 2026), 37 forms:
//   jobcentre  15: safe 5×5, 5×4, 5×3;   again 10×5, 5×declined
//   social     12: safe 6×2, 6×4;        again 6×4, 6×3
//   (skipped)  10: safe 5×1, 5×2
// (The skipped group once held only 5×1: a group whose answers all fall in one category is now
// hidden, row and all, so it is split over two answers to keep every figure here exact.)
std::vector<Spec> known_dataset() {
    return {
        {5, draft({{"service", "jobcentre"}, {"safe", "5"}, {"again", "5"}})},
        {5, draft({{"service", "jobcentre"}, {"safe", "4"}, {"again", "5"}})},
        {5, draft({{"service", "jobcentre"}, {"safe", "3"}, {"again", "declined"}})},
        {6, draft({{"service", "social"}, {"safe", "2"}, {"again", "4"}})},
        {6, draft({{"service", "social"}, {"safe", "4"}, {"again", "3"}})},
        {5, draft({{"safe", "1"}})},
        {5, draft({{"safe", "2"}})},
    };
}

void load(FeedbackFixture& fx, const std::vector<Spec>& specs, unsigned shuffle_seed) {
    std::vector<const feedback::Draft*> all;
    for (const auto& s : specs)
        for (int i = 0; i < s.copies; ++i) all.push_back(&s.d);
    std::mt19937 rng(shuffle_seed);
    std::shuffle(all.begin(), all.end(), rng);
    int day = 1;
    for (const auto* d : all) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "2026-11-%02d", 1 + (day++ * 7) % 30);
        REQUIRE(fx.store(*d, buf));
    }
}

std::vector<std::optional<int>> values(const GroupRow& g) {
    std::vector<std::optional<int>> v;
    for (const auto& c : g.cells) v.push_back(c.value);
    return v;
}
using V = std::vector<std::optional<int>>;

}  // namespace

TEST_CASE("a dataset with known answers gives exact counts, distributions and means") {
    FeedbackFixture fx;
    load(fx, known_dataset(), 1);
    // Outside the period or at another site: not counted.
    fx.store(draft({{"service", "jobcentre"}, {"safe", "1"}}), "2026-10-31");
    fx.store(draft({{"service", "jobcentre"}, {"safe", "1"}}), "2026-12-01");

    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK(r.min_cell == 5);
    CHECK(r.feedback.responses.value == 37);
    CHECK(r.feedback.group_question == "service");

    const auto& service = question(r, "service");
    REQUIRE(service.rows.size() == 1);
    // The service question also counts the forms that skipped it ("not_stated"), so its total
    // is the number of forms (once 27 answered of 32, with 5 skipped, left out of the table).
    CHECK(service.answers == std::vector<std::string>{"jobcentre", "social", "benefits", "substance", "skp", "other", "declined", "not_stated"});
    CHECK(values(service.rows[0]) == V{15, 12, 0, 0, 0, 0, 0, 10});
    CHECK(service.rows[0].n.value == 37);

    const auto& safe = question(r, "safe");
    CHECK(safe.answers == std::vector<std::string>{"1", "2", "3", "4", "5", "declined"});
    REQUIRE(safe.rows.size() == 8);   // six services, not stated, all
    CHECK(values(group(safe, "jobcentre")) == V{0, 0, 5, 5, 5, 0});
    CHECK(group(safe, "jobcentre").n.value == 15);
    CHECK(group(safe, "jobcentre").mean == doctest::Approx(4.0));
    CHECK(values(group(safe, "social")) == V{0, 6, 0, 6, 0, 0});
    CHECK(group(safe, "social").mean == doctest::Approx(3.0));
    CHECK(values(group(safe, "not_stated")) == V{5, 5, 0, 0, 0, 0});
    CHECK(group(safe, "not_stated").mean == doctest::Approx(1.5));
    CHECK(values(group(safe, "skp")) == V{0, 0, 0, 0, 0, 0});
    CHECK(group(safe, "skp").n.value == 0);
    CHECK(group(safe, "skp").mean_status == MeanStatus::NoAnswers);
    CHECK_FALSE(group(safe, "skp").mean);
    CHECK(values(group(safe, "all")) == V{5, 11, 5, 11, 5, 0});
    CHECK(group(safe, "all").n.value == 37);
    CHECK(group(safe, "all").mean == doctest::Approx(3.0));   // 111 / 37 = 3.0

    const auto& again = question(r, "again");
    CHECK(values(group(again, "jobcentre")) == V{0, 0, 0, 0, 10, 5});
    CHECK(group(again, "jobcentre").n.value == 15);
    CHECK(group(again, "jobcentre").mean == doctest::Approx(5.0));   // "declined" is not a value
    CHECK(group(again, "social").mean == doctest::Approx(3.5));
    CHECK(group(again, "not_stated").n.value == 0);
    CHECK(values(group(again, "all")) == V{0, 0, 6, 6, 10, 5});
    CHECK(group(again, "all").mean == doctest::Approx(4.2));         // 92 / 22 = 4.18

    const auto& place = question(r, "place");
    CHECK(group(place, "all").n.value == 0);
    CHECK(group(place, "all").mean_status == MeanStatus::NoAnswers);

    // The quarter shows a figure only as the sum of shown month figures: October's and
    // December's single forms are hidden in their months, so the quarter's count is hidden too
    // (37 + "two more" would tell October + December = 2).
    const Report q = build_report(*fx.db, fx.site, parse_period("2026-Q4"), fx.form);
    CHECK_FALSE(q.feedback.responses.value);
    // Ten more forms in each of October and December, two services with mixed answers. (Five
    // forms that all named the jobcentre would not do: the scale tables would then tell that
    // every form was the jobcentre's, so even the number of forms is hidden, joint.hpp.)
    for (const char* month : {"2026-10", "2026-12"})
        for (int i = 0; i < 10; ++i)
            fx.store(draft({{"service", i % 2 ? "social" : "jobcentre"}, {"safe", std::to_string(1 + i % 5).c_str()}}),
                     (std::string(month) + "-0" + std::to_string(2 + i % 7)).c_str());
    const Report q2 = build_report(*fx.db, fx.site, parse_period("2026-Q4"), fx.form);
    CHECK(q2.feedback.responses.value == 59);   // 11 + 37 + 11, every month shown
}

TEST_CASE("a small group is hidden, and enough else with it that nothing can be subtracted") {
    FeedbackFixture fx;
    auto data = known_dataset();
    data.push_back({1, draft({{"service", "skp"}, {"safe", "5"}})});
    data.push_back({1, draft({{"service", "skp"}, {"safe", "4"}})});
    load(fx, data, 2);
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    const auto& safe = question(r, "safe");
    const auto& skp = group(safe, "skp");
    // Hidden; the mark may be "×" rather than "<5" when the table cannot be widened with the
    // service table's bounds and adds nothing new instead (linked.hpp, rule 5).
    CHECK(skp.n.hidden != Hidden::No);
    CHECK_FALSE(skp.n.value);
    CHECK(skp.cells[3].hidden != Hidden::No);
    CHECK(skp.cells[4].hidden != Hidden::No);
    CHECK(skp.mean_status == MeanStatus::Suppressed);
    CHECK_FALSE(skp.mean);
    // The service question: 2 for the SKP is hidden, and a partner so 29 − 15 − 12 cannot tell.
    const auto& service = question(r, "service");
    CHECK(service.rows[0].cells[4].hidden == Hidden::Small);
    int hidden_service = 0;
    for (const auto& c : service.rows[0].cells) hidden_service += c.hidden != Hidden::No;
    CHECK(hidden_service >= 2);
    // Column "4 High degree": jobcentre 5 + social 6 + skp 1 = 12 shown as a total, so at least
    // one of the two large cells is hidden too.
    const bool partner = group(safe, "jobcentre").cells[3].hidden != Hidden::No ||
                         group(safe, "social").cells[3].hidden != Hidden::No || !group(safe, "all").cells[3].value;
    CHECK(partner);
    // Whatever is visible adds up: no visible row has exactly one hidden cell.
    for (const auto& q : r.feedback.questions)
        for (const auto& g : q.rows) {
            int hidden = !g.n.value;
            for (const auto& c : g.cells) hidden += !c.value;
            INFO(q.key << "/" << g.group);
            CHECK(hidden != 1);
        }
}

TEST_CASE("the threshold comes from settings, and is never below 3") {
    FeedbackFixture fx;
    load(fx, known_dataset(), 3);
    fx.store(draft({{"service", "skp"}, {"safe", "5"}}), "2026-11-03");
    fx.store(draft({{"service", "skp"}, {"safe", "5"}}), "2026-11-04");
    fx.store(draft({{"service", "skp"}, {"safe", "5"}}), "2026-11-05");
    // Three more on another answer: three alike alone would be one category, hidden whatever
    // the threshold.
    for (const char* day : {"2026-11-06", "2026-11-07", "2026-11-08"})
        fx.store(draft({{"service", "skp"}, {"safe", "4"}}), day);
    feedback::set_feedback_setting(*fx.db, "report.min_cell", "3");
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK(r.min_cell == 3);
    CHECK(group(question(r, "safe"), "skp").n.value == 6);
    CHECK_THROWS_AS(build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form, {2, std::nullopt}), DomainError);
    const Report strict = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form, {10, std::nullopt, false, "report"});
    CHECK_FALSE(group(question(strict, "safe"), "skp").n.value);
}

TEST_CASE("reports do not depend on the order answers came in") {
    FeedbackFixture a, b;
    load(a, known_dataset(), 11);
    load(b, known_dataset(), 97);
    const Report ra = build_report(*a.db, a.site, parse_period("2026-11"), a.form);
    const Report rb = build_report(*b.db, b.site, parse_period("2026-11"), b.form);
    CHECK(render_csv(ra) == render_csv(rb));
    CHECK(render_json(ra) == render_json(rb));
    CHECK(render_html(ra) == render_html(rb));
}

TEST_CASE("exports hold no time of day, no ids and no booking link") {
    FeedbackFixture fx;
    feedback::set_feedback_setting(*fx.db, "feedback.free_text", "on");
    feedback::set_feedback_setting(*fx.db, "feedback.export_free_text", "on");
    auto data = known_dataset();
    data[0].d.free_text = "Mette var god. Ring 12 34 56 78";
    load(fx, data, 5);
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    REQUIRE(r.feedback.comments_included);
    CHECK(r.feedback.comments.size() == 5);
    // The only ids the store holds are the comments' random keys: none may leave.
    std::vector<std::string> ids;
    auto s = fx.db->prepare("SELECT id FROM fb.comment");
    while (s.step()) ids.push_back(s.text(0));
    REQUIRE(ids.size() == 5);
    for (const std::string& out : {render_csv(r), render_json(r), render_html(r)}) {
        for (const auto& id : ids) CHECK(out.find(id.substr(0, 12)) == std::string::npos);
        CHECK(out.find("12 34 56 78") == std::string::npos);
        CHECK(out.find("[tlf.nr. fjernet]") != std::string::npos);
        CHECK(out.find("booking_id") == std::string::npos);
        CHECK(out.find("response_id") == std::string::npos);
        // No clock times (HH:MM) and no dates finer than the month.
        for (size_t i = 0; i + 4 < out.size(); ++i) {
            const bool time = isdigit(static_cast<unsigned char>(out[i])) && isdigit(static_cast<unsigned char>(out[i + 1])) &&
                              out[i + 2] == ':' && isdigit(static_cast<unsigned char>(out[i + 3])) &&
                              isdigit(static_cast<unsigned char>(out[i + 4]));
            if (time) FAIL_CHECK("clock time at " << i << ": " << out.substr(i > 20 ? i - 20 : 0, 40));
        }
        CHECK(out.find("2026-11-") == std::string::npos);
    }
    // Comments stay out unless that switch is on.
    feedback::set_feedback_setting(*fx.db, "feedback.export_free_text", "off");
    const Report quiet = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK_FALSE(quiet.feedback.comments_included);
    CHECK(render_csv(quiet).find("Mette") == std::string::npos);
    CHECK(render_html(quiet).find("Mette") == std::string::npos);
    CHECK(render_json(quiet).find("Mette") == std::string::npos);
}

TEST_CASE("comments are left out of a month with too few forms") {
    FeedbackFixture fx;
    feedback::set_feedback_setting(*fx.db, "feedback.free_text", "on");
    feedback::set_feedback_setting(*fx.db, "feedback.export_free_text", "on");
    feedback::Draft d = draft({{"safe", "2"}});
    d.free_text = "the only one";
    fx.store(d, "2026-11-10");
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK_FALSE(r.feedback.comments_included);
    CHECK(r.feedback.comments.empty());
    CHECK(r.feedback.responses.hidden == Hidden::Small);
}
