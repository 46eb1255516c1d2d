// Taking a walk-in number: whom to talk to today → the ticket. The ticket lives in
// Visitor::walk_in; the core hands out the number.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/service_text.hpp"

#include "core/domain/walkin.hpp"

#include <set>

namespace indgang::kiosk {

Intent KioskApp::draw_walkin(Ui& ui, Instant now) {
    const LiveData& d = *data_;
    if (visitor_.screen == ScreenId::WalkInTicket) {
        WalkInTicketModel m;
        if (const auto& t = visitor_.walk_in.ticket) {
            m.label = t->label;
            if (const Service* s = service(t->service_id)) m.service = service_name(*text_, *s);
            m.ahead = t->ahead == 0 ? std::string(text_->tr("You are next."))
                                    : text_->trn("{n} person before you", "{n} people before you", t->ahead);
        }
        m.print = print_offer();
        return draw_walkin_ticket(ui, m);
    }
    ServiceListModel m;
    m.walk_in = true;
    m.title = text_->tr("Who do you want to talk to?");
    // Who is still to come or here now, and who has gone home already.
    std::set<Id> today, still_today;
    const int minute = d.tz.to_local(now).minute;
    for (const auto& s : d.today_sessions) {
        today.insert(s.service_id);
        if (minute < s.end_minute) still_today.insert(s.service_id);
    }
    for (const auto& s : d.services) {
        if (!today.count(s.id)) continue;   // walk-in only where a caseworker comes today
        ServiceChoice c{s.id, service_name(*text_, s), service_description(*text_, s), service_icon(s.key), true, {}};
        c.available = still_today.count(s.id) > 0;
        c.note = text_->tr("Not here any more today");
        m.services.push_back(std::move(c));
    }
    m.empty_text = text_->tr("No caseworkers here today. Please ask the staff.");
    return draw_service_list(ui, m);
}

void KioskApp::apply_walkin(const Intent& in, Instant now) {
    if (in.act != Act::TakeNumber) return;
    Visitor& v = visitor_;
    try {
        WalkInTicket t = take_number(*db_, data_->site.id, in.id, now);
        reset_keep_language();
        v.walk_in.ticket = std::move(t);
        v.back = {ScreenId::Welcome, ScreenId::Home};
        v.screen = ScreenId::WalkInTicket;
        try { reload(now); } catch (const std::exception& e) { log_line(std::string("reload: ") + e.what()); }
    } catch (const DomainError& e) {
        log_line(std::string("walk-in: ") + e.what());
        try { reload(now); } catch (const std::exception& e2) { fail(e2.what(), now); }
    } catch (const db::Error& e) {
        log_line(std::string("walk-in failed: ") + e.what());
    }
}

}  // namespace indgang::kiosk
