// CSV and JSON forms of a report. Rows follow the report's own order (form order, group order,
// month order), never storage order.
#include "core/report/render.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

// Marks a staff-catalog msgid for xgettext (scripts/extract-pot.sh); the caller's tr translates.
#define ST_(text) text

namespace indgang::report {

std::string format_count(const Count& c, int min_cell) {
    switch (c.hidden) {
        case Hidden::No: return std::to_string(c.value.value_or(0));
        case Hidden::Small: return "<" + std::to_string(min_cell);
        case Hidden::Complementary: return "\xC3\x97";   // ×
    }
    return "?";
}

namespace {

bool formula_start(std::string_view v) {
    size_t i = v.find_first_not_of(' ');
    if (i == std::string_view::npos) return false;
    v.remove_prefix(i);
    const char c = v[0];
    if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') return true;
    // Fullwidth ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20): EF BC 9D / 8B / 8D, EF BC A0.
    if (v.size() >= 3 && static_cast<unsigned char>(v[0]) == 0xEF && static_cast<unsigned char>(v[1]) == 0xBC) {
        const auto d = static_cast<unsigned char>(v[2]);
        return d == 0x9D || d == 0x8B || d == 0x8D || d == 0xA0;
    }
    return false;
}

}  // namespace

std::string csv_cell(std::string_view s) {
    std::string v(s);
    if (formula_start(v)) v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

namespace {

std::string csv_field(const std::string& s) { return csv_cell(s); }

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

const char* hidden_name(Hidden h) {
    switch (h) {
        case Hidden::No: return "";
        case Hidden::Small: return "small";
        case Hidden::Complementary: return "complementary";
    }
    return "";
}

}  // namespace

std::string render_csv(const Report& r, const RenderOptions& o) {
    // Without a translator the column names and codes are the stable keys tools read; with the
    // staff language's, a project lead opening it in a spreadsheet reads their own words.
    auto tr = [&](const char* msgid, const std::string& key) { return o.tr ? o.tr(msgid) : key; };
    auto text = [&](const std::string& msgid, const std::string& key) { return o.tr ? o.tr(msgid) : key; };
    auto group = [&](const std::string& g, const std::string& label = "") {
        if (o.tr && !label.empty()) return o.tr(label);
        if (g == kAllGroups) return tr(ST_("All"), g);
        if (g == kNotStated) return tr(ST_("Not stated"), g);
        return g;
    };
    auto mean_note = [&](MeanStatus m) -> std::string {
        if (!o.tr) return to_string(m);
        switch (m) {
            case MeanStatus::Shown: return "";
            case MeanStatus::NoAnswers: return o.tr(ST_("no answers"));
            case MeanStatus::Suppressed: return o.tr(ST_("too few answers"));
            case MeanStatus::Withheld: return o.tr(ST_("withheld: it would reveal a hidden count"));
        }
        return to_string(m);
    };
    auto hidden = [&](Hidden h) {
        const std::string key = hidden_name(h);
        if (!o.tr || key.empty()) return key;
        return h == Hidden::Small ? o.tr(ST_("hidden: too few")) : o.tr(ST_("hidden: protects another figure"));
    };
    std::string out = tr(ST_("Section"), "section") + ',' + tr(ST_("Period"), "period") + ',' + tr(ST_("Site"), "site") + ',' +
                      tr(ST_("Question"), "question") + ',' + tr(ST_("Group"), "group") + ',' + tr(ST_("Answer"), "answer") + ',' +
                      tr(ST_("Value"), "value") + ',' + tr(ST_("Hidden"), "hidden") + "\r\n";
    auto row = [&](const std::string& section, const std::string& question, const std::string& grp,
                   const std::string& answer, const std::string& value, const std::string& hid) {
        out += csv_field(section) + ',' + csv_field(r.period.label) + ',' + csv_field(r.site_name) + ',' +
               csv_field(question) + ',' + csv_field(grp) + ',' + csv_field(answer) + ',' +
               csv_field(value) + ',' + csv_field(hid) + "\r\n";
    };
    auto activity = [&](const ActivityRow& a, const std::string& section) {
        const std::string service = o.tr ? o.tr(a.service_name) : a.service;
        const std::string month = a.month == kAllGroups ? tr(ST_("Period"), a.month) : a.month;
        row(section, service, month, tr(ST_("Bookings"), "bookings"), std::to_string(a.bookings), "");
        row(section, service, month, tr(ST_("Checked in"), "checked_in"), std::to_string(a.checked_in), "");
        row(section, service, month, tr(ST_("Seen"), "seen"), std::to_string(a.seen), "");
        row(section, service, month, tr(ST_("No-show"), "missed"), std::to_string(a.missed), "");
        row(section, service, month, tr(ST_("Not settled"), "open"), std::to_string(a.open), "");
        row(section, service, month, tr(ST_("Cancelled"), "cancelled"), std::to_string(a.cancelled), "");
        row(section, service, month, tr(ST_("Cancelled by the centre"), "centre_cancelled"), std::to_string(a.centre_cancelled), "");
        row(section, service, month, tr(ST_("Walk-ins"), "walkins"), std::to_string(a.walkins), "");
        row(section, service, month, tr(ST_("No-show rate"), "no_show_rate"), a.no_show_rate ? fixed(*a.no_show_rate, 3) : "", "");
    };
    for (const auto& a : r.activity) activity(a, tr(ST_("Activity"), "activity"));
    for (const auto& a : r.activity_totals) activity(a, tr(ST_("Activity, whole period"), "activity_total"));

    const auto& f = r.feedback;
    const std::string feedback = tr(ST_("Feedback"), "feedback");
    row(feedback, "", group(kAllGroups), tr(ST_("Forms"), "responses"), format_count(f.responses, r.min_cell), hidden(f.responses.hidden));
    for (const auto& q : f.questions) {
        const std::string question = text(q.text, q.key);
        for (const auto& g : q.rows) {
            row(feedback, question, group(g.group, g.label), tr(ST_("Number of answers"), "n"), format_count(g.n, r.min_cell), hidden(g.n.hidden));
            for (size_t i = 0; i < q.answers.size(); ++i)
                row(feedback, question, group(g.group, g.label),
                    i < q.answer_labels.size() ? text(q.answer_labels[i], q.answers[i]) : q.answers[i],
                    format_count(g.cells[i], r.min_cell), hidden(g.cells[i].hidden));
            if (q.kind == feedback::QuestionKind::Scale)
                row(feedback, question, group(g.group, g.label), tr(ST_("Mean"), "mean"), g.mean ? fixed(*g.mean, 1) : "",
                    g.mean ? "" : mean_note(g.mean_status));
        }
    }
    if (f.comments_included)
        for (const auto& c : f.comments) row(tr(ST_("Comment"), "comment"), "", "", "", c, "");
    return out;
}

std::string render_json(const Report& r) {
    using nlohmann::ordered_json;
    auto count = [&](const Count& c) {
        ordered_json j;
        if (c.value) j = *c.value;
        else j = ordered_json{{"hidden", c.hidden == Hidden::Small ? "small" : "complementary"},
                              {"shown_as", format_count(c, r.min_cell)}};
        return j;
    };
    auto activity = [](const ActivityRow& a) {
        ordered_json j{{"month", a.month}, {"service", a.service}, {"service_name", a.service_name},
                       {"bookings", a.bookings}, {"checked_in", a.checked_in}, {"seen", a.seen},
                       {"missed", a.missed}, {"open", a.open}, {"cancelled", a.cancelled},
                       {"centre_cancelled", a.centre_cancelled}, {"walkins", a.walkins}};
        j["no_show_rate"] = a.no_show_rate ? ordered_json(std::stod(fixed(*a.no_show_rate, 3))) : ordered_json();
        return j;
    };
    ordered_json j;
    j["site"] = {{"id", r.site_id}, {"name", r.site_name}};
    j["period"] = {{"label", r.period.label}, {"months", r.period.months}};
    j["min_cell"] = r.min_cell;
    j["form"] = {{"id", r.form_id}, {"version", r.form_version}};
    j["activity"] = ordered_json::array();
    for (const auto& a : r.activity) j["activity"].push_back(activity(a));
    j["activity_totals"] = ordered_json::array();
    for (const auto& a : r.activity_totals) j["activity_totals"].push_back(activity(a));
    auto& fb = j["feedback"];
    fb["responses"] = count(r.feedback.responses);
    fb["group_question"] = r.feedback.group_question;
    fb["questions"] = ordered_json::array();
    for (const auto& q : r.feedback.questions) {
        ordered_json qj{{"key", q.key}, {"text", q.text},
                        {"kind", q.kind == feedback::QuestionKind::Scale ? "scale" : "choice"},
                        {"answers", q.answers}};
        qj["rows"] = ordered_json::array();
        for (const auto& g : q.rows) {
            ordered_json gj{{"group", g.group}, {"n", count(g.n)}};
            gj["cells"] = ordered_json::object();
            for (size_t i = 0; i < q.answers.size(); ++i) gj["cells"][q.answers[i]] = count(g.cells[i]);
            if (q.kind == feedback::QuestionKind::Scale) {
                gj["mean"] = g.mean ? ordered_json(*g.mean) : ordered_json();
                gj["mean_status"] = to_string(g.mean_status);
            }
            qj["rows"].push_back(std::move(gj));
        }
        fb["questions"].push_back(std::move(qj));
    }
    if (r.feedback.comments_included) fb["comments"] = r.feedback.comments;
    return j.dump(2) + "\n";
}

}  // namespace indgang::report
