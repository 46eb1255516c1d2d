// What the month's joint check (core/report/joint.*: GLPK integer programs over every table of
// the month) costs a report: build_report for each month of a year, as a preview (nothing
// recorded) and then published (recorded in the ledger), on generated forms.
//
//   bench-report_protection [FORMS_PER_MONTH]   (default 60)
#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/aggregate.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace indgang;
using Clock = std::chrono::steady_clock;

int main(int argc, char** argv) {
    const int per_month = argc > 1 ? std::atoi(argv[1]) : 60;
    auto db = db::open_store(":memory:");
    ensure_standard_services(*db);
    Site s;
    s.name = "Bench";
    const Id site = add_site(*db, s);
    feedback::attach_feedback_store(*db);
    const feedback::Form form = feedback::load_default_form();
    const auto settings = feedback::feedback_settings(*db);
    std::mt19937 rng(7);
    const char* services[] = {"jobcentre", "social", "benefits", "substance", "skp", "other"};
    std::discrete_distribution<int> service({30, 25, 10, 5, 3, 2});
    std::uniform_int_distribution<int> answer(0, 6), day(1, 28);
    for (int m = 1; m <= 12; ++m)
        for (int i = 0; i < per_month; ++i) {
            feedback::Draft d;
            if (answer(rng) != 0) d.answer("service", services[service(rng)]);
            for (const char* q : {"safe", "relevant", "place", "again"}) {
                const int a = answer(rng);
                if (a == 0) continue;
                d.answer(q, a == 6 ? "declined" : std::to_string(a));
            }
            char date[16];
            std::snprintf(date, sizeof date, "2026-%02d-%02d", m, day(rng));
            feedback::store_feedback(*db, site, form, d, *parse_date(date), settings);
        }
    std::vector<double> preview_ms, publish_ms;
    int hidden = 0, shown = 0;
    for (int m = 1; m <= 12; ++m) {
        char month[16];
        std::snprintf(month, sizeof month, "2026-%02d", m);
        for (bool record : {false, true}) {
            report::ReportOptions o;
            o.record = record;
            o.channel = "html";
            const auto t0 = Clock::now();
            const report::Report r = report::build_report(*db, site, report::parse_period(month), form, o);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
            (record ? publish_ms : preview_ms).push_back(ms);
            if (!record) continue;
            for (const auto& q : r.feedback.questions)
                for (const auto& g : q.rows) {
                    for (const auto& c : g.cells) (c.value ? shown : hidden)++;
                    (g.n.value ? shown : hidden)++;
                }
        }
    }
    auto median = [](std::vector<double> v) {
        std::sort(v.begin(), v.end());
        return v[v.size() / 2];
    };
    std::printf("forms per month %d: build_report preview median %.1f ms (max %.1f), first publication median %.1f ms "
                "(max %.1f); figures shown %d, hidden %d\n",
                per_month, median(preview_ms), *std::max_element(preview_ms.begin(), preview_ms.end()),
                median(publish_ms), *std::max_element(publish_ms.begin(), publish_ms.end()), shown, hidden);
    return 0;
}
