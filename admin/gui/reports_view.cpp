// The Reports tab: a month's or quarter's figures as the project lead reads them. The HTML/CSV
// report itself is core/report's (issue 11b); this tab only shows the figures.
#include "views.hpp"

#include "core/feedback/form.hpp"
#include "core/report/period.hpp"
#include "core/report/render.hpp"
#include "core/install/data_dir.hpp"
#include "core/text/catalog.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

#include <cstdio>
#include <memory>

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

// Row labels core/report gives in English; listed so the staff catalog carries them.
[[maybe_unused]] static const char* const kReportLabels[] = {ST_("All"), ST_("Not stated")};

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

static void draw_activity(const report::Report& r) {
    section(st("Bookings, walk-ins and no-shows"));
    if (!ImGui::BeginTable("activity", 8, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    for (const char* h : {ST_("Service"), ST_("Booked"), ST_("Cancelled"), ST_("Checked in"), ST_("Seen"),
                          ST_("No-show"), ST_("Walk-ins"), ST_("No-show rate")})
        column(st(h));
    ImGui::TableHeadersRow();
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
        column(st("Group"));
        column(st("Answers"));
        for (const auto& label : q.answer_labels) column(form_text(label));
        column(st("Mean"));
        ImGui::TableHeadersRow();
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

void draw_reports(State& s, Instant now) {
    if (!s.period[0])
        std::snprintf(s.period, sizeof s.period, "%s", report::month_of(s.tz.today(now)).label.c_str());
    ImGui::SetNextItemWidth(120);
    input(st("Period") + std::string("###period"), s.period, sizeof s.period, st("2026-11 or 2026-Q4"));
    ImGui::SameLine();
    if (button(st("Show") + std::string("###show_report")) || !s.report)
        act(s, [&s] {
            s.report.reset();
            s.report = report::build_report(*s.db, s.site_id, report::parse_period(s.period),
                                            feedback::load_default_form());
        });
    ImGui::SameLine();
    text_disabled(st("HTML and CSV: indgang-admin report --format html|csv"));
    if (!s.report) return;
    draw_activity(*s.report);
    draw_feedback(*s.report);
}

}  // namespace indgang::admin::gui
