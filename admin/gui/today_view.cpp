// The Today tab: the day's bookings (seen / no-show / undo / cancel), check-in by code, walk-in
// numbers, and booking on a visitor's behalf.
#include "staff_clock.hpp"
#include "staff_errors.hpp"
#include "views.hpp"

#include "core/domain/arrival_proof.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/text/bidi.hpp"
#include "core/text/staff_text.hpp"

#include <imgui.h>

namespace indgang::admin::gui {

using text::st;
using text::st_fill;

const char* status_text(BookingStatus status) {
    switch (status) {
        case BookingStatus::Booked: return st("booked");
        case BookingStatus::CheckedIn: return st("checked in");
        case BookingStatus::Seen: return st("seen");
        case BookingStatus::Missed: return st("no-show");
        case BookingStatus::Cancelled: return st("cancelled");
        case BookingStatus::CentreCancelled: return st("cancelled by the centre");
    }
    return "";
}

static const char* walkin_text(WalkInStatus status) {
    switch (status) {
        case WalkInStatus::Waiting: return st("waiting");
        case WalkInStatus::Seen: return st("seen");
        case WalkInStatus::Left: return st("left");
    }
    return "";
}

static ImVec4 status_colour(BookingStatus status) {
    switch (status) {
        case BookingStatus::CheckedIn: return {0.10f, 0.50f, 0.20f, 1};
        case BookingStatus::Missed: return {0.70f, 0.22f, 0.08f, 1};
        case BookingStatus::Cancelled:
        case BookingStatus::CentreCancelled: return {0.40f, 0.40f, 0.40f, 1};
        default: return ImGui::GetStyleColorVec4(ImGuiCol_Text);
    }
}

static void draw_day_switch(State& s, Instant now) {
    if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) {
        s.day = add_days(s.day, -1);
        reload(s, now);
    }
    ImGui::SameLine();
    text(day_text(s.tz, s.day));
    ImGui::SameLine();
    if (ImGui::ArrowButton("##next", ImGuiDir_Right)) {
        s.day = add_days(s.day, 1);
        reload(s, now);
    }
    ImGui::SameLine();
    if (button(st("Today") + std::string("###today"))) {
        s.day = s.tz.today(now);
        reload(s, now);
    }
    ImGui::SameLine();
    if (button(st("Next day") + std::string("###next_day"))) {
        s.day = add_days(s.day, 1);
        reload(s, now);
    }
}

static void draw_booking_actions(State& s, const Booking& b, Instant now) {
    const std::string id = std::to_string(b.id);
    const bool live = b.status != BookingStatus::Cancelled && b.status != BookingStatus::CentreCancelled;
    if (live && b.status != BookingStatus::Seen) {
        if (button(st("Seen") + std::string("###seen_") + id, true))
            act(s, [&s, bid = b.id, now] {
                mark_seen(*s.db, bid, now, s.actor);
                set_status(s, st("Marked seen. Undo puts it back."));
            });
        ImGui::SameLine();
    }
    if (live && b.status != BookingStatus::Missed && b.status != BookingStatus::Seen) {
        if (button(st("No-show") + std::string("###noshow_") + id, true))
            act(s, [&s, bid = b.id, now] {
                mark_no_show(*s.db, bid, now, s.actor);
                set_status(s, st("Marked as a no-show. Undo puts it back."));
            });
        ImGui::SameLine();
    }
    if (s.undoable.count(b.id) && s.undoable.at(b.id) > 0 && b.status != BookingStatus::CentreCancelled) {
        if (button(st("Undo") + std::string("###undo_") + id, true))
            act(s, [&s, bid = b.id, now] {
                const BookingStatus back = undo_status(*s.db, bid, now, s.actor);
                set_status(s, st_fill("Undone: the booking is {status} again.", {{"status", status_text(back)}}));
            });
        ImGui::SameLine();
    }
    if (b.status == BookingStatus::Booked || b.status == BookingStatus::CheckedIn) {
        if (button(st("Cancel booking") + std::string("###cancel_") + id, true))
            ask(s, st_fill("Cancel the booking {time} with {name} (code {code})? The time becomes free for others.",
                           {{"time", time_text(s.tz, b.start)}, {"name", b.caseworker}, {"code", b.code}}),
                st("Cancel the booking"), [&s, code = b.code, now] {
                    cancel_booking(*s.db, code, now, s.actor);
                    set_status(s, st("The booking is cancelled. Undo books it again while the time is free."));
                });
    }
}

