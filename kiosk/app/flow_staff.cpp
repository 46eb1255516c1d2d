// Staff mode on the kiosk: the PIN → today's list and the kiosk's switches. What staff typed
// lives in Visitor::staff and goes with the reset (closing staff mode is a reset).
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"

#include <algorithm>

namespace indgang::kiosk {

namespace {
constexpr const char* kActor = "staff:kiosk";     // staff mode has no login (staff:<login> in the window)
constexpr uint64_t kPrinterCheckMs = 15000;       // DLE EOT is cheap; paper put back shows within 15 s

std::string printer_line(const TextDraw& t, PrinterHealth h) {
    switch (h) {
    case PrinterHealth::NotSet: return t.tr("Printer: none set");
    case PrinterHealth::Unknown: return t.tr("Printer: asking…");
    case PrinterHealth::Ready: return t.tr("Printer: ready");
    case PrinterHealth::PaperOut: return t.tr("Printer: out of paper");
    case PrinterHealth::CoverOpen: return t.tr("Printer: cover open");
    case PrinterHealth::Offline: return t.tr("Printer: offline or not reachable");
    case PrinterHealth::Error: return t.tr("Printer: error (paper jam or too hot)");
    }
    return "";
}
}  // namespace

bool KioskApp::staff_tick(uint64_t ms, Instant now) {
    StaffState& s = visitor_.staff;
    bool redraw = staff_window_tick(ms, now);
    if (s.pin_locked_until && now >= s.pin_locked_until) {
        s.pin_locked_until = 0;   // the keypad opens again by itself
        s.pin_message.clear();
        redraw = true;
    }
    if (visitor_.screen == ScreenId::Staff && print_ && print_->enabled()) {
        if (ms >= s.next_printer_check_ms) {
            s.next_printer_check_ms = ms + kPrinterCheckMs;
            print_->check_status();
        }
        if (print_->health_generation() != s.printer_generation) redraw = true;
    }
    return redraw;
}

Intent KioskApp::draw_staff_flow(Ui& ui, Instant now) {
    const StaffState& st = visitor_.staff;
    if (visitor_.screen == ScreenId::StaffPin) {
        StaffPinModel m;
        m.digits = static_cast<int>(st.pin.size());
        m.message = st.pin_message;
        m.locked = st.pin_locked_until > now;
        if (!m.locked && st.pin_locked_until) m.message.clear();
        return draw_staff_pin(ui, m);
    }
    if (visitor_.screen == ScreenId::StaffWindow) return draw_staff_window_open(ui);
    if (visitor_.screen == ScreenId::StaffCancel) return draw_staff_cancel(ui, staff_cancel_model(now));
    return draw_staff(ui, staff_model(now));
}

StaffModel KioskApp::staff_model(Instant now) {
    StaffState& st = visitor_.staff;
    const LiveData* d = data_ ? &*data_ : nullptr;
    StaffModel m;
    m.paused = d && d->paused;
    m.message = st.message;
    m.page = visitor_.page;
    const PrinterHealth h = print_ ? print_->health() : PrinterHealth::NotSet;
    m.printer = printer_line(*text_, h);
    m.printer_ok = h == PrinterHealth::NotSet || h == PrinterHealth::Ready || h == PrinterHealth::Unknown;
    st.printer_generation = print_ ? print_->health_generation() : 0;
    if (d && db_) {
        m.date_line = text_->day(d->today) + ", " + text_->time(now, d->tz.name());
        try {
            for (const auto& b : bookings_on(*db_, d->site.id, d->today)) {
                StaffRow r;
                r.id = b.id;
                r.time = text_->time(b.start, d->tz.name());
                r.who = b.nickname.value_or(text_->tr("(no nickname)"));
                if (const Service* s = service(b.service_id)) r.what = service_name(*text_, *s);
                if (!b.caseworker.empty()) r.what += " / " + b.caseworker;
                switch (b.status) {
                case BookingStatus::Booked: r.status = text_->tr("booked"); break;
                case BookingStatus::CheckedIn:
                    r.status = text_->fmt("arrived {time}", {{"time", text_->time(*b.checked_in_at, d->tz.name())}});
                    break;
                case BookingStatus::Seen: r.status = text_->tr("seen"); break;
                case BookingStatus::Missed: r.status = text_->tr("no-show"); break;
                case BookingStatus::Cancelled: r.status = text_->tr("cancelled"); break;
                case BookingStatus::CentreCancelled: r.status = text_->tr("cancelled by the centre"); break;
                }
                r.can_seen = b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn ||
                             b.status == BookingStatus::Missed;
                // A no-show only once the time has ended plus grace (booking.hpp).
                r.can_no_show = (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn) &&
                                now >= b.end + d->rules.missed_grace_minutes * 60;
                // Undo takes back a staff decision (seen / no-show / cancelled); a date the
                // centre cancelled comes back by restoring the date, in the staff window.
                r.can_undo = b.status == BookingStatus::Seen || b.status == BookingStatus::Missed ||
                             b.status == BookingStatus::Cancelled;
                m.rows.push_back(std::move(r));
            }
            for (const auto& t : walkins_on(*db_, d->site.id, d->today)) {
                StaffRow r;
                r.id = t.id;
                r.walk_in = true;
                r.time = text_->time(t.created_at, d->tz.name());
                r.who = t.label;
                if (const Service* s = service(t.service_id)) r.what = service_name(*text_, *s);
                r.status = t.status == WalkInStatus::Waiting ? text_->tr("waiting")
                           : t.status == WalkInStatus::Seen  ? text_->tr("seen")
                                                             : text_->tr("left");
                r.can_seen = r.can_no_show = t.status == WalkInStatus::Waiting;
                r.can_undo = !r.can_seen;
                if (t.status == WalkInStatus::Waiting && !m.call_next_id) {
                    m.call_next_id = t.id;   // numbers are handed out in order: the first waiting is next
                    m.call_next = text_->fmt("Call the next: {label}", {{"label", t.label}});
                }
                m.rows.push_back(std::move(r));
            }
        } catch (const std::exception& e) {
            m.message = e.what();
        }
    }
    return m;
}

StaffCancelModel KioskApp::staff_cancel_model(Instant) {
    const StaffState& st = visitor_.staff;
    StaffCancelModel m;
    m.message = st.message;
    if (!data_) return m;
    const LiveData& d = *data_;
    auto hours = [&](int from, int to) {
        return text_->time(d.tz.to_utc(d.today, from).value_or(0), d.tz.name()) + "–" +
               text_->time(d.tz.to_utc(d.today, std::min(to, 1439)).value_or(0), d.tz.name());
    };
    if (st.cancelled) {
        m.done = true;
        for (const auto& b : st.to_tell)
            m.tell.push_back(text_->time(b.start, d.tz.name()) + "  " + b.nickname.value_or(text_->tr("(no nickname)")) +
                             "  " + text_->fmt("code {code}", {{"code", b.code}}));
        return m;
    }
    for (const auto& s : d.today_sessions) {
        StaffSessionRow r;
        r.id = s.id;
        r.time = hours(s.start_minute, s.end_minute);
        if (const Service* sv = service(s.service_id)) r.what = service_name(*text_, *sv);
        if (!s.caseworker.empty()) r.what += " / " + s.caseworker;
        if (s.id == st.cancel_pick) {
            int booked = 0;
            try {
                for (const auto& b : bookings_on(*db_, d.site.id, d.today))
                    booked += b.session_id == s.id &&
                              (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn);
            } catch (const std::exception& e) {
                m.message = e.what();
            }
            m.confirm_id = s.id;
            m.confirm = text_->fmt("Cancel {what} today, {time}?", {{"what", r.what}, {"time", r.time}}) + " " +
                        text_->trn("{n} visitor is booked.", "{n} visitors are booked.", booked);
        }
        m.sessions.push_back(std::move(r));
    }
    return m;
}

void KioskApp::apply_staff(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    StaffState& st = v.staff;
    if (v.screen == ScreenId::StaffPin) {
        switch (in.act) {
        // While locked, digits are not taken: nothing half-typed waits for the lock to end.
        case Act::KeyText: if (st.pin.size() < 12 && st.pin_locked_until <= now) st.pin += in.text; return;
        case Act::KeyBackspace: if (!st.pin.empty()) st.pin.pop_back(); return;
        case Act::PinSubmit: break;
        default: return;
        }
        try {
            if (!has_staff_pin(*db_)) {
                st.pin_message = text_->tr("No staff PIN is set. Set one with indgang-admin.");
                scrub(st.pin);
                return;
            }
            const PinCheck c = check_staff_pin(*db_, st.pin, now);
            scrub(st.pin);
            if (c.ok) {
                st.unlocked = true;
                st.pin_message.clear();
                v.back.clear();
                v.screen = ScreenId::Staff;
                log_event(*db_, now, "staff", "staff mode opened on the kiosk");
            } else if (c.locked_until > now) {
                st.pin_locked_until = c.locked_until;
                st.pin_message = text_->trn("Too many wrong tries. Wait {n} second.", "Too many wrong tries. Wait {n} seconds.",
                                            static_cast<long>(c.locked_until - now));
            } else {
                st.pin_locked_until = 0;
                st.pin_message = text_->tr("Wrong PIN.");
            }
        } catch (const std::exception& e) {
            log_line(std::string("staff PIN: ") + e.what());
            st.pin_message = e.what();
        }
        return;
    }
    if (!st.unlocked || !db_) return;
    if (v.screen == ScreenId::StaffWindow) return;   // the staff window has the screen; nothing here is touched
    try {
        switch (in.act) {
        case Act::StaffMarkSeen: mark_seen(*db_, in.id, now, kActor); break;
        case Act::StaffMarkNoShow: mark_no_show(*db_, in.id, now, kActor); break;
        case Act::StaffUndo: undo_status(*db_, in.id, now, kActor); break;
        case Act::StaffWalkInSeen:
        case Act::StaffCallNext: set_walkin_status(*db_, in.id, WalkInStatus::Seen, now); break;
        case Act::StaffWalkInLeft: set_walkin_status(*db_, in.id, WalkInStatus::Left, now); break;
        case Act::StaffWalkInUndo: set_walkin_status(*db_, in.id, WalkInStatus::Waiting, now); break;
        case Act::StaffGoCancel:
            st.cancel_pick = 0;
            st.cancelled = false;
            st.to_tell.clear();
            st.message.clear();
            go(ScreenId::StaffCancel);
            return;
        case Act::StaffCancelPick: st.cancel_pick = in.id; return;
        case Act::StaffCancelConfirm: {
            if (in.id != st.cancel_pick || !data_) return;
            st.to_tell = cancel_session_date(*db_, in.id, data_->today, text_->tr("The caseworker cannot come today."), now);
            log_event(*db_, now, "staff", "cancelled session " + std::to_string(in.id) + " today from the kiosk (" +
                                             std::to_string(st.to_tell.size()) + " to tell)");
            st.cancelled = true;
            st.cancel_pick = 0;
            break;
        }
        case Act::StaffWindow: open_staff_window(now); return;
        case Act::StaffPause:
            set_setting_checked(*db_, settings_key::kPaused, "1");
            log_event(*db_, now, "kiosk", "paused by staff");
            break;
        case Act::StaffResume:
            set_setting_checked(*db_, settings_key::kPaused, "0");
            log_event(*db_, now, "kiosk", "resumed by staff");
            break;
        case Act::StaffQuit:
            log_event(*db_, now, "kiosk", "quit by staff");
            quit_ = true;
            return;
        case Act::StaffClose: reset_visitor(); return;

        default: return;
        }
        st.message.clear();
        data_version_ = db_->data_version();
        reload(now);
    } catch (const DomainError& e) {
        st.message = e.what();
    } catch (const db::Error& e) {
        log_line(std::string("staff action failed: ") + e.what());
        st.message = e.what();
    }
}

}  // namespace indgang::kiosk
