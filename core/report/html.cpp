// The report as one self-contained HTML file: tables for the exact figures, inline SVG bar charts
// for the picture, CSS for screen and A4 print. No scripts, fonts or images from elsewhere, so it
// can be mailed, archived and printed as it is.
//
// [SECTION] Helpers
// [SECTION] Charts
// [SECTION] Page
#include "core/report/render.hpp"
#include "core/text/text_width.hpp"
#include "core/text/staff_text.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace indgang::report {

namespace {

// [SECTION] Helpers ---------------------------------------------------------------------------

std::string esc(std::string_view s) { return html_escape(s); }

struct Ctx {
    const Report& r;
    const RenderOptions& o;
    std::string tr(std::string_view msgid) const { return o.tr ? o.tr(msgid) : std::string(msgid); }
    std::string num(double v, int decimals) const {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
        std::string s = buf;
        if (o.decimal_comma)
            for (char& c : s) if (c == '.') c = ',';
        return s;
    }
    // SVG coordinates: always '.', whatever the language.
    static std::string coord(double v) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%.1f", v);
        return buf;
    }
    std::string pct(double v) const { return num(100.0 * v, 0) + "\xC2\xA0%"; }
    std::string count(const Count& c) const { return esc(format_count(c, r.min_cell)); }
};

// Colour-blind-safe diverging scale (ColorBrewer RdYlBu) for 1–5; grey for "Rather not say".
const char* answer_colour(const std::string& key) {
    if (key == "1") return "#d7191c";
    if (key == "2") return "#fdae61";
    if (key == "3") return "#fee090";
    if (key == "4") return "#abd9e9";
    if (key == "5") return "#2c7bb6";
    if (key == "declined") return "#b8b8b8";
    return "#4e79a7";
}
// Choice answers (who the visitor talked with): a categorical palette in answer order.
const char* colour_for(const QuestionTable& q, size_t i) {
    static const char* categorical[] = {"#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#9c755f"};
    if (q.kind == feedback::QuestionKind::Scale || q.answers[i] == "declined") return answer_colour(q.answers[i]);
    return categorical[i % 6];
}
const char* ink_on(const char* fill) {
    const std::string_view f(fill);
    return f == "#2c7bb6" || f == "#d7191c" || f == "#4e79a7" || f == "#9c755f" || f == "#b07aa1" ? "#fff" : "#1a1a1a";
}

// [SECTION] Charts ----------------------------------------------------------------------------

constexpr int kLabelW = 210, kBarW = 420, kRowH = 30, kBarH = 20;
constexpr double kLabelPx = 13, kLegendPx = 12;   // .chart .lbl and .chart .leg below

// SVG text neither wraps nor shrinks: the label column is as wide as the widest label (measured
// in the report's fonts, with a margin for kerning and other fonts), at least kLabelW.
int px_width(const std::string& s, double px) { return static_cast<int>(text::text_width_px(s, px) * 1.08) + 2; }
int label_column(const std::vector<std::string>& labels) {
    int w = kLabelW;
    for (const auto& l : labels) w = std::max(w, px_width(l, kLabelPx) + 16);
    return w;
}

