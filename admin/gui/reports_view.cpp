// The Reports tab: a month's or quarter's figures as the project lead reads them, and the
// report itself (core/report's HTML and CSV) saved for any month or quarter and opened.
#include "staff_errors.hpp"
#include "staff_files.hpp"
#include "views.hpp"

#include "core/feedback/form.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/period.hpp"
#include "core/report/render.hpp"
#include "core/report/report_language.hpp"
#include "core/install/data_dir.hpp"
#include "core/text/catalog.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include <cctype>
#include <cstdio>
#include <memory>

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

// Row labels core/report gives in English, and the labels core/report's HTML passes through its
// translator (RenderOptions::tr): listed so the staff catalog carries them and the report the
// window saves is Danish whole.
[[maybe_unused]] static const char* const kReportLabels[] = {
    ST_("All"), ST_("Not stated"),
    ST_("Report for"), ST_("feedback form"), ST_("Appointments and walk-ins"), ST_("Appointments by service"),
    ST_("Came (booked)"), ST_("No-show"), ST_("Walk-in"), ST_("no-show"), ST_("Month"), ST_("Service"),
    ST_("Bookings"), ST_("Checked in"), ST_("Seen"), ST_("Not settled"), ST_("Cancelled"), ST_("Walk-ins"),
    ST_("No-show rate"), ST_("Period"),
    ST_("No bookings or walk-ins in this period."),
    ST_("No-show rate: bookings marked as missed, out of bookings whose time has passed (seen, checked in or "
        "missed). Staff can correct a no-show to seen."),
    ST_("Feedback after conversations"), ST_("Forms answered"),
    ST_("Every question could be skipped, so the number of answers differs per question."),
    ST_("Too few answers to draw a chart."), ST_("Talked with"), ST_("Answers"), ST_("Mean (1–5)"),
    ST_("hidden"), ST_("Hidden: small numbers"), ST_("Comments"), ST_("How to read the figures"),
    ST_("At least one answer but fewer than the threshold: hidden so no visitor can be picked out."),
    ST_("Hidden as well, so a small number cannot be worked out from the totals."),
    ST_("Mean not shown: too few answers, or it would reveal a hidden number."),
    ST_("Answers are anonymous: they are stored with the date only, never with a time, a booking or a name, and "
        "they are counted, never listed in the order they came in."),
};

// The feedback form's questions and answers are visitor-catalog msgids (English); staff read
// them in the staff language through the visitor catalog of that language.
static const char* form_text(const std::string& msgid) {
    static const std::unique_ptr<text::Catalog> visitor = []() -> std::unique_ptr<text::Catalog> {
        if (text::staff_language() == "en") return nullptr;
        try {
            return std::make_unique<text::Catalog>(text::Catalog::load_po(
                install::i18n_dir() + "/" + text::staff_language() + ".po"));
        } catch (const std::exception&) {
            return nullptr;   // the English question is better than no report
        }
    }();
    if (!visitor) return msgid.c_str();
    const auto& entries = visitor->entries();
    auto it = entries.find(std::string_view(msgid));
    if (it == entries.end() || it->second.empty() || it->second[0].empty()) return st(msgid.c_str());
    return it->second[0].c_str();
}

static std::string cell(const report::Count& c, int min_cell) { return report::format_count(c, min_cell); }

static std::string rate(const std::optional<double>& r) {
    if (!r) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", *r * 100.0);
    return buf;
}

// The first column as wide as its longest label (a service's full name is never cut off).
static float label_width(const std::vector<std::string>& labels) {
    float w = 0;
    for (const auto& l : labels) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x);
    return w + 2 * ImGui::GetStyle().CellPadding.x;
}

