// Booking subcommands: staff book on a visitor's behalf, cancel, check in, walk-in numbers,
// mark seen / no-show, and today's list.
#include "commands.hpp"
#include "json_output.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"
#include "core/domain/walkin.hpp"
#include "core/text/staff_text.hpp"

#include <iostream>

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace indgang::admin {

// The status keys as to_string() gives them, so staff read them in their language (--json keeps
// the keys).
[[maybe_unused]] static const char* const kStatusKeys[] = {ST_("booked"), ST_("checked_in"), ST_("seen"),
                                                           ST_("missed"), ST_("cancelled"), ST_("centre_cancelled"),
                                                           ST_("waiting"), ST_("left")};

void add_booking_commands(CLI::App& app, Context& ctx) {
    {
        static Id session = 0;
        static std::string date, time, nickname;
        auto* book_cmd = app.add_subcommand("book", "Book a slot on a visitor's behalf");
        book_cmd->add_option("--session", session, "Session id")->required();
        book_cmd->add_option("--date", date, "YYYY-MM-DD")->required();
        book_cmd->add_option("--time", time, "Slot start HH:MM")->required();
        book_cmd->add_option("--nickname", nickname, "Optional nickname (never a real name)");
        book_cmd->callback([&ctx] {
            auto db = ctx.open();
            const Booking b = book(*db, {session, parse_date_arg(date), parse_time_arg(time)},
                                   nickname, ctx.now(), BookingSource::Staff);
            const std::string tz = site_timezone(*db, b.site_id).name();
            if (ctx.json) return print_json(to_json(b, tz));
            std::cout << text::st_fill("booked {time} with {name}: check-in code {code}",
                                       {{"time", local_time(b.start, tz)}, {"name", b.caseworker}, {"code", b.code}})
                      << "\n";
        });
    }
    {
        static std::string code;
        auto* cancel = app.add_subcommand("cancel", "Cancel a booking by its check-in code");
        cancel->add_option("--code", code, "Check-in code")->required();
        cancel->callback([&ctx] {
            auto db = ctx.open();
            const Booking b = cancel_booking(*db, code, ctx.now(), "staff");
            if (ctx.json) return print_json(to_json(b, site_timezone(*db, b.site_id).name()));
            std::cout << text::st_fill("cancelled booking {code}", {{"code", b.code}}) << "\n";
        });
    }
    {
        static Id site = 0;
        static std::string code;
        auto* checkin = app.add_subcommand("check-in", "Check a visitor in by code");
        checkin->add_option("--site", site, "Site id");
        checkin->add_option("--code", code, "Check-in code")->required();
        checkin->callback([&ctx] {
            auto db = ctx.open();
            const auto r = check_in(*db, resolve_site(*db, site), code, ctx.now());
            const std::string tz = site_timezone(*db, r.booking.site_id).name();
            if (ctx.json) {
                auto j = to_json(r.booking, tz);
                j["ahead"] = r.ahead;
                return print_json(j);
            }
            std::cout << text::st_fill("checked in at {time}; {n} before them",
                                       {{"time", local_time(*r.booking.checked_in_at, tz)}, {"n", std::to_string(r.ahead)}})
                      << "\n";
        });
    }
    {
        static Id site = 0;
        static std::string service;
        auto* walk = app.add_subcommand("walk-in", "Take a walk-in number for a service today");
        walk->add_option("--site", site, "Site id");
        walk->add_option("--service", service, "Service key or id")->required();
        walk->callback([&ctx] {
            auto db = ctx.open();
            const auto t = take_number(*db, resolve_site(*db, site), resolve_service(*db, service), ctx.now());
            if (ctx.json) return print_json(to_json(t));
            std::cout << text::st_fill("number {label}, {n} waiting before", {{"label", t.label}, {"n", std::to_string(t.ahead)}})
                      << "\n";
        });
    }
    {
        static Id booking = 0;
        static std::string status;
        auto* mark = app.add_subcommand("mark", "Mark a booking seen, no-show, or back to booked "
                                                "(a no-show only after its time has ended)");
        mark->add_option("--booking", booking, "Booking id")->required();
        mark->add_option("status", status, "seen | no-show | booked")
            ->required()
            ->check(CLI::IsMember({"seen", "no-show", "booked"}));
        mark->callback([&ctx] {
            auto db = ctx.open();
            if (status == "seen") mark_seen(*db, booking, ctx.now());
            else if (status == "no-show") mark_no_show(*db, booking, ctx.now());
            else set_booking_status(*db, booking, BookingStatus::Booked, ctx.now());
            const Booking b = get_booking(*db, booking);
            if (ctx.json) return print_json(to_json(b, site_timezone(*db, b.site_id).name()));
            std::cout << text::st_fill("booking #{id} is {status}", {{"id", std::to_string(booking)}, {"status", text::st(to_string(b.status))}})
                      << "\n";
        });
    }
    {
        static Id booking = 0;
        auto* undo = app.add_subcommand("undo", "Undo the last status change of a booking");
        undo->add_option("--booking", booking, "Booking id")->required();
        undo->callback([&ctx] {
            auto db = ctx.open();
            undo_status(*db, booking, ctx.now());
            const Booking b = get_booking(*db, booking);
            if (ctx.json) return print_json(to_json(b, site_timezone(*db, b.site_id).name()));
            std::cout << text::st_fill("booking #{id} is {status} again", {{"id", std::to_string(booking)}, {"status", text::st(to_string(b.status))}})
                      << "\n";
        });
    }
    {
        static Id booking = 0;
        auto* hist = app.add_subcommand("history", "Every status change of a booking (the audit trail)");
        hist->add_option("--booking", booking, "Booking id")->required();
        hist->callback([&ctx] {
            auto db = ctx.open_read();
            const Booking b = get_booking(*db, booking);
            const std::string tz = site_timezone(*db, b.site_id).name();
            const auto changes = status_history(*db, booking);
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& c : changes)
                    j.push_back({{"at", local_time(c.at, tz)}, {"from", to_string(c.from)},
                                 {"to", to_string(c.to)}, {"by", c.actor}, {"note", c.note}});
                return print_json(j);
            }
            for (const auto& c : changes)
                std::cout << local_time(c.at, tz) << "  " << text::st(to_string(c.from)) << " -> " << text::st(to_string(c.to))
                          << "  " << text::st("by") << " " << c.actor << (c.note.empty() ? "" : "  (" + c.note + ")") << "\n";
        });
    }
    {
        static Id ticket = 0;
        static std::string status;
        auto* mark = app.add_subcommand("walk-in-status", "Mark a walk-in ticket seen or left");
        mark->add_option("--ticket", ticket, "Ticket id")->required();
        mark->add_option("status", status, "waiting | seen | left")
            ->required()
            ->check(CLI::IsMember({"waiting", "seen", "left"}));
        mark->callback([&ctx] {
            auto db = ctx.open();
            set_walkin_status(*db, ticket, walkin_status_from(status), ctx.now(), "staff");
            if (ctx.json) return print_json(to_json(get_walkin(*db, ticket)));
        });
    }
    {
        static Id site = 0;
        static std::string date;
        auto* today = app.add_subcommand("today", "Today's sessions, bookings and walk-ins");
        today->add_option("--site", site, "Site id");
        today->add_option("--date", date, "Another day, YYYY-MM-DD");
        today->callback([&ctx] {
            auto db = ctx.open_read();
            const Id s = resolve_site(*db, site);
            const TimeZone tz = site_timezone(*db, s);
            const Date d = date.empty() ? tz.today(ctx.now()) : parse_date_arg(date);
            const auto sessions = sessions_on(*db, s, d);
            const auto bookings = bookings_on(*db, s, d);
            const auto walkins = walkins_on(*db, s, d);
            if (ctx.json) {
                nlohmann::json js = nlohmann::json::array(), jb = nlohmann::json::array(),
                               jw = nlohmann::json::array();
                for (const auto& v : sessions) js.push_back(to_json(v));
                for (const auto& v : bookings) jb.push_back(to_json(v, tz.name()));
                for (const auto& v : walkins) jw.push_back(to_json(v));
                return print_json({{"date", format_date(d)}, {"sessions", js}, {"bookings", jb}, {"walkins", jw}});
            }
            std::cout << get_site(*db, s).name << ", " << format_date(d) << "\n";
            if (sessions.empty()) std::cout << "  " << text::st("no caseworker visits") << "\n";
            for (const auto& v : sessions)
                std::cout << "  " << describe(v, get_service(*db, v.service_id).name) << "\n";
            std::cout << text::st("Bookings:") << "\n";
            for (const auto& b : bookings)
                std::cout << "  #" << b.id << " " << local_time(b.start, tz.name()).substr(11) << " "
                          << b.caseworker << "  " << b.code << "  " << text::st(to_string(b.status))
                          << (b.nickname ? "  (" + *b.nickname + ")" : "") << "\n";
            std::cout << text::st("Walk-ins:") << "\n";
            for (const auto& w : walkins)
                std::cout << "  #" << w.id << " " << w.label << "  " << text::st(to_string(w.status)) << "\n";
        });
    }
}

}  // namespace indgang::admin
