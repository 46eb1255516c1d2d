// Timetable subcommands: sites, services, sessions, slots, settings, staff PIN, demo data.
#include "commands.hpp"
#include "json_output.hpp"

#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/housekeeping.hpp"
#include "core/domain/input_text.hpp"
#include "core/domain/retention.hpp"
#include "core/db/store.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/staff_pin.hpp"
#include "core/domain/timetable.hpp"
#include "core/text/staff_text.hpp"

#include <iostream>

// ST_ marks a string for the staff catalog (scripts/extract-pot.sh); st() translates it.
#define ST_(text) text

namespace indgang::admin {

// "1-5 09:00-16:00" or "6 10:00-14:00": ISO weekdays and a time range.
static std::vector<OpeningHours> parse_hours(const std::vector<std::string>& specs) {
    std::vector<OpeningHours> out;
    for (const auto& spec : specs) {
        const auto space = spec.find(' ');
        const auto dash = spec.find('-', space);
        if (space == std::string::npos || dash == std::string::npos)
            throw DomainError(ErrorCode::Invalid, text::st("opening hours look like '1-5 09:00-16:00'"));
        const std::string days = spec.substr(0, space);
        auto weekday_number = [&spec](const std::string& t) {
            if (t.size() != 1 || t[0] < '1' || t[0] > '7')
                throw DomainError(ErrorCode::Invalid,
                                  text::st_fill("'{text}': weekdays are 1 (Monday) to 7 (Sunday), e.g. '1-5 09:00-16:00'",
                                                {{"text", printable(spec)}}));
            return t[0] - '0';
        };
        int from = 0, to = 0;
        if (auto d = days.find('-'); d != std::string::npos) {
            from = weekday_number(days.substr(0, d));
            to = weekday_number(days.substr(d + 1));
        } else {
            from = to = weekday_number(days);
        }
        if (from > to)
            throw DomainError(ErrorCode::Invalid,
                              text::st_fill("'{text}': the first weekday comes after the last", {{"text", printable(spec)}}));
        const int open = parse_time_arg(spec.substr(space + 1, dash - space - 1));
        const int close = parse_time_arg(spec.substr(dash + 1));
        for (int wd = from; wd <= to; ++wd) out.push_back({wd, open, close});
    }
    return out;
}

static int parse_weekday(const std::string& s) {
    static const char* names[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    for (int i = 0; i < 7; ++i)
        if (s.size() >= 3 && std::equal(s.begin(), s.begin() + 3, names[i],
                                        [](char a, char b) { return std::tolower(a) == b; }))
            return i + 1;
    if (s.size() == 1 && s[0] >= '1' && s[0] <= '7') return s[0] - '0';
    throw DomainError(ErrorCode::Invalid, text::st_fill("'{text}' is not a weekday (mon…sun or 1…7)", {{"text", s}}));
}

// The "visitors to tell" list, the same for every change the centre makes.
static nlohmann::json bookings_json(const std::vector<Booking>& bookings, const std::string& tz) {
    nlohmann::json j = nlohmann::json::array();
    for (const auto& b : bookings) j.push_back(to_json(b, tz));
    return j;
}

static void print_to_tell(const std::vector<Booking>& bookings, const std::string& tz,
                          const char* heading = ST_("booking(s) cancelled by the centre; tell those visitors")) {
    std::cout << bookings.size() << " " << text::st(heading) << (bookings.empty() ? "" : ":") << "\n";
    for (const auto& b : bookings)
        std::cout << "  " << local_time(b.start, tz) << " " << b.caseworker << "  " << text::st("code") << " " << b.code
                  << (b.nickname ? " (" + *b.nickname + ")" : "") << "\n";
}

void add_timetable_commands(CLI::App& app, Context& ctx) {
    // ---- sites
    auto* sites = app.add_subcommand("sites", "Sites: væresteder and satellite offices")->require_subcommand(1);
    sites->add_subcommand("list", "List sites")->callback([&ctx] {
        auto db = ctx.open_read();
        const auto all = list_sites(*db);
        if (ctx.json) {
            nlohmann::json j = nlohmann::json::array();
            for (const auto& s : all) j.push_back(to_json(s));
            return print_json(j);
        }
        for (const auto& s : all) std::cout << "#" << s.id << " " << s.name << ", " << s.address << "\n";
    });
    {
        auto* add = sites->add_subcommand("add", "Add a site");
        static Site site;
        static std::vector<std::string> hours;
        add->add_option("--name", site.name, "Name")->required();
        add->add_option("--address", site.address, "Street address");
        add->add_option("--timezone", site.timezone, "IANA time zone")->capture_default_str();
        add->add_option("--hours", hours, "Opening hours, e.g. '1-5 09:00-16:00' (repeatable)");
        add->callback([&ctx] {
            auto db = ctx.open();
            site.hours = parse_hours(hours);
            const Id id = add_site(*db, site);
            if (ctx.json) return print_json({{"id", id}});
            std::cout << text::st_fill("added site #{id}", {{"id", std::to_string(id)}}) << "\n";
        });
    }

    // ---- services
    auto* services = app.add_subcommand("services", "Who visitors can meet")->require_subcommand(1);
    {
        static bool all = false;
        auto* list = services->add_subcommand("list", "List services");
        list->add_flag("--all", all, "Include inactive services");
        list->callback([&ctx] {
            auto db = ctx.open_read();
            const auto v = list_services(*db, all);
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& s : v) j.push_back(to_json(s));
                return print_json(j);
            }
            for (const auto& s : v)
                std::cout << "#" << s.id << " " << s.key << ": " << s.name << " (" << s.walkin_prefix
                          << ")" << (s.active ? "" : " [inactive]") << "\n";
        });
    }
    {
        static Service svc;
        auto* add = services->add_subcommand("add", "Add a service");
        add->add_option("--key", svc.key, "Stable key, e.g. housing")->required();
        add->add_option("--name", svc.name, "Display name (Danish)")->required();
        add->add_option("--description", svc.description, "One plain line on what they help with");
        add->add_option("--icon", svc.icon, "Icon name");
        add->add_option("--prefix", svc.walkin_prefix, "Walk-in ticket letter")->capture_default_str();
        add->add_option("--sort", svc.sort, "Order on the kiosk");
        add->callback([&ctx] {
            auto db = ctx.open();
            const Id id = add_service(*db, svc);
            if (ctx.json) return print_json({{"id", id}});
            std::cout << text::st_fill("added service #{id}", {{"id", std::to_string(id)}}) << "\n";
        });
    }
    {
        static std::string key;
        static bool active = true;
        auto* set = services->add_subcommand("set-active", "Offer or stop offering a service");
        set->add_option("service", key, "Key or id")->required();
        set->add_option("active", active, "true or false")->required();
        set->callback([&ctx] {
            auto db = ctx.open();
            Service s = get_service(*db, resolve_service(*db, key));
            s.active = active;
            update_service(*db, s);
        });
    }

