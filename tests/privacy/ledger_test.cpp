// The ledger's rules one at a time (docs/privacy.md, "The ledger"); the year-long audit in
// linked_audit_test.cpp checks them all together.
#include "tests/feedback/fixture.hpp"
#include "tests/report/report_lookup.hpp"

#include "core/export/bundle.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/aggregate.hpp"
#include "core/report/linked.hpp"
#include "core/report/render.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::report;
using indgang::testing::FeedbackFixture;
using indgang::testing::draft;
using indgang::testing::group;
using indgang::testing::question;

namespace {

void many(FeedbackFixture& fx, int n, std::initializer_list<std::pair<const char*, const char*>> answers,
          const char* day = "2026-11-10") {
    for (int i = 0; i < n; ++i) REQUIRE(fx.store(draft(answers), day));
}
// A mixed month: two big groups that show.
void mixed(FeedbackFixture& fx) {
    many(fx, 6, {{"service", "jobcentre"}, {"safe", "5"}});
    many(fx, 6, {{"service", "jobcentre"}, {"safe", "4"}});
    many(fx, 7, {{"service", "social"}, {"safe", "3"}});
    many(fx, 5, {{"service", "social"}, {"safe", "4"}});
}
ReportOptions published(int k = 5) { return {k, std::nullopt, true, "html"}; }

// Every hidden figure of the table, checked with the exact width (max-flow) against what a
// reader knows from this one table.
int64_t narrowest_hidden(const std::vector<std::vector<int64_t>>& cells, const LinkedResult& res) {
    FigureIndex f;
    f.R = cells.size();
    f.C = cells[0].size();
    int64_t narrowest = 1 << 30;
    for (size_t i = 0; i < f.size(); ++i) {
        const bool hidden = res.marks[i] != Hidden::No;
        if (hidden && f.published(i)) narrowest = std::min(narrowest, figure_width(cells, res.known, i, 1000));
    }
    return narrowest;
}

}  // namespace

TEST_CASE("a group whose answers all fall in one category is not shown, zeros and all") {
    FeedbackFixture fx;
    mixed(fx);
    many(fx, 8, {{"service", "benefits"}, {"safe", "2"}});   // eight alike: shown, it would tell all eight
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    const auto& benefits = group(question(r, "safe"), "benefits");
    for (const auto& c : benefits.cells) CHECK_FALSE(c.value);
    CHECK_FALSE(benefits.mean);
    // The same with "Not stated": forms that skipped the service question, all alike.
    FeedbackFixture ns;
    mixed(ns);
    many(ns, 9, {{"safe", "1"}});
    const Report rn = build_report(*ns.db, ns.site, parse_period("2026-11"), ns.form);
    for (const auto& c : group(question(rn, "safe"), "not_stated").cells) CHECK_FALSE(c.value);
    CHECK_FALSE(group(question(rn, "safe"), "not_stated").mean);
}

TEST_CASE("one form that skipped the service question does not make the not-stated row its answers") {
    FeedbackFixture fx;
    mixed(fx);
    REQUIRE(fx.store(draft({{"safe", "1"}, {"relevant", "2"}, {"again", "declined"}}), "2026-11-12"));
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    for (const char* q : {"safe", "relevant", "again"}) {
        const auto& row = group(question(r, q), "not_stated");
        INFO(q);
        CHECK_FALSE(row.n.value);
        for (const auto& c : row.cells) CHECK((!c.value || *c.value == 0) == true);
        int hidden = 0;
        for (const auto& c : row.cells) hidden += !c.value;
        CHECK(hidden >= 2);   // never one hidden cell beside shown zeros
    }
}

TEST_CASE("zeros beside a hidden count do not give it away, and every hidden figure keeps k values") {
    // Row 0 is "7 0 0 0 0 0": one category. Row 2 holds a single 2.
    const std::vector<std::vector<int64_t>> cells = {
        {7, 0, 0, 0, 0, 0}, {10, 6, 5, 0, 8, 0}, {0, 2, 0, 0, 0, 0}, {12, 9, 14, 6, 7, 5}};
    for (int k : {3, 5, 10}) {
        const LinkedResult res = protect_linked(cells, k, {}, 0);
        INFO("k = " << k);
        CHECK_FALSE(res.fell_back);
        for (size_t c = 0; c < 6; ++c) CHECK(res.protection.cells[0][c] != Hidden::No);   // zeros too
        CHECK(res.protection.cells[2][1] == Hidden::Small);
        int hidden_in_row2 = 0;
        for (size_t c = 0; c < 6; ++c) hidden_in_row2 += res.protection.cells[2][c] != Hidden::No;
        CHECK(hidden_in_row2 >= 2);
        CHECK(narrowest_hidden(cells, res) >= k);
        CHECK(res.narrowest >= k);
    }
}

TEST_CASE("means only over rows whose every count is shown") {
    FeedbackFixture fx;
    mixed(fx);
    many(fx, 2, {{"service", "jobcentre"}, {"safe", "1"}});   // a small cell in a shown group
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    for (const auto& q : r.feedback.questions)
        for (const auto& g : q.rows) {
            bool all_shown = g.n.value.has_value();
            for (const auto& c : g.cells) all_shown &= c.value.has_value();
            INFO(q.key << "/" << g.group);
            if (g.mean) CHECK(all_shown);
            if (!all_shown) CHECK_FALSE(g.mean);
        }
    CHECK(group(question(r, "safe"), "jobcentre").mean_status != MeanStatus::Shown);   // withheld or suppressed
}

