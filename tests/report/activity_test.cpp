#include "tests/report/activity_fixture.hpp"

#include "core/report/aggregate.hpp"
#include "core/report/render.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::report;
using indgang::testing::ActivityFixture;
using indgang::testing::FeedbackFixture;

namespace {

const ActivityRow& row(const std::vector<ActivityRow>& rows, const std::string& month, const std::string& service) {
    for (const auto& r : rows)
        if (r.month == month && r.service == service) return r;
    FAIL("no row " << month << " " << service);
    throw 0;
}

}  // namespace

TEST_CASE("bookings, check-ins, walk-ins and the no-show rate per service and month") {
    ActivityFixture fx;
    const Id job = fx.session_for("jobcentre");
    const Id skp = fx.session_for("skp");
    for (int i = 0; i < 4; ++i) fx.booking(job, "2026-11-03", "seen", false);
    for (int i = 0; i < 2; ++i) fx.booking(job, "2026-11-10", "seen", true);
    fx.booking(job, "2026-11-17", "checked_in", true);
    fx.booking(job, "2026-11-17", "missed", false);
    fx.booking(job, "2026-11-24", "missed", false);
    fx.booking(job, "2026-11-24", "booked", false);       // not settled yet
    fx.booking(job, "2026-11-24", "cancelled", false);
    fx.booking(job, "2026-11-24", "cancelled", false);
    fx.booking(job, "2026-11-24", "centre_cancelled", false);   // the centre called it off
    fx.booking(job, "2026-11-24", "centre_cancelled", true);
    fx.booking(job, "2026-10-27", "missed", false);
    fx.booking(job, "2026-10-27", "seen", false);
    fx.booking(skp, "2026-12-02", "seen", true);
    fx.booking(job, "2027-01-05", "missed", false);       // outside the quarter
    for (int n = 1; n <= 3; ++n) fx.walkin("jobcentre", "2026-11-10", n);
    fx.walkin("skp", "2026-12-02", 1);

    const auto rows = activity_by_month(*fx.db, fx.site, parse_period("2026-Q4"));
    CHECK(rows.size() == 15);   // three months × five services
    const auto& nov = row(rows, "2026-11", "jobcentre");
    CHECK(nov.bookings == 10);
    CHECK(nov.cancelled == 2);
    CHECK(nov.centre_cancelled == 2);
    CHECK(nov.seen == 6);
    // checked_in is the status (came, not yet marked seen): the two seen visitors who checked in
    // first are counted once, as seen, so every booking is in exactly one column.
    CHECK(nov.checked_in == 1);
    CHECK(nov.seen + nov.checked_in + nov.missed + nov.open == nov.bookings);
    CHECK(nov.missed == 2);
    CHECK(nov.open == 1);
    CHECK(nov.walkins == 3);
    REQUIRE(nov.no_show_rate);
    CHECK(*nov.no_show_rate == doctest::Approx(2.0 / 9.0));
    CHECK(*row(rows, "2026-10", "jobcentre").no_show_rate == doctest::Approx(0.5));
    CHECK_FALSE(row(rows, "2026-10", "social").no_show_rate);   // nothing settled: no rate, not 0 %
    CHECK(row(rows, "2026-12", "skp").walkins == 1);
    CHECK(*row(rows, "2026-12", "skp").no_show_rate == doctest::Approx(0.0));

    const auto totals = activity_totals(rows);
    const auto& job_total = row(totals, "all", "jobcentre");
    CHECK(job_total.bookings == 12);
    CHECK(job_total.missed == 3);
    CHECK(*job_total.no_show_rate == doctest::Approx(3.0 / 11.0));
    const auto& all = row(totals, "all", "all");
    CHECK(all.bookings == 13);
    CHECK(all.walkins == 4);
    CHECK(*all.no_show_rate == doctest::Approx(3.0 / 12.0));

    // The same figures reach the CSV.
    const Report r = build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
    const std::string csv = render_csv(r);
    CHECK(csv.find("activity,2026-11,Værestedet Kilden,jobcentre,2026-11,missed,2,\r\n") != std::string::npos);
    CHECK(csv.find("activity,2026-11,Værestedet Kilden,jobcentre,2026-11,no_show_rate,0.222,\r\n") != std::string::npos);
    CHECK(csv.rfind("section,period,site,question,group,answer,value,hidden\r\n", 0) == 0);
}

TEST_CASE("an unknown site is a clear error") {
    FeedbackFixture fx;
    CHECK_THROWS_WITH_AS(build_report(*fx.db, 999, parse_period("2026-11"), fx.form), doctest::Contains("no site"),
                         DomainError);
}
