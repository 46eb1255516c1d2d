// Checking in with the booking code: keypad → result (and the proof of arrival). The typed code
// and the result live in Visitor::check_in; the core decides whether the code is good now.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"

#include "core/domain/booking.hpp"

namespace indgang::kiosk {

Intent KioskApp::draw_check_in_flow(Ui& ui) {
    const CheckInState& c = visitor_.check_in;
    if (visitor_.screen == ScreenId::CheckIn) return draw_check_in(ui, {c.code, 5});
    if (!c.result.ok || !print_ || !print_->enabled()) return draw_check_in_result(ui, c.result);
    CheckInResultModel m = c.result;
    m.print = print_offer();
    return draw_check_in_result(ui, m);
}

void KioskApp::apply_check_in(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    CheckInState& c = v.check_in;
    switch (in.act) {
    case Act::KeyText:
        if (c.code.size() < 5 && in.text.size() == 1 && in.text[0] >= '0' && in.text[0] <= '9') c.code += in.text;
        return;
    case Act::KeyBackspace: if (!c.code.empty()) c.code.pop_back(); return;
    case Act::TryAgain: scrub(c); v.screen = ScreenId::CheckIn; return;
    case Act::SubmitCode: break;
    default: return;
    }
    const LiveData& d = *data_;
    CheckInResultModel r;
    r.code = c.code;
    r.place = place_line();
    auto describe = [&](const Booking& b) {
        std::string what;
        if (const Service* s = service(b.service_id)) what = service_name(*text_, *s);
        // TRANSLATORS: "Jobcentre, with Mette" on the check-in proof. Arabic script uses "،".
        if (!b.caseworker.empty()) what = text_->fmt("{service}, with {name}", {{"service", what}, {"name", b.caseworker}});
        return text_->fmt("{what}, {day} at {time}", {{"what", what}, {"day", text_->day(b.date)},
                                                      {"time", text_->time(b.start, d.tz.name())}});
    };
    try {
        CheckInResult res = check_in(*db_, d.site.id, c.code, now);
        c.arrived = res.booking;
        r.ok = true;
        r.title = text_->tr("You are checked in");
        r.detail = res.ahead == 0 ? std::string(text_->tr("You are next."))
                                  : text_->trn("{n} person before you", "{n} people before you", res.ahead);
        r.appointment = describe(res.booking);
        const Instant at = res.booking.checked_in_at.value_or(now);
        r.proof = text_->fmt("Checked in {day} at {time}",
                             {{"day", text_->day(at, d.tz.name())}, {"time", text_->time(at, d.tz.name())}});
    } catch (const DomainError& e) {
        std::optional<Booking> b;
        try { b = find_live_booking(*db_, c.code); } catch (const std::exception&) {}
        if (b) r.appointment = describe(*b);
        switch (e.code) {
        case ErrorCode::UnknownCode:
        case ErrorCode::NotFound:
        case ErrorCode::Invalid:
            r.title = text_->tr("We do not know that code");
            r.detail = text_->tr("Please check the digits and try again, or ask the staff.");
            r.can_retry = true;
            break;
        case ErrorCode::TooEarly:
            r.title = text_->tr("You are early");
            r.detail = text_->fmt("You can check in from {time}. Please come back then.",
                                  {{"time", text_->time(e.when, d.tz.name())}});
            break;
        case ErrorCode::TooLate:
            r.title = text_->tr("It is too late to check in");
            r.detail = text_->tr("Your time has passed. Please ask the staff: they can help you get a new time.");
            break;
        case ErrorCode::BookingCancelled:
            r.title = text_->tr("This time was cancelled");
            r.detail = text_->tr("Please ask the staff, or book a new time.");
            break;
        case ErrorCode::SessionCancelled:
        case ErrorCode::CentreCancelled:
            // The centre called it off, not the visitor: say so, and offer a new time at once.
            r.title = text_->tr("The caseworker cannot come");
            r.detail = text_->tr("We are sorry: the caseworker is not coming that day. It is not your fault. "
                                 "You can book a new time now.");
            r.can_book = !data_->free_slots.empty();
            if (!r.can_book) r.detail = text_->tr("We are sorry: the caseworker is not coming that day. "
                                                  "It is not your fault. Please ask the staff for a new time.");
            break;
        case ErrorCode::AlreadyCheckedIn:
            r.ok = true;
            r.title = text_->tr("You are already checked in");
            r.detail = text_->tr("Have a seat. The caseworker will come.");
            r.proof = text_->fmt("Checked in {day} at {time}",
                                 {{"day", text_->day(e.when, d.tz.name())}, {"time", text_->time(e.when, d.tz.name())}});
            break;
        default:
            r.title = text_->tr("This code cannot be used now");
            r.detail = text_->tr("Please ask the staff.");
            r.can_retry = true;
            break;
        }
    } catch (const db::Error& e) {
        log_line(std::string("check-in failed: ") + e.what());
        r.title = text_->tr("Something went wrong");
        r.detail = text_->tr("Please try again, or ask the staff.");
        r.can_retry = true;
    }
    c.result = std::move(r);
    go(ScreenId::CheckInResult);
}

}  // namespace indgang::kiosk