// One 100 % bar per group whose size is published: a segment per visible answer count, and one
// hatched segment for everything hidden (its size follows from the published figures anyway).
std::string distribution_chart(const Ctx& x, const QuestionTable& q) {
    std::vector<const GroupRow*> rows;
    for (const auto& g : q.rows)
        if (g.n.value && *g.n.value > 0) rows.push_back(&g);
    if (rows.empty()) return "<p class=\"none\">" + esc(x.tr("Too few answers to draw a chart.")) + "</p>\n";
    std::vector<std::string> labels, rights;
    for (const GroupRow* g : rows) {
        labels.push_back(x.tr(g->label));
        std::string right = "n=" + std::to_string(*g->n.value);
        if (g->mean) right += " \xC3\xB8 " + x.num(*g->mean, 1);   // ø: Danish shorthand for mean
        rights.push_back(std::move(right));
    }
    const int lw = label_column(labels);
    int right_w = 0;
    for (const auto& r : rights) right_w = std::max(right_w, px_width(r, kLabelPx));
    std::vector<std::string> legend;
    for (size_t i = 0; i < q.answers.size(); ++i)
        legend.push_back(q.kind == feedback::QuestionKind::Scale && q.answers[i] != "declined" ? q.answers[i]
                                                                                                : x.tr(q.answer_labels[i]));
    legend.push_back(x.tr("hidden"));
    int legend_w = lw;
    for (const auto& l : legend) legend_w += 16 + px_width(l, kLegendPx) + 14;
    const int h = static_cast<int>(rows.size()) * kRowH + 34;
    const int w = std::max(lw + kBarW + 6 + right_w + 8, legend_w);
    std::string s = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
                    std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                    "\" aria-label=\"" + esc(x.tr(q.text)) + "\">\n";
    s += "<title>" + esc(x.tr(q.text)) + "</title>\n";
    int y = 4;
    for (size_t gi = 0; gi < rows.size(); ++gi) {
        const GroupRow* g = rows[gi];
        const double n = *g->n.value;
        s += "<text x=\"" + std::to_string(lw - 8) + "\" y=\"" + std::to_string(y + 15) +
             "\" class=\"lbl\" text-anchor=\"end\">" + esc(labels[gi]) + "</text>\n";
        // Hidden counts are drawn where they belong, in answer order: what the visible counts
        // leave of the row is shared evenly among the hidden answers (hatched, no number).
        int visible_sum = 0, hidden_cells = 0;
        for (const auto& c : g->cells) {
            if (c.value) visible_sum += *c.value;
            else ++hidden_cells;
        }
        const double hidden_each = hidden_cells > 0 ? std::max(0.0, n - visible_sum) / hidden_cells : 0.0;
        double at = 0;
        for (size_t i = 0; i < q.answers.size(); ++i) {
            if (!g->cells[i].value) {
                const double bw = kBarW * hidden_each / n;
                if (bw > 0)
                    s += "<rect x=\"" + Ctx::coord(lw + at) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                         Ctx::coord(bw) + "\" height=\"" + std::to_string(kBarH) +
                         "\" fill=\"url(#hidden)\" stroke=\"#888\" stroke-width=\"0.5\"><title>" +
                         esc(x.tr(q.answer_labels[i])) + ": " + esc(text::st("hidden")) + "</title></rect>\n";
                at += bw;
                continue;
            }
            if (*g->cells[i].value == 0) continue;
            const int v = *g->cells[i].value;
            const double bw = kBarW * v / n;
            const char* fill = colour_for(q, i);
            s += "<rect x=\"" + Ctx::coord(lw + at) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                 Ctx::coord(bw) + "\" height=\"" + std::to_string(kBarH) + "\" fill=\"" + fill + "\"><title>" +
                 esc(x.tr(q.answer_labels[i])) + ": " + std::to_string(v) + "</title></rect>\n";
            if (bw >= 22)
                s += "<text x=\"" + Ctx::coord(lw + at + bw / 2) + "\" y=\"" + std::to_string(y + 15) +
                     "\" class=\"in\" text-anchor=\"middle\" fill=\"" + ink_on(fill) + "\">" +
                     std::to_string(v) + "</text>\n";
            at += bw;
        }
        s += "<text x=\"" + std::to_string(lw + kBarW + 6) + "\" y=\"" + std::to_string(y + 15) +
             "\" class=\"lbl\">" + esc(rights[gi]) + "</text>\n";
        y += kRowH;
    }
    // Legend: the answers in order, then "hidden".
    int lx = lw;
    for (size_t i = 0; i < legend.size(); ++i) {
        const bool hidden_key = i == q.answers.size();
        s += "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(y + 4) + "\" width=\"12\" height=\"12\" " +
             (hidden_key ? std::string("fill=\"url(#hidden)\" stroke=\"#888\" stroke-width=\"0.5\"")
                         : "fill=\"" + std::string(colour_for(q, i)) + "\"") + "/>";
        s += "<text x=\"" + std::to_string(lx + 16) + "\" y=\"" + std::to_string(y + 14) + "\" class=\"leg\">" +
             esc(legend[i]) + "</text>\n";
        lx += 16 + px_width(legend[i], kLegendPx) + 14;
    }
    s += "</svg>\n";
    return s;
}

