// The report's charts as a reader sees them: every label inside its chart (SVG neither wraps nor
// shrinks text, so a label past the edge is cut off), measured in the report's own fonts; and one
// name per service in every table and chart of the report.
#include "tests/report/activity_fixture.hpp"

#include "core/report/aggregate.hpp"
#include "core/report/render.hpp"
#include "core/text/catalog.hpp"
#include "core/text/text_width.hpp"

#include <doctest/doctest.h>

#include <cstdlib>
#include <memory>
#include <regex>

using namespace indgang;
using namespace indgang::report;
using indgang::testing::ActivityFixture;

namespace {

constexpr const char* kLongName = "Rusmiddelrådgivningen – opsøgende team for unge voksne";

std::string unescape(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
    for (const auto& [from, to] : entities)
        for (size_t at; (at = s.find(from)) != std::string::npos;) s.replace(at, std::string(from).size(), to);
    return s;
}

std::string attr(const std::string& attrs, const char* name) {
    std::smatch m;
    if (std::regex_search(attrs, m, std::regex(std::string(" ?") + name + "=\"([^\"]*)\""))) return m[1];
    return "";
}

struct Overflow {
    int texts = 0;        // text elements checked
    int outside = 0;      // … reaching past the chart's edge
    double widest = 0;    // the widest label, px
};

// Every <text> of every chart, measured at its class's font size, against the chart's viewBox.
Overflow check_charts(const std::string& html) {
    Overflow o;
    const std::regex svg_re("<svg class=\"chart\"[^>]*viewBox=\"0 0 ([0-9]+) [0-9]+\"[^>]*>([\\s\\S]*?)</svg>");
    const std::regex text_re("<text([^>]*)>([^<]*)</text>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), svg_re); it != std::sregex_iterator(); ++it) {
        const double w = std::stod((*it)[1]);
        const std::string body = (*it)[2];
        for (auto t = std::sregex_iterator(body.begin(), body.end(), text_re); t != std::sregex_iterator(); ++t) {
            const std::string attrs = (*t)[1];
            const std::string content = unescape((*t)[2]);
            const std::string cls = attr(attrs, "class");
            const double px = cls == "leg" || cls == "in" ? 12 : 13;
            const double width = text::text_width_px(content, px, cls == "in");
            const double x = std::stod(attr(attrs, "x"));
            const std::string anchor = attr(attrs, "text-anchor");
            const double left = anchor == "end" ? x - width : anchor == "middle" ? x - width / 2 : x;
            ++o.texts;
            o.widest = std::max(o.widest, width);
            if (left < 0 || left + width > w) {
                ++o.outside;
                MESSAGE("cut off: \"" << content << "\" from " << left << " to " << left + width << " in a chart " << w
                                      << " wide");
            }
        }
    }
    return o;
}

// A month with the substance-abuse service under the centre's own long name: bookings and
// walk-ins, and enough feedback naming it that its rows are drawn.
Report long_name_month(ActivityFixture& fx) {
    Service sv = get_service_by_key(*fx.db, "substance");
    sv.name = kLongName;
    update_service(*fx.db, sv);
    const Id session = fx.session_for("substance");
    for (int i = 0; i < 6; ++i) fx.booking(session, "2026-11-03", i < 5 ? "seen" : "missed", false);
    const Id job = fx.session_for("jobcentre");
    for (int i = 0; i < 6; ++i) fx.booking(job, "2026-11-10", "seen", false);
    for (int i = 0; i < 12; ++i) {
        const std::string safe = std::to_string(3 + i % 3);
        REQUIRE(fx.store(testing::draft({{"service", "substance"}, {"safe", safe.c_str()}}), "2026-11-12"));
        REQUIRE(fx.store(testing::draft({{"service", "jobcentre"}, {"safe", safe.c_str()}}), "2026-11-13"));
    }
    return build_report(*fx.db, fx.site, parse_period("2026-11"), fx.form);
}

RenderOptions danish() {
    const char* src = std::getenv("INDGANG_SOURCE_DIR");
    REQUIRE(src);
    auto catalog = std::make_shared<text::Catalog>(text::Catalog::load_po(std::string(src) + "/i18n/da.po"));
    RenderOptions ro;
    ro.tr = [catalog](std::string_view id) { return catalog->get(id); };
    ro.lang = "da";
    ro.decimal_comma = true;
    return ro;
}

}  // namespace

TEST_CASE("text is measured in the report's fonts") {
    // Wide letters are wider than narrow ones, and size scales the width.
    CHECK(text::text_width_px("MMMM", 13) > text::text_width_px("iiii", 13) * 2);
    CHECK(text::text_width_px("Jobcenter", 26) == doctest::Approx(2 * text::text_width_px("Jobcenter", 13)));
    CHECK(text::text_width_px("", 13) == 0);
    // The long name is far wider than the label column charts had before (210 px, 202 for text).
    CHECK(text::text_width_px(kLongName, 13) > 300);
}

TEST_CASE("no chart label is cut off, however long the centre's name for a service") {
    ActivityFixture fx;
    const Report r = long_name_month(fx);
    for (const auto& ro : {RenderOptions{}, danish()}) {
        const std::string html = render_html(r, ro);
        const Overflow o = check_charts(html);
        INFO("lang " << ro.lang);
        CHECK(o.texts > 20);                 // the charts were found and read
        CHECK(o.widest > 300);               // the long name is among them
        CHECK(o.outside == 0);
    }
}

TEST_CASE("one name per service across the activity and feedback tables") {
    ActivityFixture fx;
    const Report r = long_name_month(fx);
    bool in_activity = false;
    for (const auto& a : r.activity_totals) in_activity |= a.service == "substance" && a.service_name == kLongName;
    CHECK(in_activity);
    // The grouping question's answer and every scale question's group carry the same name.
    for (const auto& q : r.feedback.questions) {
        bool found = false;
        if (q.key == r.feedback.group_question) {
            for (size_t i = 0; i < q.answers.size(); ++i)
                if (q.answers[i] == "substance") { CHECK(q.answer_labels[i] == kLongName); found = true; }
        } else {
            for (const auto& g : q.rows)
                if (g.group == "substance") { CHECK(g.label == kLongName); found = true; }
        }
        INFO(q.key);
        CHECK(found);
    }
    // In the page: the centre's name, never the form's own label (English, or its Danish
    // translation), so a reader does not wonder whether "Misbrugsindsatsen" is another service.
    for (const auto& ro : {RenderOptions{}, danish()}) {
        const std::string html = render_html(r, ro);
        INFO("lang " << ro.lang);
        CHECK(html.find(kLongName) != std::string::npos);
        CHECK(html.find("Substance-abuse outreach") == std::string::npos);
        CHECK(html.find("Misbrugsindsatsen") == std::string::npos);
    }
}
