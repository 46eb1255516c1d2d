// [SECTION] extract.json
// [SECTION] CSV files
// [SECTION] archive, digest, outbox row
#include "core/export/bundle.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/civil_time.hpp"
#include "core/export/digest.hpp"
#include "core/feedback/form.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/report/aggregate.hpp"
#include "core/report/period.hpp"
#include "core/report/render.hpp"

#include <nlohmann/json.hpp>
#include <sodium.h>

#include <chrono>
#include <cmath>
#include <cstdio>

namespace indgang::exporting {

using nlohmann::ordered_json;

namespace {

// -------------------------------------------------------------------------------------------
// [SECTION] extract.json
// -------------------------------------------------------------------------------------------

// Rates travel rounded, so every platform prints the same digits and the digest stays stable.
double rounded(double v, int decimals) {
    const double f = std::pow(10.0, decimals);
    return std::round(v * f) / f;
}

std::string shown_as(const report::Count& c, int min_cell) {
    switch (c.hidden) {
        case report::Hidden::No: return std::to_string(c.value.value_or(0));
        case report::Hidden::Small: return "<" + std::to_string(min_cell);
        case report::Hidden::Complementary: return "x";
    }
    return "?";
}

// A count is a number, or an object saying why it is hidden: never a value to subtract from.
ordered_json count_json(const report::Count& c, int min_cell) {
    if (c.hidden == report::Hidden::No && c.value) return *c.value;
    return ordered_json{{"hidden", c.hidden == report::Hidden::Small ? "small" : "complementary"},
                        {"shown_as", shown_as(c, min_cell)}};
}

ordered_json activity_json(const report::ActivityRow& a) {
    ordered_json j{{"month", a.month},       {"service", a.service}, {"service_name", a.service_name},
                   {"bookings", a.bookings}, {"cancelled", a.cancelled}, {"centre_cancelled", a.centre_cancelled},
                   {"checked_in", a.checked_in},
                   {"seen", a.seen},         {"missed", a.missed},   {"open", a.open},
                   {"walkins", a.walkins}};
    j["no_show_rate"] = a.no_show_rate ? ordered_json(rounded(*a.no_show_rate, 4)) : ordered_json();
    return j;
}

const char* kind_name(feedback::QuestionKind k) {
    switch (k) {
        case feedback::QuestionKind::Scale: return "scale";
        case feedback::QuestionKind::Choice: return "choice";
        case feedback::QuestionKind::Text: return "text";
    }
    return "?";
}

std::string extract_json(const report::Report& r) {
    ordered_json j;
    j["schema"] = "indgang-extract";
    j["schema_version"] = kExtractSchemaVersion;
    j["generator"] = {{"name", "indgang"}, {"version", INDGANG_VERSION}};
    j["site"] = {{"id", r.site_id}, {"name", r.site_name}};
    j["period"] = {{"label", r.period.label}, {"first_day", format_date(r.period.first)},
                   {"last_day", format_date(r.period.last)}, {"months", r.period.months}};
    j["suppression"] = {{"min_cell", r.min_cell}};
    auto& act = j["activity"];
    act["by_month"] = ordered_json::array();
    for (const auto& a : r.activity) act["by_month"].push_back(activity_json(a));
    act["totals"] = ordered_json::array();
    for (const auto& a : r.activity_totals) act["totals"].push_back(activity_json(a));

    const auto& f = r.feedback;
    auto& fb = j["feedback"];
    fb["form"] = {{"id", r.form_id}, {"version", r.form_version}};
    fb["responses"] = count_json(f.responses, r.min_cell);
    fb["group_question"] = f.group_question;
    fb["questions"] = ordered_json::array();
    for (const auto& q : f.questions) {
        ordered_json qj{{"key", q.key}, {"text", q.text}, {"kind", kind_name(q.kind)}, {"answers", q.answers}};
        qj["rows"] = ordered_json::array();
        for (const auto& g : q.rows) {
            ordered_json gj{{"group", g.group}, {"n", count_json(g.n, r.min_cell)}};
            gj["cells"] = ordered_json::object();
            for (size_t i = 0; i < q.answers.size() && i < g.cells.size(); ++i)
                gj["cells"][q.answers[i]] = count_json(g.cells[i], r.min_cell);
            if (q.kind == feedback::QuestionKind::Scale) {
                gj["mean"] = g.mean ? ordered_json(rounded(*g.mean, 1)) : ordered_json();
                gj["mean_status"] = report::to_string(g.mean_status);
            }
            qj["rows"].push_back(std::move(gj));
        }
        fb["questions"].push_back(std::move(qj));
    }
    fb["comments_included"] = f.comments_included;
    if (f.comments_included) fb["comments"] = f.comments;
    return j.dump(2) + "\n";
}

// -------------------------------------------------------------------------------------------
// [SECTION] CSV files
// -------------------------------------------------------------------------------------------

// Visitors type comments and the file is opened in Excel: one guard for every CSV (render.hpp).
std::string csv_field(const std::string& s) { return report::csv_cell(s); }

std::string csv_row(std::initializer_list<std::string> fields) {
    std::string out;
    for (const auto& f : fields) {
        if (!out.empty()) out += ',';
        out += csv_field(f);
    }
    return out + "\r\n";
}

std::string fixed(double v, int decimals) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string activity_csv(const report::Report& r) {
    std::string out = csv_row({"month", "service", "service_name", "bookings", "cancelled", "centre_cancelled", "checked_in", "seen",
                               "missed", "open", "walkins", "no_show_rate"});
    auto row = [&](const report::ActivityRow& a) {
        out += csv_row({a.month, a.service, a.service_name, std::to_string(a.bookings), std::to_string(a.cancelled),
                        std::to_string(a.centre_cancelled), std::to_string(a.checked_in), std::to_string(a.seen), std::to_string(a.missed),
                        std::to_string(a.open), std::to_string(a.walkins),
                        a.no_show_rate ? fixed(rounded(*a.no_show_rate, 4), 4) : ""});
    };
    for (const auto& a : r.activity) row(a);
    for (const auto& a : r.activity_totals) row(a);   // month "all"
    return out;
}

std::string feedback_csv(const report::Report& r) {
    const auto& f = r.feedback;
    std::string out = csv_row({"question", "group", "answer", "value", "hidden"});
    auto hidden = [](const report::Count& c) {
        return c.hidden == report::Hidden::No ? std::string() :
               c.hidden == report::Hidden::Small ? std::string("small") : std::string("complementary");
    };
    out += csv_row({"", "all", "responses", shown_as(f.responses, r.min_cell), hidden(f.responses)});
    for (const auto& q : f.questions)
        for (const auto& g : q.rows) {
            out += csv_row({q.key, g.group, "n", shown_as(g.n, r.min_cell), hidden(g.n)});
            for (size_t i = 0; i < q.answers.size() && i < g.cells.size(); ++i)
                out += csv_row({q.key, g.group, q.answers[i], shown_as(g.cells[i], r.min_cell), hidden(g.cells[i])});
            if (q.kind == feedback::QuestionKind::Scale)
                out += csv_row({q.key, g.group, "mean", g.mean ? fixed(rounded(*g.mean, 1), 1) : "",
                                g.mean ? "" : report::to_string(g.mean_status)});
        }
    return out;
}

std::string comments_csv(const report::Report& r) {
    std::string out = csv_row({"comment"});
    for (const auto& c : r.feedback.comments) out += csv_row({c});
    return out;
}

// -------------------------------------------------------------------------------------------
// [SECTION] archive, digest, outbox row
// -------------------------------------------------------------------------------------------

// The archive's timestamps: midnight UTC after the period's last day, never the export time.
int64_t period_end_seconds(const report::Period& p) {
    using namespace std::chrono;
    return duration_cast<seconds>((sys_days{p.last} + days{1}).time_since_epoch()).count();
}

std::string site_period_name(Id site_id, const std::string& period) {
    return "indgang-site" + std::to_string(site_id) + "-" + period;
}

}  // namespace

BuiltBundle build_bundle(db::Db& db, Id site_id, const std::string& period_text, bool record) {
    const report::Period period = report::parse_period(period_text);
    const feedback::Form form = feedback::load_default_form();
    // The extract is protected against the ledger like every report; only a queued extract
    // (export_bundle) is a publication.
    report::ReportOptions options;
    options.record = record;
    options.channel = "extract";
    const report::Report r = report::build_report(db, site_id, period, form, options);

    BuiltBundle b;
    b.folder = site_period_name(site_id, period.label);
    std::vector<ArchiveFile> files = {
        {"extract.json", extract_json(r)},
        {"activity.csv", activity_csv(r)},
        {"feedback.csv", feedback_csv(r)},
    };
    if (r.feedback.comments_included) files.push_back({"comments.csv", comments_csv(r)});
    std::string sums;   // `sha256sum -c SHA256SUMS` works inside the unpacked folder
    for (const auto& f : files) sums += sha256_hex(f.bytes) + "  " + f.name + "\n";
    files.push_back({"SHA256SUMS", sums});
    for (auto& f : files) {
        b.files.push_back(f);
        f.name = b.folder + "/" + f.name;
    }
    b.archive = write_tar(files, period_end_seconds(period));
    b.sha256 = sha256_hex(b.archive);
    return b;
}

std::vector<ArchiveFile> verify_archive(std::string_view archive) {
    std::vector<ArchiveFile> files = read_tar(archive);
    const ArchiveFile* sums = nullptr;
    for (const auto& f : files)
        if (f.name.size() >= 10 && f.name.compare(f.name.size() - 10, 10, "SHA256SUMS") == 0) sums = &f;
    if (!sums) throw ArchiveError("bundle has no SHA256SUMS");
    size_t checked = 0;
    for (const auto& f : files) {
        if (&f == sums) continue;
        const std::string base = f.name.substr(f.name.rfind('/') + 1);
        const std::string line = sha256_hex(f.bytes) + "  " + base + "\n";
        if (sums->bytes.find(line) == std::string::npos)
            throw ArchiveError("bundle file " + f.name + " does not match its SHA256SUMS line");
        ++checked;
    }
    if (checked == 0) throw ArchiveError("bundle is empty");
    return files;
}

std::string new_bundle_id() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    unsigned char b[16];
    randombytes_buf(b, sizeof b);
    b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);   // version 4
    b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);   // RFC 4122 variant
    char s[37];
    std::snprintf(s, sizeof s, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", b[0], b[1],
                  b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13], b[14], b[15]);
    return s;
}

