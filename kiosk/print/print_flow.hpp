// The kiosk's side of printing: which printer (setting printer.device, read when the database
// opens), which slip for which screen, and what the visitor is told about it. Kept out of
// kiosk/app/kiosk_app.cpp; the app calls these from its Print intent and screen models.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"
#include "core/text/catalog.hpp"
#include "print/print_worker.hpp"
#include "ui/text_draw.hpp"

#include <memory>
#include <string>

namespace indgang::kiosk {

class PrintFlow {
public:
    // An invalid printer.device is logged and printing stays off: a typo must not stop the kiosk.
    PrintFlow(db::Db& db, const std::string& i18n_dir);
    bool enabled() const { return worker_ && worker_->enabled(); }
    bool printing() const { return enabled() && worker_->state() == PrintState::Printing; }

    void receipt(const std::string& lang, const Booking& b, const std::string& service, const std::string& place,
                 const std::string& tz);
    void ticket(const std::string& lang, const WalkInTicket& t, const std::string& service,
                const std::string& place, const std::string& tz, Instant now);
    // The proof's verification code is made here, from the committed check-in.
    void arrival(db::Db& db, const std::string& lang, const Booking& b, const std::string& service,
                 const std::string& place, const std::string& tz);

    // One kind line under the Print button ("" before anything was asked).
    std::string visitor_status(const TextDraw& t) const;
    // Staff mode's printer line: the last DLE EOT answer, and asking again.
    PrinterHealth health() const;
    int health_generation() const;
    void check_status();
    void new_visitor() { if (worker_) worker_->clear_state(); }

private:
    text::Translator& in(const std::string& lang);
    std::unique_ptr<PrintWorker> worker_;
    text::Translator translator_;
};

}  // namespace indgang::kiosk
