// Report and feedback subcommands:
//   indgang-admin report --site ID --period 2026-11|2026-Q4 [--format html|csv|json] [--out FILE] [--preview]
//   indgang-admin feedback show | set KEY VALUE | purge
#include "commands.hpp"
#include "file_output.hpp"
#include "json_output.hpp"

#include "core/text/staff_text.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"
#include "core/feedback/submit.hpp"
#include "core/feedback/tally_store.hpp"
#include "core/install/data_dir.hpp"
#include "core/report/aggregate.hpp"
#include "core/report/render.hpp"
#include "core/report/report_language.hpp"
#include "core/text/catalog.hpp"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>

namespace indgang::admin {

namespace {

struct ReportArgs {
    Id site = 0;
    std::string period;
    std::string format = "html";
    std::string out;
    std::string lang = "en";
    std::string form;
    int min_cell = 0;
    bool preview = false;
};


}  // namespace

void add_report_commands(CLI::App& app, Context& ctx) {
    auto args = std::make_shared<ReportArgs>();
    auto* report = app.add_subcommand("report", "Feedback and appointment report for a month or quarter");
    report->add_option("--site", args->site, "Site id (may be left out when there is one site)");
    report->add_option("--period", args->period, "A month (2026-11) or a quarter (2026-Q4)")->required();
    report->add_option("--format", args->format, "html (default), csv or json")
        ->check(CLI::IsMember({"html", "csv", "json"}));
    report->add_option("--out", args->out, "Write to this file instead of standard output");
    report->add_option("--lang", args->lang, "Language of the HTML labels (a catalog in i18n/), default en");
    report->add_option("--form", args->form, "Feedback form file (default assets/forms/conversation.json)");
    report->add_option("--min-cell", args->min_cell,
                       "Small-cell threshold for this report (default: the report.min_cell setting; never below 3)");
    report->add_flag("--preview", args->preview,
                     "Look only: not recorded as published (a report that leaves the centre must be recorded, "
                     "so later tables are protected against it; docs/privacy.md)");
    report->callback([&ctx, args] {
        auto db = ctx.open();
        const Id site = resolve_site(*db, args->site);
        const report::Period period = report::parse_period(args->period);
        const feedback::Form form = args->form.empty() ? feedback::load_default_form() : feedback::load_form(args->form);
        report::ReportOptions options;
        if (args->min_cell != 0) options.min_cell = args->min_cell;
        // A report written out is a publication: recorded in the ledger (which freezes its
        // months), unless asked for as a preview.
        options.record = !args->preview;
        options.channel = args->format == "csv" ? "csv" : (args->format == "json" || ctx.json) ? "json" : "html";
        if (options.record) feedback::attach_feedback_store(*db);
        const report::Report r = report::build_report(*db, site, period, form, options);

        std::string out;
        if (args->format == "csv") {
            out = report::render_csv(r);
        } else if (args->format == "json" || ctx.json) {
            out = report::render_json(r);
        } else {
            report::RenderOptions ro;
            ro.lang = args->lang;
            ro.decimal_comma = args->lang == "da";
            ro.tr = report::report_translator(install::i18n_dir(), args->lang);
            out = report::render_html(r, ro);
        }
        if (args->out.empty()) {
            std::cout << out;
        } else {
            write_file_replacing(args->out, out);
            std::cerr << text::st_fill("report: wrote {path} ({n} bytes)", {{"path", args->out}, {"n", std::to_string(out.size())}})
                      << "\n";
        }
    });

    // ---- feedback settings
    auto* fb = app.add_subcommand("feedback", "Feedback settings: free text, limits, retention, small-cell threshold")
                   ->require_subcommand(1);
    fb->add_subcommand("show", "Show every feedback setting")->callback([&ctx] {
        auto db = ctx.open();
        const auto list = feedback::feedback_setting_list(*db);
        if (ctx.json) {
            nlohmann::json j = nlohmann::json::object();
            for (const auto& [k, v] : list) j[k] = v;
            return print_json(j);
        }
        for (const auto& [k, v] : list) std::cout << k << " = " << v << "\n";
    });
    auto key = std::make_shared<std::string>();
    auto value = std::make_shared<std::string>();
    auto* set = fb->add_subcommand("set", "Change one setting, e.g. 'feedback set feedback.free_text on' or "
                                          "'feedback set report.min_cell 5' (never below 3)");
    set->add_option("key", *key, "Setting key (see 'feedback show')")->required();
    set->add_option("value", *value, "New value")->required();
    set->callback([&ctx, key, value] {
        auto db = ctx.open();
        feedback::set_feedback_setting(*db, *key, *value);
        for (const auto& [k, v] : feedback::feedback_setting_list(*db))
            if (k == *key) std::cout << k << " = " << v << "\n";
    });
    // Paper forms still come in during the change-over: staff type them in, with the date only.
    struct EnterArgs {
        Id site = 0;
        std::string day;
        std::vector<std::string> answers;
        std::string text;
    };
    auto enter_args = std::make_shared<EnterArgs>();
    auto* enter = fb->add_subcommand("enter", "Store one paper form: --day 2026-11-24 --answer safe=5 --answer service=skp");
    enter->add_option("--site", enter_args->site, "Site id (may be left out when there is one site)");
    enter->add_option("--day", enter_args->day, "The date on the form (YYYY-MM-DD)")->required();
    enter->add_option("--answer", enter_args->answers, "question=answer (1-5, declined or a choice key); repeatable");
    enter->add_option("--text", enter_args->text, "The comment, if free text is on (scrubbed before storing)");
    enter->callback([&ctx, enter_args] {
        auto db = ctx.open();
        const Id site = resolve_site(*db, enter_args->site);
        feedback::Draft d;
        for (const auto& a : enter_args->answers) {
            const auto eq = a.find('=');
            if (eq == std::string::npos) throw DomainError(ErrorCode::Invalid, text::st_fill("answers look like safe=5, not '{text}'", {{"text", a}}));
            d.answer(a.substr(0, eq), a.substr(eq + 1));
        }
        d.free_text = enter_args->text;
        const bool stored = feedback::store_feedback(*db, site, feedback::load_default_form(), d,
                                                     parse_date_arg(enter_args->day), feedback::feedback_settings(*db));
        std::cout << (stored ? text::st("feedback: form stored") : text::st("feedback: nothing to store (every question skipped)"))
                  << "\n";
    });
    fb->add_subcommand("purge", "Delete answers and comments older than the retention settings now")
        ->callback([&ctx] {
            auto db = ctx.open();
            const auto sites = list_sites(*db);
            const Date today = sites.empty() ? TimeZone().today(ctx.now()) : site_timezone(*db, sites.front().id).today(ctx.now());
            db::Transaction tx(*db);
            const auto n = feedback::purge_old_feedback(*db, today, feedback::feedback_settings(*db));
            tx.commit();
            if (ctx.json) return print_json({{"responses", n.responses}, {"comments", n.comments}});
            std::cout << text::st_fill("feedback purge: {forms} old forms and {comments} old comments deleted",
                                       {{"forms", std::to_string(n.responses)}, {"comments", std::to_string(n.comments)}})
                      << "\n";
        });
}

}  // namespace indgang::admin
