#include "print/print_flow.hpp"

#include "core/domain/arrival_proof.hpp"
#include "core/domain/settings.hpp"
#include "print/slips.hpp"

#include <cstdio>

namespace indgang::kiosk {

PrintFlow::PrintFlow(db::Db& db, const std::string& i18n_dir) : translator_(i18n_dir) {
    const std::string device = setting_text(db, settings_key::kPrinterDevice);
    try {
        auto target = print::parse_printer_target(device);
        if (target.kind == print::PrinterTarget::Kind::None) return;
        // printer.paper_mm: 80 mm (576 dots) is the common kiosk roll (TM-T20/T88), 58 mm (384 dots)
        // the small one; the slip is drawn for the width the roll has.
        worker_ = std::make_unique<PrintWorker>(std::move(target), paper_setting(db));
    } catch (const std::exception& e) {
        std::fprintf(stderr, "indgang-kiosk: printing off: %s\n", e.what());
    }
}

text::Translator& PrintFlow::in(const std::string& lang) {
    translator_.set_language(lang);
    return translator_;
}

void PrintFlow::receipt(const std::string& lang, const Booking& b, const std::string& service,
                        const std::string& place, const std::string& tz) {
    if (!enabled()) return;
    worker_->submit(booking_slip(in(lang), {b.code, service, b.caseworker, place, b.start, tz}));
}

void PrintFlow::ticket(const std::string& lang, const WalkInTicket& t, const std::string& service,
                       const std::string& place, const std::string& tz, Instant now) {
    if (!enabled()) return;
    worker_->submit(walkin_slip(in(lang), {t.label, service, place, t.ahead, t.created_at ? t.created_at : now, tz}));
}

void PrintFlow::arrival(db::Db& db, const std::string& lang, const Booking& b, const std::string& service,
                        const std::string& place, const std::string& tz) {
    if (!enabled() || !b.checked_in_at) return;
    const std::string code = arrival_code(db, b.site_id, b.id, *b.checked_in_at);
    worker_->submit(arrival_slip(in(lang), {service, place, code, *b.checked_in_at, tz}));
}

std::string PrintFlow::visitor_status(const TextDraw& t) const {
    if (!enabled()) return "";
    switch (worker_->state()) {
    case PrintState::Idle: return "";
    case PrintState::Printing: return t.tr("Printing…");
    case PrintState::Printed: return t.tr("Please take your slip from the printer.");
    case PrintState::PaperOut: return t.tr("The printer is empty. Please ask the staff.");
    case PrintState::CoverOpen: return t.tr("The printer is open. Please ask the staff.");
    case PrintState::Offline: return t.tr("The printer is not working right now. Please ask the staff.");
    }
    return "";
}

PrinterHealth PrintFlow::health() const { return worker_ ? worker_->health() : PrinterHealth::NotSet; }

int PrintFlow::health_generation() const { return worker_ ? worker_->health_generation() : 0; }

void PrintFlow::check_status() {
    if (worker_) worker_->check_status();
}

}  // namespace indgang::kiosk
