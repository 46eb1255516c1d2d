// Staff mode on the kiosk: the PIN → today's list and the kiosk's switches. What staff typed
// lives in Visitor::staff and goes with the reset (closing staff mode is a reset).
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/walkin.hpp"

namespace indgang::kiosk {

bool KioskApp::staff_tick(Instant now) {
    StaffState& s = visitor_.staff;
    if (!s.pin_locked_until || now < s.pin_locked_until) return false;
    s.pin_locked_until = 0;   // the keypad opens again by itself
    s.pin_message.clear();
    return true;
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
    const LiveData* d = data_ ? &*data_ : nullptr;
    StaffModel m;
    m.paused = d && d->paused;
    m.message = st.message;
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
                m.rows.push_back(std::move(r));
            }
        } catch (const std::exception& e) {
            m.message = e.what();
        }
    }
    return draw_staff(ui, m);
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
    if (!st.unlocked) return;
    try {
        switch (in.act) {
        case Act::StaffMarkSeen: mark_seen(*db_, in.id, now); break;
        case Act::StaffMarkNoShow: mark_no_show(*db_, in.id, now); break;
        case Act::StaffWalkInSeen: set_walkin_status(*db_, in.id, WalkInStatus::Seen, now); break;
        case Act::StaffWalkInLeft: set_walkin_status(*db_, in.id, WalkInStatus::Left, now); break;
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
