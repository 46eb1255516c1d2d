// Receipt printing from the command line: verify a check-in proof's code ("was this person here
// at that time?") and ask the printer how it is.
#include "commands.hpp"
#include "json_output.hpp"

#include "core/text/staff_text.hpp"
#include "core/domain/arrival_proof.hpp"
#include "core/domain/settings.hpp"
#include "core/print/printer_link.hpp"

#include <iostream>

namespace indgang::admin {

namespace {
struct VerifyOptions {
    Id site = 0;
    std::string code, date, time;
};
}  // namespace

void add_print_commands(CLI::App& app, Context& ctx) {
    auto verify = std::make_shared<VerifyOptions>();
    auto* v = app.add_subcommand("verify-arrival",
                                 "Check a proof-of-arrival slip: was someone checked in at that minute with "
                                 "that code? Answers yes or no, nothing else (exit 0 yes, 2 no)");
    v->add_option("--code", verify->code, "The verification code on the slip (K7Q-4MX)")->required();
    v->add_option("--date", verify->date, "The date on the slip, YYYY-MM-DD")->required();
    v->add_option("--time", verify->time, "The time on the slip, HH:MM")->required();
    v->add_option("--site", verify->site, "Site id (may be left out with one site)");
    v->callback([&ctx, verify] {
        // Read-write: the site's key is made on first use, so a fresh database answers "no".
        auto db = ctx.open();
        const Id site = resolve_site(*db, verify->site);
        const auto hit = verify_arrival(*db, site, verify->code, parse_date_arg(verify->date),
                                        parse_time_arg(verify->time));
        if (ctx.json) {
            print_json({{"verified", hit.has_value()}});
        } else if (hit) {
            std::cout << text::st_fill("yes: someone checked in at {date} {time} with this code",
                                       {{"date", verify->date}, {"time", verify->time}})
                      << "\n";
        }
        if (!hit) {
            // A plain answer, not an error: stdout, with exit 2 so scripts can branch on it.
            if (!ctx.json) std::cout << text::st("no: no check-in at that minute has this code") << "\n";
            throw CLI::RuntimeError(2);
        }
    });

    auto* s = app.add_subcommand("printer-status", "Ask the receipt printer (setting printer.device) how it is");
    s->callback([&ctx] {
        auto db = ctx.open_read();
        const std::string device = setting_text(*db, settings_key::kPrinterDevice);
        const auto target = print::parse_printer_target(device);
        if (target.kind == print::PrinterTarget::Kind::None) {
            std::cout << text::st("no printer set (printer.device is empty)") << "\n";
            return;
        }
        const auto r = print::query_status(target);
        std::cout << device << ": ";
        if (r.outcome == print::SendOutcome::Unreachable)
            std::cout << text::st_fill("unreachable ({detail})", {{"detail", r.detail}}) << "\n";
        else if (!r.status.answered) std::cout << text::st("connected, no status answer (printer without a back channel)") << "\n";
        else if (r.status.ready()) std::cout << (r.status.paper_low ? text::st("ready, paper running low") : text::st("ready")) << "\n";
        else
            std::cout << (r.status.paper_out    ? text::st("paper out")
                          : r.status.cover_open ? text::st("cover open")
                          : r.status.error      ? text::st("error (cutter or overheating)")
                                                : text::st("offline"))
                      << "\n";
    });
}

}  // namespace indgang::admin
