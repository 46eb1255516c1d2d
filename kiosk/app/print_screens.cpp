// KioskApp's Print intent and the Print band's model, kept out of kiosk_app.cpp. The slip is
// made from what the visitor's screen already shows, which the core has committed: printing
// never books, checks in or decides anything.
#include "app/kiosk_app.hpp"
#include "app/service_text.hpp"

#include <cstdio>

namespace indgang::kiosk {

PrintOffer KioskApp::print_offer() const {
    PrintOffer p;
    if (!print_ || !print_->enabled()) return p;
    p.can_print = true;
    p.busy = print_->printing();
    p.status = print_->visitor_status(*text_);
    return p;
}

void KioskApp::apply_print() {
    if (!print_ || !print_->enabled() || !data_ || !db_) return;
    const LiveData& d = *data_;
    const Visitor& v = visitor_;
    const std::string place = place_line();
    const auto name_of = [&](Id service_id) {
        const Service* s = service(service_id);
        return s ? service_name(*text_, *s) : std::string();
    };
    if (v.screen == ScreenId::Receipt && v.booking.receipt)
        print_->receipt(v.language, *v.booking.receipt, name_of(v.booking.receipt->service_id), place, d.tz.name());
    else if (v.screen == ScreenId::WalkInTicket && v.walk_in.ticket)
        print_->ticket(v.language, *v.walk_in.ticket, name_of(v.walk_in.ticket->service_id), place, d.tz.name(),
                       v.walk_in.ticket->created_at);
    else if (v.screen == ScreenId::CheckInResult && v.check_in.result.ok && v.check_in.arrived) {
        try {
            print_->arrival(*db_, v.language, *v.check_in.arrived, name_of(v.check_in.arrived->service_id), place, d.tz.name());
        } catch (const std::exception& e) {
            // The key could not be read: no slip, and the check-in stands.
            std::fprintf(stderr, "indgang-kiosk: proof slip: %s\n", e.what());
        }
    }
}

}  // namespace indgang::kiosk