    // ---- sessions
    auto* sessions = app.add_subcommand("sessions", "Caseworker visits")->require_subcommand(1);
    {
        static Id site = 0;
        auto* list = sessions->add_subcommand("list", "List sessions of a site");
        list->add_option("--site", site, "Site id");
        list->callback([&ctx] {
            auto db = ctx.open_read();
            const auto v = list_sessions(*db, resolve_site(*db, site));
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& s : v) j.push_back(to_json(s));
                return print_json(j);
            }
            for (const auto& s : v) std::cout << describe(s, get_service(*db, s.service_id).name) << "\n";
        });
    }
    {
        static Id site = 0;
        static std::string service, caseworker, weekday, date, from, to, first, last;
        static int slot = 20, bookable = 0, walkin = 0;
        static bool walkin_only = false;
        auto* add = sessions->add_subcommand("add", "Add a weekly or one-off session");
        add->add_option("--site", site, "Site id");
        add->add_option("--service", service, "Service key or id")->required();
        add->add_option("--caseworker", caseworker, "Caseworker's first name");
        auto* wd = add->add_option("--weekday", weekday, "Weekly on mon…sun");
        auto* on = add->add_option("--date", date, "One-off on YYYY-MM-DD");
        wd->excludes(on);
        add->add_option("--from", from, "Start HH:MM")->required();
        add->add_option("--to", to, "End HH:MM")->required();
        add->add_option("--first", first, "First date of a weekly session (default today)");
        add->add_option("--last", last, "Last date of a weekly session");
        add->add_option("--slot", slot, "Slot length in minutes")->capture_default_str();
        add->add_option("--bookable", bookable, "How many slots are bookable (0 = all that fit)");
        add->add_option("--walkin", walkin, "Minutes kept for walk-ins at the end");
        add->add_flag("--walk-ins-only", walkin_only, "No bookings: walk-ins the whole time");
        add->callback([&ctx] {
            auto db = ctx.open();
            Session s;
            s.site_id = resolve_site(*db, site);
            s.service_id = resolve_service(*db, service);
            s.caseworker = caseworker;
            s.start_minute = parse_time_arg(from);
            s.end_minute = parse_time_arg(to);
            s.slot_minutes = slot;
            s.bookable_slots = bookable;
            s.walkin_minutes = walkin;
            s.walkin_only = walkin_only;
            if (!date.empty()) {
                s.first_date = parse_date_arg(date);
            } else if (!weekday.empty()) {
                s.weekday = parse_weekday(weekday);
                s.first_date = first.empty() ? site_timezone(*db, s.site_id).today(ctx.now())
                                             : parse_date_arg(first);
                if (!last.empty()) s.last_date = parse_date_arg(last);
            } else {
                throw DomainError(ErrorCode::Invalid, text::st("give --weekday for a weekly session or --date for a one-off"));
            }
            std::vector<std::string> warnings;
            const Id id = add_session(*db, s, ctx.now(), &warnings);
            for (const auto& w : warnings) std::cerr << text::st("note:") << " " << w << "\n";
            if (ctx.json) return print_json({{"id", id}, {"warnings", warnings}});
            std::cout << text::st("added") << " " << describe(get_session(*db, id), get_service(*db, s.service_id).name) << "\n";
        });
    }
    {
        // Only what is given changes; the rest stays as it is.
        static Id session = 0;
        static std::string from_date, service, caseworker, weekday, from, to, last;
        static std::optional<int> slot, bookable, walkin;
        static std::optional<bool> walkin_only;
        static bool cancel_affected = false;
        auto* edit = sessions->add_subcommand(
            "edit", "Change a session from a date on; past days keep what happened. Refused when "
                    "live bookings would lose their time, unless --cancel-affected");
        edit->add_option("--session", session, "Session id")->required();
        edit->add_option("--from-date", from_date, "First day the change applies (default today)");
        edit->add_option("--service", service, "Service key or id");
        edit->add_option("--caseworker", caseworker, "Caseworker's first name");
        edit->add_option("--weekday", weekday, "Weekly on mon…sun");
        edit->add_option("--from", from, "Start HH:MM");
        edit->add_option("--to", to, "End HH:MM");
        edit->add_option("--last", last, "Last date");
        edit->add_option("--slot", slot, "Slot length in minutes");
        edit->add_option("--bookable", bookable, "Bookable slots (0 = all that fit)");
        edit->add_option("--walkin", walkin, "Minutes kept for walk-ins at the end");
        edit->add_option("--walk-ins-only", walkin_only, "true: no bookings, walk-ins the whole time");
        edit->add_flag("--cancel-affected", cancel_affected,
                       "Cancel (by the centre) the bookings that lose their time, and list them to tell");
        edit->callback([&ctx] {
            auto db = ctx.open();
            Session s = get_session(*db, session);
            const TimeZone tz = site_timezone(*db, s.site_id);
            if (!service.empty()) s.service_id = resolve_service(*db, service);
            if (!caseworker.empty()) s.caseworker = caseworker;
            if (!weekday.empty()) s.weekday = parse_weekday(weekday);
            if (!from.empty()) s.start_minute = parse_time_arg(from);
            if (!to.empty()) s.end_minute = parse_time_arg(to);
            if (!last.empty()) s.last_date = parse_date_arg(last);
            if (slot) s.slot_minutes = *slot;
            if (bookable) s.bookable_slots = *bookable;
            if (walkin) s.walkin_minutes = *walkin;
            if (walkin_only) s.walkin_only = *walkin_only;
            const Date when = from_date.empty() ? tz.today(ctx.now()) : parse_date_arg(from_date);
            try {
                const EditResult r = edit_session(*db, session, s, when, ctx.now(),
                                                  cancel_affected ? OnConflict::CancelAndTell : OnConflict::Refuse);
                for (const auto& w : r.warnings) std::cerr << text::st("note:") << " " << w << "\n";
                if (ctx.json) {
                    nlohmann::json j = {{"session", r.session_id}, {"carried", r.carried.size()},
                                        {"warnings", r.warnings}};
                    j["bookings_to_tell"] = bookings_json(r.to_tell, tz.name());
                    return print_json(j);
                }
                std::cout << text::st_fill("session #{id} from {date}:", {{"id", std::to_string(r.session_id)}, {"date", format_date(when)}}) << " "
                          << describe(get_session(*db, r.session_id), get_service(*db, s.service_id).name)
                          << "\n";
                print_to_tell(r.to_tell, tz.name());
            } catch (const TimetableConflict& e) {
                std::cerr << "indgang-admin: " << text::st(e.what()) << ":\n";
                for (const auto& b : e.bookings)
                    std::cerr << "  " << local_time(b.start, tz.name()) << " " << text::st("code") << " " << b.code
                              << (b.nickname ? " (" + *b.nickname + ")" : "") << "\n";
                std::cerr << text::st("Move them by hand, or run again with --cancel-affected to cancel them "
                                      "and get the list of visitors to tell.") << "\n";
                throw CLI::RuntimeError(1);
            }
        });
    }
    {
        static Id session = 0;
        static std::string date, reason;
        auto* cancel = sessions->add_subcommand("cancel-date", "Cancel one date (caseworker ill, holiday)");
        cancel->add_option("--session", session, "Session id")->required();
        cancel->add_option("--date", date, "YYYY-MM-DD")->required();
        cancel->add_option("--reason", reason, "Shown to staff only");
        cancel->callback([&ctx] {
            auto db = ctx.open();
            const auto affected = cancel_session_date(*db, session, parse_date_arg(date), reason, ctx.now());
            const std::string tz = site_timezone(*db, get_session(*db, session).site_id).name();
            if (ctx.json) return print_json({{"cancelled", date}, {"bookings_to_tell", bookings_json(affected, tz)}});
            std::cout << text::st_fill("cancelled session #{id} on {date}", {{"id", std::to_string(session)}, {"date", date}}) << "\n";
            print_to_tell(affected, tz);
        });
    }
    {
        static Id session = 0;
        static std::string date;
        auto* restore = sessions->add_subcommand("restore-date", "Undo a cancelled date");
        restore->add_option("--session", session, "Session id")->required();
        restore->add_option("--date", date, "YYYY-MM-DD")->required();
        restore->callback([&ctx] {
            auto db = ctx.open();
            const auto back = restore_session_date(*db, session, parse_date_arg(date), ctx.now());
            const std::string tz = site_timezone(*db, get_session(*db, session).site_id).name();
            if (ctx.json) return print_json({{"restored", date}, {"bookings_to_tell", bookings_json(back, tz)}});
            std::cout << text::st_fill("session #{id} runs on {date} again", {{"id", std::to_string(session)}, {"date", date}}) << "\n";
            print_to_tell(back, tz, ST_("booking(s) are on again; tell those visitors"));
        });
    }
    {
        static Id session = 0;
        static std::string last;
        auto* end = sessions->add_subcommand("end", "End a weekly session after a date");
        end->add_option("--session", session, "Session id")->required();
        end->add_option("--last", last, "Last date it runs, YYYY-MM-DD")->required();
        end->callback([&ctx] {
            auto db = ctx.open();
            const auto affected = end_session(*db, session, parse_date_arg(last), ctx.now());
            const std::string tz = site_timezone(*db, get_session(*db, session).site_id).name();
            if (ctx.json) return print_json({{"ended", last}, {"bookings_to_tell", bookings_json(affected, tz)}});
            std::cout << text::st_fill("session #{id} ends after {date}", {{"id", std::to_string(session)}, {"date", last}}) << "\n";
            print_to_tell(affected, tz);
        });
    }
    {
        static Id session = 0;
        auto* del = sessions->add_subcommand("delete", "Delete a session that never had a booking");
        del->add_option("--session", session, "Session id")->required();
        del->callback([&ctx] {
            auto db = ctx.open();
            delete_session(*db, session, ctx.now());
            if (ctx.json) return print_json({{"deleted", session}});
            std::cout << text::st_fill("deleted session #{id}", {{"id", std::to_string(session)}}) << "\n";
        });
    }

    // ---- centre-wide closures
    auto* closures = app.add_subcommand("closures", "The whole centre closed: holidays, 24–26 December")
                         ->require_subcommand(1);
    {
        static Id site = 0;
        auto* list = closures->add_subcommand("list", "List closures");
        list->add_option("--site", site, "Site id");
        list->callback([&ctx] {
            auto db = ctx.open_read();
            const auto v = list_closures(*db, resolve_site(*db, site));
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& c : v)
                    j.push_back({{"id", c.id}, {"first", format_date(c.first_date)},
                                 {"last", format_date(c.last_date)}, {"reason", c.reason}});
                return print_json(j);
            }
            for (const auto& c : v)
                std::cout << "#" << c.id << " " << format_date(c.first_date) << " – "
                          << format_date(c.last_date) << "  " << c.reason << "\n";
        });
    }
    {
        static Id site = 0;
        static std::string first, last, reason;
        auto* add = closures->add_subcommand("add", "Close the centre from one date to another");
        add->add_option("--site", site, "Site id");
        add->add_option("--first", first, "First closed day, YYYY-MM-DD")->required();
        add->add_option("--last", last, "Last closed day (default: the first)");
        add->add_option("--reason", reason, "Shown to staff only");
        add->callback([&ctx] {
            auto db = ctx.open();
            const Id s = resolve_site(*db, site);
            const Date f = parse_date_arg(first);
            const auto r = close_centre(*db, s, f, last.empty() ? f : parse_date_arg(last), reason, ctx.now());
            const std::string tz = site_timezone(*db, s).name();
            if (ctx.json) return print_json({{"closure", r.closure_id}, {"bookings_to_tell", bookings_json(r.to_tell, tz)}});
            std::cout << text::st_fill("closure #{id} added", {{"id", std::to_string(r.closure_id)}}) << "\n";
            print_to_tell(r.to_tell, tz);
        });
    }
    {
        static Id closure = 0;
        auto* rm = closures->add_subcommand("remove", "Open again: undo a closure (days still to come)");
        rm->add_option("--closure", closure, "Closure id")->required();
        rm->callback([&ctx] {
            auto db = ctx.open();
            const auto back = reopen_centre(*db, closure, ctx.now());
            const std::string tz = back.empty() ? "Europe/Copenhagen" : site_timezone(*db, back.front().site_id).name();
            if (ctx.json) return print_json({{"removed", closure}, {"bookings_to_tell", bookings_json(back, tz)}});
            std::cout << text::st_fill("closure #{id} removed", {{"id", std::to_string(closure)}}) << "\n";
            print_to_tell(back, tz, ST_("booking(s) are on again; tell those visitors"));
        });
    }

    // ---- slots
    {
        static Id site = 0;
        static std::string date, service;
        auto* slots = app.add_subcommand("slots", "Slots of a day, free and taken");
        slots->add_option("--site", site, "Site id");
        slots->add_option("--date", date, "YYYY-MM-DD (default today)");
        slots->add_option("--service", service, "Only this service (key or id)");
        slots->callback([&ctx] {
            auto db = ctx.open_read();
            const Id s = resolve_site(*db, site);
            const TimeZone tz = site_timezone(*db, s);
            const Date d = date.empty() ? tz.today(ctx.now()) : parse_date_arg(date);
            const auto v = slots_for(*db, s, d, d, service.empty() ? 0 : resolve_service(*db, service));
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& slot : v) j.push_back(to_json(slot, tz.name()));
                return print_json(j);
            }
            for (const auto& slot : v)
                std::cout << format_minute(slot.start_minute) << "  "
                          << get_service(*db, slot.service_id).name << " (" << slot.caseworker
                          << ", session #" << slot.session_id << ")  "
                          << (slot.taken ? "taken" : "free") << "\n";
        });
    }

    // ---- settings, PIN, demo, purge
    auto* setting = app.add_subcommand("setting", "Read or change a setting (see 'setting list')")
                        ->require_subcommand(1);
    {
        static bool markdown = false;
        auto* list = setting->add_subcommand("list", "Every setting with its value, default and range");
        list->add_flag("--markdown", markdown, "Print the table of docs/settings.md");
        list->callback([&ctx] {
            if (markdown) return void(std::cout << settings_markdown());
            auto db = ctx.open_read();
            nlohmann::json j = nlohmann::json::array();
            for (const auto& spec : setting_specs()) {
                const SettingValue v = setting_value(*db, spec.key);
                if (ctx.json) {
                    j.push_back({{"key", spec.key}, {"value", v.value}, {"default", spec.fallback},
                                 {"is_default", v.is_default}, {"type", setting_type_name(spec.type)},
                                 {"range", setting_range_text(spec)}, {"help", text::st(spec.help)}});
                    continue;
                }
                std::cout << spec.key << " = " << (v.value.empty() ? "\"\"" : v.value)
                          << (v.is_default ? "" : std::string("   (") + text::st("default") + " " +
                                                      (*spec.fallback ? spec.fallback : "\"\"") + ")")
                          << "\n    " << setting_range_text(spec) << " · " << text::st(spec.help) << "\n";
            }
            if (ctx.json) print_json(j);
        });
    }
    {
        static std::string key, value;
        auto* get = setting->add_subcommand("get", "Print the value of a setting in effect");
        get->add_option("key", key)->required();
        get->callback([&ctx] {
            auto db = ctx.open_read();
            std::cout << setting_value(*db, key).value << "\n";
        });
        auto* set = setting->add_subcommand("set", "Change a setting (checked against its range)");
        set->add_option("key", key)->required();
        set->add_option("value", value)->required();
        set->callback([&ctx] {
            auto db = ctx.open();
            set_setting_checked(*db, key, value);
            if (ctx.json) return print_json({{"key", key}, {"value", setting_value(*db, key).value}});
            std::cout << key << " = " << setting_value(*db, key).value << "\n";
        });
        auto* reset = setting->add_subcommand("reset", "Return a setting to its default");
        reset->add_option("key", key)->required();
        reset->callback([&ctx] {
            auto db = ctx.open();
            reset_setting(*db, key);
            if (ctx.json) return print_json({{"key", key}, {"value", setting_value(*db, key).value}});
            std::cout << key << " = " << setting_value(*db, key).value << "\n";
        });
    }
    app.add_subcommand("set-pin", "Set the staff PIN (read from stdin, 4–12 digits)")->callback([&ctx] {
        std::string pin;
        std::getline(std::cin, pin);
        while (!pin.empty() && (pin.back() == '\r' || pin.back() == ' ')) pin.pop_back();
        auto db = ctx.open();
        set_staff_pin(*db, pin);
        std::cerr << text::st("staff PIN set") << "\n";
    });
    app.add_subcommand("demo", "Create the demo værested (Værestedet Kilden) if the database is empty")
        ->callback([&ctx] {
            auto db = ctx.open();
            const Id site = ensure_demo_data(*db, ctx.now());
            if (ctx.json) return print_json({{"site", site}});
            std::cout << text::st_fill("demo site #{id}", {{"id", std::to_string(site)}}) << "\n";
        });
    app.add_subcommand("purge", "Erase nicknames that are past their retention")->callback([&ctx] {
        auto db = ctx.open();
        if (auto why = clock_problem(*db, ctx.now()))
            throw DomainError(ErrorCode::Invalid, text::st_fill("not erasing anything: {why}", {{"why", *why}}));
        const int n = purge_personal_data(*db, ctx.now());
        if (ctx.json) return print_json({{"erased", n}});
        std::cout << text::st_fill("erased {n} nickname(s)", {{"n", std::to_string(n)}}) << "\n";
    });
    {
        static bool accept = false;
        auto* hk = app.add_subcommand("housekeeping",
                                      "Mark missed bookings and erase old nicknames now; with "
                                      "--accept-clock, first confirm that the clock is right");
        hk->add_flag("--accept-clock", accept, "The system clock is right (after a long closure)");
        hk->callback([&ctx] {
            auto db = db::open_store(ctx.db_path);
            if (accept) accept_clock(*db, ctx.now());
            const HousekeepingResult r = run_housekeeping(*db, ctx.now());
            if (!r.ran) throw DomainError(ErrorCode::Invalid, text::st_fill("housekeeping did not run: {why}", {{"why", r.refused}}));
            if (ctx.json)
                return print_json({{"ran", r.ran}, {"marked_missed", r.marked_missed},
                                   {"erased", r.nicknames_erased}});
            std::cout << text::st_fill("marked {missed} booking(s) missed, erased {erased} nickname(s)",
                                       {{"missed", std::to_string(r.marked_missed)}, {"erased", std::to_string(r.nicknames_erased)}})
                      << "\n";
        });
    }
}

}  // namespace indgang::admin
