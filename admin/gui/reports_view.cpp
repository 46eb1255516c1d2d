#include "views.hpp"

#include "core/feedback/form.hpp"
#include "core/report/period.hpp"
#include "core/report/render.hpp"

#include <imgui.h>

#include <cstdio>

namespace indgang::admin::gui {

static std::string cell(const report::Count& c, int min_cell) { return report::format_count(c, min_cell); }

static std::string rate(const std::optional<double>& r) {
    if (!r) return "–";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.0f %%", *r * 100.0);
    return buf;
}

static void draw_activity(const report::Report& r) {
    section("Bookings, walk-ins and no-shows");
    if (!ImGui::BeginTable("activity", 8, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    for (const char* h : {"Service", "Booked", "Cancelled", "Checked in", "Seen", "No-show", "Walk-ins", "No-show rate"})
        ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const auto& a : r.activity_totals) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::Text("%s", a.service == "all" ? "All services" : a.service_name.c_str());
        for (int v : {a.bookings, a.cancelled, a.checked_in, a.seen, a.missed, a.walkins}) {
            ImGui::TableNextColumn();
            ImGui::Text("%d", v);
        }
        ImGui::TableNextColumn();
        ImGui::Text("%s", rate(a.no_show_rate).c_str());
    }
    ImGui::EndTable();
}

static void draw_feedback(const report::Report& r) {
    const auto& f = r.feedback;
    section("Feedback");
    ImGui::Text("Forms answered: %s   (groups smaller than %d are shown as <%d)",
                cell(f.responses, r.min_cell).c_str(), r.min_cell, r.min_cell);
    for (const auto& q : f.questions) {
        ImGui::Spacing();
        ImGui::TextWrapped("%s", q.text.c_str());
        const int columns = static_cast<int>(q.answers.size()) + 3;
        if (!ImGui::BeginTable(q.key.c_str(), columns, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
            continue;
        ImGui::TableSetupColumn("Group");
        ImGui::TableSetupColumn("Answers");
        for (const auto& label : q.answer_labels) ImGui::TableSetupColumn(label.c_str());
        ImGui::TableSetupColumn("Mean");
        ImGui::TableHeadersRow();
        for (const auto& row : q.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%s", row.label.c_str());
            ImGui::TableNextColumn();
            ImGui::Text("%s", cell(row.n, r.min_cell).c_str());
            for (const auto& c : row.cells) {
                ImGui::TableNextColumn();
                ImGui::Text("%s", cell(c, r.min_cell).c_str());
            }
            ImGui::TableNextColumn();
            if (row.mean) ImGui::Text("%.1f", *row.mean);
            else ImGui::TextDisabled(row.mean_status == report::MeanStatus::NoAnswers ? "–" : "hidden");
        }
        ImGui::EndTable();
    }
}

void draw_reports(State& s, Instant now) {
    if (!s.period[0])
        std::snprintf(s.period, sizeof s.period, "%s", report::month_of(s.tz.today(now)).label.c_str());
    ImGui::SetNextItemWidth(120);
    ImGui::InputTextWithHint("Period###period", "2026-11 or 2026-Q4", s.period, sizeof s.period);
    ImGui::SameLine();
    if (ImGui::Button("Show###show_report") || !s.report)
        act(s, [&s] {
            s.report.reset();
            s.report = report::build_report(*s.db, s.site_id, report::parse_period(s.period),
                                            feedback::load_default_form());
        });
    ImGui::SameLine();
    ImGui::TextDisabled("HTML and CSV: indgang-admin report --format html|csv");
    if (!s.report) return;
    draw_activity(*s.report);
    draw_feedback(*s.report);
}

}  // namespace indgang::admin::gui