std::string bundle_file_name(Id site_id, const std::string& period, const std::string& id) {
    return site_period_name(site_id, period) + "-" + id + ".tar";
}

QueuedBundle export_bundle(db::Db& db, Id site_id, const std::string& period, Instant now) {
    // Settle past appointments first so no-shows are counted; its own commit is fine: it is a
    // domain rule that would run anyway.
    run_housekeeping(db, now);
    // The ledger lives in the feedback file, attached before the transaction (SQLite refuses
    // ATTACH inside one) so the bundle and its ledger entry are written together.
    feedback::attach_feedback_store(db);
    db::Transaction tx(db);
    BuiltBundle b = build_bundle(db, site_id, period, true);
    QueuedBundle q;
    q.site_id = site_id;
    q.period = report::parse_period(period).label;
    q.sha256 = b.sha256;
    q.size = b.archive.size();
    auto& same = db.cached("SELECT id, created_at FROM bundle WHERE site_id = ? AND period = ? AND sha256 = ?");
    same.bind(site_id, q.period, q.sha256);
    if (same.step()) {
        q.id = same.text(0);
        q.created_at = same.int64(1);
        q.reused = true;
        same.reset();
        return q;   // nothing written: the transaction rolls back harmlessly
    }
    q.id = new_bundle_id();
    q.created_at = now;
    db.cached("INSERT INTO bundle (id, site_id, period, created_at, sha256, content, status, attempts, next_attempt_at) "
              "VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, ?)")
        .bind(q.id, site_id, q.period, now, q.sha256, db::Blob{b.archive}, now)
        .exec();
    tx.commit();
    return q;
}

}  // namespace indgang::exporting