static void draw_bookings(State& s, Instant now) {
    section(st("Bookings"));
    if (s.bookings.empty()) text_disabled(st("No bookings on this day."));
    if (s.bookings.empty() ||
        !ImGui::BeginTable("bookings", 6, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit))
        return;
    column(st("Time"));
    column(st("With"));
    column(st("Code"));
    column(st("Nickname"));
    column(st("Status"));
    column("");
    ImGui::TableHeadersRow();
    for (const auto& b : s.bookings) {
        ImGui::PushID(static_cast<int>(b.id));
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        text(time_text(s.tz, b.start));
        ImGui::TableNextColumn();
        text(service_name(s, b.service_id) + " (" + b.caseworker + ")");
        ImGui::TableNextColumn();
        text(b.code);
        ImGui::TableNextColumn();
        // Nicknames may be in any script; Arabic-script ones need shaping and reordering.
        const std::string nick = b.nickname.value_or("");
        ImGui::TextUnformatted(text::visual_line(nick, text::is_rtl(nick)).c_str());
        ImGui::TableNextColumn();
        text_coloured(status_colour(b.status), status_text(b.status));
        ImGui::TableNextColumn();
        draw_booking_actions(s, b, now);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

static void draw_check_in(State& s, Instant now) {
    section(st("Check a visitor in"));
    ImGui::SetNextItemWidth(120);
    input(st("Code") + std::string("###checkin_code"), s.checkin_code, sizeof s.checkin_code, "12345",
          ImGuiInputTextFlags_CharsDecimal);
    ImGui::SameLine();
    if (button(st("Check in") + std::string("###check_in")))
        act(s, [&s, now] {
            const CheckInResult r = check_in(*s.db, s.site_id, s.checkin_code, now, s.actor);
            s.checkin_code[0] = 0;
            set_status(s, st_fill("Checked in for {time} with {name}; {n} before them.",
                                  {{"time", time_text(s.tz, r.booking.start)}, {"name", r.booking.caseworker},
                                   {"n", std::to_string(r.ahead)}}));
        });
}

// "Was this person here at that time?" (a jobcentre calling about a slip): the answer is yes or
// no for that minute, nothing else: no booking, nickname, service or caseworker is shown.
static void draw_proof(State& s) {
    section(st("Check a proof of arrival"));
    ImGui::SetNextItemWidth(120);
    input(st("Code on the slip") + std::string("###proof_code"), s.proof_code, sizeof s.proof_code, "K7Q-4MX");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(120);
    input(st("Date") + std::string("###proof_date"), s.proof_date, sizeof s.proof_date, st("d.m.yyyy"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(80);
    input(st("Time") + std::string("###proof_time"), s.proof_time, sizeof s.proof_time, "10.05");
    ImGui::SameLine();
    if (button(st("Check") + std::string("###proof_check")))
        act(s, [&s] {
            s.proof_answer = 0;
            const auto date = read_date(s.proof_date);
            const auto minute = read_time(s.proof_time);
            if (!date || !minute) throw StaffError(st("Write the date and time as on the slip, like 1.12.2026 and 10.05."));
            if (normalise_arrival_code(s.proof_code).empty())
                throw StaffError(st("The code on the slip has six letters and digits, like K7Q-4MX."));
            s.proof_answer = verify_arrival(*s.db, s.site_id, s.proof_code, *date, *minute) ? 1 : -1;
        });
    if (s.proof_answer == 1)
        text_coloured({0.05f, 0.45f, 0.15f, 1}, st("Yes: someone was checked in here at that minute with this code."));
    else if (s.proof_answer == -1)
        text_coloured({0.70f, 0.22f, 0.08f, 1}, st("No: no check-in here at that minute has this code."));
}

static void draw_walkins(State& s, Instant now) {
    section(st("Walk-ins"));
    const bool today = s.day == s.tz.today(now);
    if (today) {
        text(st("Hand out a number:"));
        for (const auto& v : s.services) {
            if (!v.active || walkin_open(*s.db, s.site_id, v.id, now) != WalkInOpen::Open) continue;
            ImGui::SameLine();
            if (button(v.name + "###take_" + v.key, true))
                act(s, [&s, sid = v.id, now] {
                    const WalkInTicket t = take_number(*s.db, s.site_id, sid, now);
                    set_status(s, st_fill("Number {label}; {n} waiting before.",
                                          {{"label", t.label}, {"n", std::to_string(t.ahead)}}));
                });
        }
    }
    const WalkInTicket* next = nullptr;
    for (const auto& w : s.walkins)
        if (w.status == WalkInStatus::Waiting && !next) next = &w;
    if (next && button(st_fill("Call the next: {label}", {{"label", next->label}}) + "###call_next"))
        act(s, [&s, id = next->id, label = next->label, now] {
            set_walkin_status(*s.db, id, WalkInStatus::Seen, now, s.actor);
            set_status(s, st_fill("{label} is called in.", {{"label", label}}));
        });
    if (s.walkins.empty()) text_disabled(st("No walk-in numbers on this day."));
    for (const auto& w : s.walkins) {
        ImGui::PushID(static_cast<int>(w.id));
        const std::string id = std::to_string(w.id);
        text(w.label + "  " + service_name(s, w.service_id) + "  " + walkin_text(w.status));
        ImGui::SameLine();
        if (w.status == WalkInStatus::Waiting) {
            if (button(st("Seen") + std::string("###wseen_") + id, true))
                act(s, [&s, id = w.id, now] { set_walkin_status(*s.db, id, WalkInStatus::Seen, now, s.actor); });
            ImGui::SameLine();
            if (button(st("Left") + std::string("###wleft_") + id, true))
                act(s, [&s, id = w.id, now] { set_walkin_status(*s.db, id, WalkInStatus::Left, now, s.actor); });
        } else if (button(st("Undo") + std::string("###wundo_") + id, true)) {
            act(s, [&s, id = w.id, now] { set_walkin_status(*s.db, id, WalkInStatus::Waiting, now, s.actor); });
        }
        ImGui::PopID();
    }
}

static void draw_book(State& s, Instant now) {
    section(st("Book on a visitor's behalf"));
    // A booking made by mistake is taken back in one click: undoing one's own last step needs
    // no question (cancelling someone else's booking asks first).
    if (!s.last_code.empty()) {
        if (button(st_fill("Undo the booking just made (code {code})", {{"code", s.last_code}}) + "###undo_book"))
            act(s, [&s, now] {
                const std::string code = s.last_code;
                s.last_code.clear();
                cancel_booking(*s.db, code, now, s.actor);
                set_status(s, st_fill("The booking with code {code} is undone; the time is free again.", {{"code", code}}));
            });
    }
    if (s.free_slots.empty()) {
        text_disabled(st("No free times left on this day."));
        return;
    }
    ImGui::SetNextItemWidth(300);
    input("###nick", s.nickname, sizeof s.nickname, st("Nickname (optional, never a real name)"));
    for (const auto& slot : s.free_slots) {
        ImGui::PushID(static_cast<int>(slot.start));
        const std::string label = time_text(s.tz, slot.start) + " " + service_name(s, slot.service_id) +
                                  " (" + slot.caseworker + ")###book_" + std::to_string(slot.session_id) +
                                  "_" + std::to_string(slot.start_minute);
        if (button(label))
            act(s, [&s, ref = SlotRef{slot.session_id, slot.date, slot.start_minute}, start = slot.start, now] {
                const Booking b = book(*s.db, ref, s.nickname, now, BookingSource::Staff);
                s.last_code = b.code;
                s.nickname[0] = 0;
                set_status(s, st_fill("Booked {time}. The check-in code is {code}.",
                                      {{"time", time_text(s.tz, start)}, {"code", b.code}}));
            });
        ImGui::PopID();
    }
}

void draw_today(State& s, Instant now) {
    draw_day_switch(s, now);
    draw_bookings(s, now);
    draw_check_in(s, now);
    draw_walkins(s, now);
    draw_book(s, now);
    draw_proof(s);
}

}  // namespace indgang::admin::gui