// Settled bookings per service: seen / checked in (came) against missed, with the no-show rate.
std::string activity_chart(const Ctx& x) {
    std::vector<const ActivityRow*> rows;
    for (const auto& a : x.r.activity_totals)
        if (a.bookings > 0 || a.walkins > 0) rows.push_back(&a);
    if (rows.empty()) return "<p class=\"none\">" + esc(x.tr("No bookings or walk-ins in this period.")) + "</p>\n";
    int most = 1;
    for (const auto* a : rows) most = std::max(most, a->seen + (a->bookings - a->seen - a->missed - a->open) + a->missed + a->walkins);
    struct Part { const char* name; const char* fill; };
    const Part parts[] = {{"Came (booked)", "#2c7bb6"}, {"No-show", "#d7191c"}, {"Walk-in", "#abd9e9"}};
    std::vector<std::string> labels, rates;
    int rate_w = 0;
    for (const auto* a : rows) {
        labels.push_back(x.tr(a->service_name));
        rates.push_back(a->no_show_rate ? x.tr("no-show") + " " + x.pct(*a->no_show_rate) : "");
        rate_w = std::max(rate_w, px_width(rates.back(), kLabelPx));
    }
    const int lw = label_column(labels);
    int legend_w = lw;
    for (const auto& p : parts) legend_w += 16 + px_width(x.tr(p.name), kLegendPx) + 14;
    const int h = static_cast<int>(rows.size()) * kRowH + 34;
    const int w = std::max(lw + kBarW + 6 + rate_w + 8, legend_w);
    std::string s = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(w) + " " +
                    std::to_string(h) + "\" width=\"" + std::to_string(w) + "\" height=\"" + std::to_string(h) +
                    "\" aria-label=\"" + esc(x.tr("Appointments by service")) + "\">\n";
    int y = 4;
    for (size_t ri = 0; ri < rows.size(); ++ri) {
        const ActivityRow* a = rows[ri];
        const int came = a->bookings - a->missed - a->open;
        const int vals[] = {came, a->missed, a->walkins};
        s += "<text x=\"" + std::to_string(lw - 8) + "\" y=\"" + std::to_string(y + 15) +
             "\" class=\"lbl\" text-anchor=\"end\">" + esc(labels[ri]) + "</text>\n";
        double at = 0;
        for (int p = 0; p < 3; ++p) {
            if (vals[p] <= 0) continue;
            const double bw = static_cast<double>(kBarW) * vals[p] / most;
            s += "<rect x=\"" + Ctx::coord(lw + at) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
                 Ctx::coord(bw) + "\" height=\"" + std::to_string(kBarH) + "\" fill=\"" + parts[p].fill +
                 "\"><title>" + esc(x.tr(parts[p].name)) + ": " + std::to_string(vals[p]) + "</title></rect>\n";
            if (bw >= 22)
                s += "<text x=\"" + Ctx::coord(lw + at + bw / 2) + "\" y=\"" + std::to_string(y + 15) +
                     "\" class=\"in\" text-anchor=\"middle\" fill=\"" + ink_on(parts[p].fill) + "\">" +
                     std::to_string(vals[p]) + "</text>\n";
            at += bw;
        }
        s += "<text x=\"" + Ctx::coord(lw + at + 6) + "\" y=\"" + std::to_string(y + 15) + "\" class=\"lbl\">" +
             esc(rates[ri]) + "</text>\n";
        y += kRowH;
    }
    int lx = lw;
    for (const auto& p : parts) {
        s += "<rect x=\"" + std::to_string(lx) + "\" y=\"" + std::to_string(y + 4) +
             "\" width=\"12\" height=\"12\" fill=\"" + p.fill + "\"/><text x=\"" + std::to_string(lx + 16) +
             "\" y=\"" + std::to_string(y + 14) + "\" class=\"leg\">" + esc(x.tr(p.name)) + "</text>\n";
        lx += 16 + px_width(x.tr(p.name), kLegendPx) + 14;
    }
    return s + "</svg>\n";
}

// [SECTION] Page ------------------------------------------------------------------------------

constexpr const char* kCss = R"css(
:root { --ink:#1a1a1a; --muted:#5a5a5a; --rule:#d0d0d0; --band:#f3f5f8; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: var(--ink); margin: 0;
       padding: 24px 32px 48px; max-width: 1100px; line-height: 1.4; font-size: 15px; }