static void draw_activity(const report::Report& r) {
    section(st("Bookings, walk-ins and no-shows"));
    if (!ImGui::BeginTable("activity", 8, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    std::vector<std::string> names{st("Service"), st("All services")};
    for (const auto& a : r.activity_totals) names.push_back(a.service_name);
    column(st("Service"), label_width(names));
    for (const char* h : {ST_("Booked"), ST_("Cancelled"), ST_("Checked in"), ST_("Seen"), ST_("No-show"),
                          ST_("Walk-ins"), ST_("No-show rate")})
        column(st(h));
    wrapped_headers_row();
    for (const auto& a : r.activity_totals) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(a.service == "all" ? std::string(st("All services")) : a.service_name);
        for (int v : {a.bookings, a.cancelled, a.checked_in, a.seen, a.missed, a.walkins}) {
            ImGui::TableNextColumn();
            text(std::to_string(v));
        }
        ImGui::TableNextColumn();
        text(rate(a.no_show_rate));
    }
    ImGui::EndTable();
}

static void draw_feedback(const report::Report& r) {
    const auto& f = r.feedback;
    section(st("Feedback"));
    text(st_fill("Forms answered: {n}   (groups smaller than {min} are shown as <{min})",
                 {{"n", cell(f.responses, r.min_cell)}, {"min", std::to_string(r.min_cell)}}));
    for (const auto& q : f.questions) {
        ImGui::Spacing();
        text_wrapped(form_text(q.text));
        const int columns = static_cast<int>(q.answers.size()) + 3;
        if (!ImGui::BeginTable(q.key.c_str(), columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
            continue;
        std::vector<std::string> groups{st("Group")};
        for (const auto& row : q.rows) groups.push_back(form_text(row.label));
        column(st("Group"), label_width(groups));
        column(st("Answers"));
        for (const auto& label : q.answer_labels) column(form_text(label));
        column(st("Mean"));
        wrapped_headers_row();
        for (const auto& row : q.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            text(form_text(row.label));   // answers, and "All"/"Not stated" from the core in English
            ImGui::TableNextColumn();
            text(cell(row.n, r.min_cell));
            for (const auto& c : row.cells) {
                ImGui::TableNextColumn();
                text(cell(c, r.min_cell));
            }
            ImGui::TableNextColumn();
            if (row.mean) {
                char buf[16];
                std::snprintf(buf, sizeof buf, "%.1f", *row.mean);
                text(buf);
            } else {
                text_disabled(row.mean_status == report::MeanStatus::NoAnswers ? "–" : st("hidden"));
            }
        }
        ImGui::EndTable();
    }
}

// The report's labels in the staff language (the staff catalog, then the visitor catalog).
static std::string report_text(std::string_view msgid) {
    static const auto tr = report::report_translator(install::i18n_dir(), text::staff_language());
    return tr(msgid);
}

static std::string report_file_name(const State& s, const std::string& ext) {
    std::string period;
    for (char c : s.report->period.label)   // "2026-11", "2026-Q4": safe in a file name as it is
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-') period += c;
    return "rapport-" + std::to_string(s.site_id) + "-" + period + "." + ext;
}

// Showing is a preview; saving a file is a publication (it can leave the centre), recorded in
// the ledger like the CLI's report, so what is saved is protected against all published before.
static void build(State& s, const char* channel = nullptr) {
    s.report.reset();
    report::Period period;
    try {
        period = report::parse_period(s.period);
    } catch (const DomainError&) {
        throw StaffError(st("The period is a month like 2026-11 or a quarter like 2026-Q4."));
    }
    report::ReportOptions options;
    if (channel) {
        options.record = true;
        options.channel = channel;
        feedback::attach_feedback_store(*s.db);
    }
    s.report = report::build_report(*s.db, s.site_id, period, feedback::load_default_form(), options);
}

void draw_reports(State& s, Instant now) {
    if (!s.period[0])
        std::snprintf(s.period, sizeof s.period, "%s", report::month_of(s.tz.today(now)).label.c_str());
    ImGui::SetNextItemWidth(120);
    input(st("Period") + std::string("###period"), s.period, sizeof s.period, st("2026-11 or 2026-Q4"));
    ImGui::SameLine();
    if (button(st("Show") + std::string("###show_report")) || !s.report) act(s, [&s] { build(s); });
    ImGui::SameLine();
    if (button(st("Save and open the report") + std::string("###save_report_html")))
        act(s, [&s] {
            build(s, "html");
            report::RenderOptions ro;
            ro.lang = text::staff_language();
            ro.decimal_comma = ro.lang == "da";
            ro.tr = report_text;
            set_status(s, save_and_open(s, report_file_name(s, "html"), report::render_html(*s.report, ro)));
        });
    ImGui::SameLine();
    if (button(st("Save as CSV (spreadsheet)") + std::string("###save_report_csv")))
        act(s, [&s] {
            build(s, "csv");
            report::RenderOptions ro;   // column names, measures and answers in the staff language
            ro.lang = text::staff_language();
            ro.tr = report_text;
            set_status(s, save_and_open(s, report_file_name(s, "csv"), report::render_csv(*s.report, ro)));
        });
    if (!s.report) return;
    draw_activity(*s.report);
    draw_feedback(*s.report);
}

}  // namespace indgang::admin::gui