TEST_CASE("a published month is frozen: late forms count in the next month, a re-export is the same") {
    FeedbackFixture fx;
    mixed(fx);
    // A preview writes nothing, freezes nothing.
    const Report preview = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK(feedback::count_publications(*fx.db, fx.site) == 0);
    CHECK(feedback::counting_month(*fx.db, fx.site, "2026-11") == "2026-11");

    const Report first = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form, published());
    CHECK(feedback::count_publications(*fx.db, fx.site) == 1);
    CHECK(render_csv(first) == render_csv(preview));
    CHECK(feedback::counting_month(*fx.db, fx.site, "2026-11") == "2026-12");

    // Three paper forms for November typed in late: a second November table would differ by
    // exactly them.
    many(fx, 3, {{"service", "skp"}, {"safe", "1"}}, "2026-11-28");
    const Report again = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form, published());
    CHECK(render_csv(again) == render_csv(first));
    CHECK(render_json(again) == render_json(first));
    const Report dec = build_report(*fx.db, fx.site, parse_period("2026-12"), fx.form);
    CHECK(dec.feedback.responses.hidden == Hidden::Small);   // the three, hidden in December
    CHECK(fx.count("SELECT sum(n) FROM fb.form_count WHERE month = '2026-12'") == 3);
    CHECK(fx.count("SELECT count(*) FROM fb.form_count WHERE month = '2026-11' AND n = 24") == 1);

    // A stricter threshold later keeps everything already shown and adds nothing hidden.
    const Report strict = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form, published(10));
    CHECK(strict.feedback.responses.value == 24);
    const auto& s1 = question(first, "safe");
    const auto& s2 = question(strict, "safe");
    for (size_t r = 0; r < s1.rows.size(); ++r)
        for (size_t c = 0; c < s1.rows[r].cells.size(); ++c)
            if (!s1.rows[r].cells[c].value) CHECK_FALSE(s2.rows[r].cells[c].value);
}

TEST_CASE("a quarter shows only sums of month figures that are shown, whichever goes out first") {
    FeedbackFixture fx;
    mixed(fx);
    many(fx, 6, {{"service", "jobcentre"}, {"safe", "5"}}, "2026-10-05");
    many(fx, 2, {{"service", "skp"}, {"safe", "3"}}, "2026-10-06");
    many(fx, 6, {{"service", "social"}, {"safe", "4"}}, "2026-12-05");
    many(fx, 5, {{"service", "social"}, {"safe", "2"}}, "2026-12-05");
    const Report q = build_report(*fx.db, fx.site, parse_period("2026-Q4"), fx.form, published());
    std::vector<Report> months;
    for (const char* m : {"2026-10", "2026-11", "2026-12"})
        months.push_back(build_report(*fx.db, fx.site, parse_period(m), fx.form, published()));
    for (size_t qi = 0; qi < q.feedback.questions.size(); ++qi)
        for (size_t r = 0; r < q.feedback.questions[qi].rows.size(); ++r)
            for (size_t c = 0; c < q.feedback.questions[qi].rows[r].cells.size(); ++c) {
                const auto& qc = q.feedback.questions[qi].rows[r].cells[c];
                if (!qc.value) continue;
                int sum = 0;
                for (const auto& m : months) {
                    const auto& mc = m.feedback.questions[qi].rows[r].cells[c];
                    REQUIRE(mc.value);   // a shown quarter figure is a sum of shown month figures
                    sum += *mc.value;
                }
                CHECK(sum == *qc.value);
            }
    // October's SKP pair is hidden in October, so the quarter's SKP row is hidden too.
    CHECK_FALSE(group(question(q, "safe"), "skp").n.value);
}

TEST_CASE("the extract is a publication: recorded once, and its figures are the report's") {
    FeedbackFixture fx;
    mixed(fx);
    many(fx, 2, {{"service", "skp"}, {"safe", "4"}});
    const exporting::BuiltBundle built = exporting::build_bundle(*fx.db, fx.site, "2026-11");
    CHECK(feedback::count_publications(*fx.db, fx.site) == 0);   // building alone is a preview
    const auto q1 = exporting::export_bundle(*fx.db, fx.site, "2026-11", 1796000000);
    CHECK(feedback::count_publications(*fx.db, fx.site) == 1);
    CHECK(q1.sha256 == built.sha256);
    many(fx, 2, {{"service", "skp"}, {"safe", "4"}}, "2026-11-29");   // late: counted into December
    const auto q2 = exporting::export_bundle(*fx.db, fx.site, "2026-11", 1796000600);
    CHECK(q2.reused);                                          // the same content: nothing new left
    CHECK(q2.sha256 == q1.sha256);
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    CHECK(group(question(r, "safe"), "skp").cells[3].hidden != Hidden::No);
}

TEST_CASE("a month whose published figures no longer match its counts is refused, not published twice") {
    // As if a frozen month had changed behind the ledger's back (a file restored from a backup
    // older than the ledger, say): the new table would differ from the old by a few forms.
    const std::vector<std::vector<int64_t>> cells = {{6, 7}, {8, 9}};
    const LinkedResult first = protect_linked(cells, 5, {}, 0);
    std::vector<std::optional<Known>> prior(first.known.begin(), first.known.end());
    const std::vector<std::vector<int64_t>> changed = {{6, 7}, {8, 11}};
    CHECK_THROWS_AS(protect_linked(changed, 5, prior, 5), DomainError);
    CHECK_NOTHROW(protect_linked(cells, 5, prior, 5));
}