header { border-bottom: 3px solid #2c7bb6; margin-bottom: 18px; padding-bottom: 8px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 28px 0 8px; border-bottom: 1px solid var(--rule); padding-bottom: 4px; }
h3 { font-size: 16px; margin: 20px 0 6px; }
.meta, .note, .none { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; margin: 8px 0 12px; font-size: 13.5px; }
th, td { border: 1px solid var(--rule); padding: 4px 8px; text-align: right; }
th:first-child, td:first-child { text-align: left; }
thead th { background: var(--band); font-weight: 600; }
tr.all td { font-weight: 600; border-top: 2px solid #999; }
td.hid { color: var(--muted); font-style: italic; }
.chart { display: block; max-width: 100%; height: auto; margin: 6px 0 4px; }
.chart .lbl { font: 13px "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--ink); }
.chart .in { font: 600 12px "Noto Sans", "DejaVu Sans", Arial, sans-serif; }
.chart .leg { font: 12px "Noto Sans", "DejaVu Sans", Arial, sans-serif; fill: var(--muted); }
section.q { break-inside: avoid; page-break-inside: avoid; }
ul.comments li { margin: 4px 0; }
dl.legend { font-size: 13px; display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; }
dl.legend dt { font-weight: 600; }
@media print {
  @page { size: A4; margin: 15mm; }
  body { padding: 0; font-size: 10.5pt; max-width: none; }
  h2 { break-after: avoid; page-break-after: avoid; }
  thead th { background: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
)css";

std::string activity_table(const Ctx& x) {
    std::string s = "<table class=\"activity\">\n<thead><tr><th>" + esc(x.tr("Month")) + "</th><th>" +
                    esc(x.tr("Service")) + "</th><th>" + esc(x.tr("Bookings")) + "</th><th>" +
                    esc(x.tr("Checked in")) + "</th><th>" + esc(x.tr("Seen")) + "</th><th>" +
                    esc(x.tr("No-show")) + "</th><th>" + esc(x.tr("Not settled")) + "</th><th>" +
                    esc(x.tr("Cancelled")) + "</th><th>" + esc(text::st("Cancelled by the centre")) + "</th><th>" + esc(x.tr("Walk-ins")) + "</th><th>" +
                    esc(x.tr("No-show rate")) + "</th></tr></thead>\n<tbody>\n";
    auto row = [&](const ActivityRow& a, bool total) {
        s += std::string(total ? "<tr class=\"all\">" : "<tr>") + "<td>" +
             esc(a.month == kAllGroups ? x.tr("Period") : a.month) + "</td><td>" + esc(x.tr(a.service_name)) +
             "</td><td>" + std::to_string(a.bookings) + "</td><td>" + std::to_string(a.checked_in) + "</td><td>" +
             std::to_string(a.seen) + "</td><td>" + std::to_string(a.missed) + "</td><td>" +
             std::to_string(a.open) + "</td><td>" + std::to_string(a.cancelled) + "</td><td>" +
             std::to_string(a.centre_cancelled) + "</td><td>" +
             std::to_string(a.walkins) + "</td><td>" + (a.no_show_rate ? x.pct(*a.no_show_rate) : "\xE2\x80\x93") +
             "</td></tr>\n";
    };
    for (const auto& a : x.r.activity)
        if (a.bookings + a.cancelled + a.centre_cancelled + a.walkins > 0) row(a, false);
    for (const auto& a : x.r.activity_totals) row(a, a.service == kAllGroups);
    return s + "</tbody></table>\n";
}

std::string question_table(const Ctx& x, const QuestionTable& q) {
    const bool scale = q.kind == feedback::QuestionKind::Scale;
    std::string s = "<table>\n<thead><tr><th>" + esc(x.tr(scale ? "Talked with" : "")) + "</th>";
    for (size_t i = 0; i < q.answers.size(); ++i) {
        const std::string head = scale && q.answers[i] != "declined"
                                     ? q.answers[i] + " " + x.tr(q.answer_labels[i]) : x.tr(q.answer_labels[i]);
        s += "<th>" + esc(head) + "</th>";
    }
    s += "<th>" + esc(x.tr("Answers")) + "</th>";
    if (scale) s += "<th>" + esc(x.tr("Mean (1\xE2\x80\x93" "5)")) + "</th>";
    s += "</tr></thead>\n<tbody>\n";
    for (const auto& g : q.rows) {
        s += std::string(g.group == kAllGroups ? "<tr class=\"all\">" : "<tr>") + "<td>" + esc(x.tr(g.label)) + "</td>";
        for (const auto& c : g.cells)
            s += std::string(c.value ? "<td>" : "<td class=\"hid\">") + x.count(c) + "</td>";
        s += std::string(g.n.value ? "<td>" : "<td class=\"hid\">") + x.count(g.n) + "</td>";
        if (scale) s += g.mean ? "<td>" + x.num(*g.mean, 1) + "</td>" : "<td class=\"hid\">\xE2\x80\x93</td>";
        s += "</tr>\n";
    }
    return s + "</tbody></table>\n";
}

}  // namespace

std::string render_html(const Report& r, const RenderOptions& o) {
    const Ctx x{r, o};
    const std::string k = std::to_string(r.min_cell);
    std::string s = "<!DOCTYPE html>\n<html lang=\"" + esc(o.lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                    esc(r.site_name) + " \xE2\x80\x93 " + esc(r.period.label) + "</title>\n<style>" + kCss +
                    "</style>\n</head>\n<body>\n";
    // Shared pattern for hidden segments, referenced by every chart.
    s += "<svg width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>"
         "<pattern id=\"hidden\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
         "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eee\"/>"
         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#999\" stroke-width=\"2\"/></pattern></defs></svg>\n";
    s += "<header>\n<h1>" + esc(r.site_name) + "</h1>\n<div class=\"meta\">" + esc(x.tr("Report for")) + " <b>" +
         esc(r.period.label) + "</b> (" + esc(r.period.months.front()) +
         (r.period.months.size() > 1 ? " \xE2\x80\x93 " + esc(r.period.months.back()) : std::string()) + ") \xC2\xB7 " +
         esc(x.tr("feedback form")) + " " + esc(r.form_id) + " v" + std::to_string(r.form_version) +
         " \xC2\xB7 Indgang " INDGANG_VERSION "</div>\n</header>\n";

    s += "<h2>" + esc(x.tr("Appointments and walk-ins")) + "</h2>\n";
    s += activity_chart(x);
    s += activity_table(x);
    s += "<p class=\"note\">" + esc(x.tr("No-show rate: bookings marked as missed, out of bookings whose time "
                                         "has passed (seen, checked in or missed). Staff can correct a "
                                         "no-show to seen.")) + "</p>\n";

    const auto& f = r.feedback;
    s += "<h2>" + esc(x.tr("Feedback after conversations")) + "</h2>\n";
    s += "<p>" + esc(x.tr("Forms answered")) + ": <b>" + x.count(f.responses) + "</b>. " +
         esc(x.tr("Every question could be skipped, so the number of answers differs per question.")) + "</p>\n";
    for (const auto& q : f.questions) {
        s += "<section class=\"q\">\n<h3>" + esc(x.tr(q.text)) + "</h3>\n";
        s += distribution_chart(x, q);
        s += question_table(x, q);
        s += "</section>\n";
    }
    if (f.comments_included) {
        s += "<h2>" + esc(x.tr("Comments")) + "</h2>\n<p class=\"note\">" +
             esc(text::st("In alphabetical order. CPR numbers, phone numbers, e-mail addresses and other long numbers were removed before they were stored; names and street addresses are not removed.")) +
             "</p>\n<ul class=\"comments\">\n";
        for (const auto& c : f.comments) s += "<li>" + esc(c) + "</li>\n";
        s += "</ul>\n";
    }
    s += "<h2>" + esc(x.tr("How to read the figures")) + "</h2>\n<dl class=\"legend\">\n<dt>&lt;" + k + "</dt><dd>" +
         esc(text::st("Fewer than the threshold, possibly none: hidden so no visitor can be picked out.")) +
         "</dd>\n<dt>\xC3\x97</dt><dd>" +
         esc(text::st("Hidden as well, any number, so a small number cannot be worked out from the totals or from earlier reports.")) +
         "</dd>\n<dt>\xE2\x80\x93</dt><dd>" +
         esc(text::st("Mean not shown: too few answers, or a number in its row is hidden.")) + "</dd>\n</dl>\n";
    s += "<p class=\"note\">" +
         esc(text::st("Answers are anonymous: they are counted by month, never stored with a day, a time, a booking or a "
                      "name, and never listed in the order they came in. A month already reported is not reported "
                      "again with other figures: forms that come in for it later count in a later month.")) + "</p>\n";
    s += "</body>\n</html>\n";
    return s;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace indgang::report
