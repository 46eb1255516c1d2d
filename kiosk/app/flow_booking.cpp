// Booking a time: service → day → time → nickname → confirm → receipt. The visitor's choices
// live in Visitor::booking; the core decides whether the time is still free.
#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"
#include "app/scrub.hpp"
#include "app/service_text.hpp"
#include "app/typed_text.hpp"

#include "core/domain/booking.hpp"
#include "core/text/keyboard.hpp"

#include <algorithm>
#include <cstdio>

namespace indgang::kiosk {

namespace {

constexpr size_t kMaxNickname = 20;    // code points; fits the receipt and the staff list

}  // namespace

std::vector<Date> KioskApp::free_days() const {
    std::vector<Date> days;
    if (!data_) return days;
    for (const auto& s : data_->free_slots)
        if (s.service_id == visitor_.booking.service_id && (days.empty() || days.back() != s.date)) days.push_back(s.date);
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    return days;
}

std::vector<Slot> KioskApp::free_times() const {
    std::vector<Slot> out;
    if (!data_) return out;
    for (const auto& s : data_->free_slots)
        if (s.service_id == visitor_.booking.service_id && s.date == visitor_.booking.day) out.push_back(s);
    std::sort(out.begin(), out.end(), [](const Slot& a, const Slot& b) { return a.start < b.start; });
    return out;
}

void KioskApp::booking_recheck() {
    // A time the visitor is about to book may have gone while they typed their nickname.
    Visitor& v = visitor_;
    if (v.screen != ScreenId::BookNickname && v.screen != ScreenId::BookConfirm) return;
    const auto times = free_times();
    const bool still_free = std::any_of(times.begin(), times.end(), [&](const Slot& s) {
        return s.session_id == v.booking.slot.session_id && s.start == v.booking.slot.start;
    });
    if (still_free) return;
    v.booking.notice = text_->tr("Sorry, that time was just taken. Please choose another time.");
    v.screen = ScreenId::BookTime;
    while (!v.back.empty() && v.back.back() != ScreenId::BookDay) v.back.pop_back();
}

Intent KioskApp::draw_booking(Ui& ui, Instant) {
    const LiveData& d = *data_;
    const BookingState& b = visitor_.booking;
    switch (visitor_.screen) {
    case ScreenId::BookService: {
        ServiceListModel m;
        m.title = text_->tr("Who do you want to meet?");
        for (const auto& s : d.services) {
            ServiceChoice c{s.id, service_name(*text_, s), service_description(*text_, s), service_icon(s.key), true, {}};
            c.available = std::any_of(d.free_slots.begin(), d.free_slots.end(),
                                      [&](const Slot& sl) { return sl.service_id == s.id; });
            c.note = text_->tr("No free times in the next two weeks");
            m.services.push_back(std::move(c));
        }
        m.empty_text = text_->tr("No caseworkers here today. Please ask the staff.");
        return draw_service_list(ui, m);
    }
    case ScreenId::BookDay: {
        BookDayModel m;
        m.page = visitor_.page;
        if (const Service* s = service(b.service_id)) m.service = service_name(*text_, *s);
        for (const Date& day : free_days()) {
            int n = 0;
            for (const auto& sl : d.free_slots) n += sl.service_id == b.service_id && sl.date == day;
            std::string label = text_->day(day);
            if (day == d.today) label = text_->fmt("Today, {day}", {{"day", label}});
            m.days.push_back({"day_" + format_date(day), label, text_->trn("{n} free time", "{n} free times", n)});
        }
        return draw_book_day(ui, m);
    }
    case ScreenId::BookTime: {
        BookTimeModel m;
        m.page = visitor_.page;
        if (const Service* s = service(b.service_id)) m.service = service_name(*text_, *s);
        m.day = text_->day(b.day);
        m.notice = b.notice;
        for (const auto& sl : free_times()) {
            char id[32];
            std::snprintf(id, sizeof id, "time_%02d%02d", sl.start_minute / 60, sl.start_minute % 60);
            m.times.push_back({id, text_->time(sl.start, d.tz.name()), sl.caseworker});
        }
        return draw_book_time(ui, m);
    }
    case ScreenId::BookNickname: {
        NicknameModel m;
        m.nickname = b.nickname;
        m.shift = b.shift;
        const auto* l = text_->find_language(visitor_.language);
        try {
            m.layout = &text::keyboard_layout(l ? l->keyboard : "da");
        } catch (const std::exception&) {
            try { m.layout = &text::keyboard_layout("da"); } catch (const std::exception&) { m.layout = nullptr; }
        }
        return draw_book_nickname(ui, m);
    }
    case ScreenId::BookConfirm: {
        ConfirmModel m;
        if (const Service* s = service(b.service_id)) {
            m.service = service_name(*text_, *s);
            m.icon = service_icon(s->key);
        }
        m.day = text_->day(b.day);
        m.time = text_->time(b.slot.start, d.tz.name());
        m.caseworker = b.slot.caseworker;
        m.nickname = b.nickname;
        m.place = place_line();
        m.error = b.confirm_error;
        return draw_book_confirm(ui, m);
    }
    case ScreenId::Receipt: {
        ReceiptModel m;
        if (b.receipt) {
            const Booking& r = *b.receipt;
            m.code = r.code;
            if (const Service* s = service(r.service_id)) m.service = service_name(*text_, *s);
            m.day = text_->day(r.date);
            m.time = text_->time(r.start, d.tz.name());
            m.caseworker = r.caseworker;
            m.nickname = r.nickname.value_or("");
            m.place = place_line();
        }
        m.print = print_offer();
        return draw_receipt(ui, m);
    }
    default: return {};
    }
}

void KioskApp::apply_booking(const Intent& in, Instant now) {
    Visitor& v = visitor_;
    BookingState& b = v.booking;
    switch (in.act) {
    case Act::PickService:
        b.service_id = in.id;
        go(ScreenId::BookDay);
        return;
    case Act::PickDay: {
        const auto days = free_days();
        if (in.id < 0 || in.id >= static_cast<Id>(days.size())) return;
        b.day = days[in.id];
        b.notice.clear();
        go(ScreenId::BookTime);
        return;
    }
    case Act::PickSlot: {
        const auto times = free_times();
        if (in.id < 0 || in.id >= static_cast<Id>(times.size())) return;
        b.slot = times[in.id];
        b.notice.clear();
        go(ScreenId::BookNickname);
        return;
    }
    case Act::KeyText:
        if (code_points(b.nickname) < kMaxNickname) b.nickname += in.text;
        b.shift = false;
        return;
    case Act::KeySpace:
        if (!b.nickname.empty() && b.nickname.back() != ' ' && code_points(b.nickname) < kMaxNickname)
            b.nickname += ' ';
        return;
    case Act::KeyBackspace: pop_code_point(b.nickname); return;
    case Act::KeyShift: b.shift = !b.shift; return;
    case Act::NicknameSkip: scrub(b.nickname); go(ScreenId::BookConfirm); return;
    case Act::NicknameDone: {
        try {
            auto clean = clean_nickname(b.nickname);
            b.nickname = clean.value_or("");
            b.confirm_error.clear();
        } catch (const DomainError& e) {
            b.confirm_error = e.code == ErrorCode::PersonalNumber
                                  ? text_->tr("A nickname is enough. We never need your CPR number or phone number.")
                                  : text_->tr("Please use letters and numbers only.");
        }
        go(ScreenId::BookConfirm);
        return;
    }
    case Act::ConfirmBooking: {
        try {
            Booking booked = book(*db_, {b.slot.session_id, b.slot.date, b.slot.start_minute}, b.nickname, now);
            // Only now, with the booking committed, does the visitor see a receipt.
            reset_keep_language();
            v.booking.receipt = std::move(booked);
            v.back = {ScreenId::Welcome, ScreenId::Home};
            v.screen = ScreenId::Receipt;
            // Our own commit does not move data_version for this connection: reload now so the
            // time just booked is no longer offered. The receipt stands whatever happens here.
            try { reload(now); } catch (const std::exception& e) { log_line(std::string("reload: ") + e.what()); }
        } catch (const DomainError& e) {
            if (e.code == ErrorCode::PersonalNumber) {
                b.confirm_error = text_->tr("A nickname is enough. We never need your CPR number or phone number.");
                return;
            }
            if (e.code == ErrorCode::Invalid) {
                b.confirm_error = text_->tr("Please use letters and numbers only.");
                return;
            }
            b.notice = e.code == ErrorCode::SessionCancelled
                           ? text_->tr("Sorry, the caseworker cannot come then. Please choose another time.")
                           : text_->tr("Sorry, that time was just taken. Please choose another time.");
            try { reload(now); } catch (const std::exception& e2) { fail(e2.what(), now); return; }
            v.screen = ScreenId::BookTime;
            while (!v.back.empty() && v.back.back() != ScreenId::BookDay) v.back.pop_back();
        } catch (const db::Error& e) {
            log_line(std::string("booking failed: ") + e.what());
            b.confirm_error = text_->tr("It could not be saved. Please try again, or ask the staff.");
        }
        return;
    }
    default: return;
    }
}

}  // namespace indgang::kiosk
