#include "json_output.hpp"

#include "core/domain/civil_time.hpp"

#include <cstdio>

namespace indgang::admin {

static const char* kWeekdays[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
                                  "Saturday", "Sunday"};

std::string local_time(Instant t, const std::string& tz) {
    const LocalTime lt = TimeZone(tz).to_local(t);
    return format_date(lt.date) + " " + format_minute(lt.minute);
}

nlohmann::json to_json(const Site& v) {
    nlohmann::json hours = nlohmann::json::array();
    for (const auto& h : v.hours)
        hours.push_back({{"weekday", h.weekday},
                         {"open", format_minute(h.open_minute)},
                         {"close", format_minute(h.close_minute)}});
    return {{"id", v.id}, {"name", v.name}, {"address", v.address}, {"timezone", v.timezone},
            {"hours", hours}};
}

nlohmann::json to_json(const Service& v) {
    return {{"id", v.id},     {"key", v.key},   {"name", v.name},
            {"description", v.description},     {"icon", v.icon},
            {"walkin_prefix", v.walkin_prefix}, {"sort", v.sort}, {"active", v.active}};
}

nlohmann::json to_json(const Session& v) {
    nlohmann::json j = {{"id", v.id},
                        {"site_id", v.site_id},
                        {"service_id", v.service_id},
                        {"caseworker", v.caseworker},
                        {"first_date", format_date(v.first_date)},
                        {"start", format_minute(v.start_minute)},
                        {"end", format_minute(v.end_minute)},
                        {"slot_minutes", v.slot_minutes},
                        {"bookable_slots", v.bookable_slots},
                        {"walkin_minutes", v.walkin_minutes}};
    j["weekday"] = v.weekday ? nlohmann::json(*v.weekday) : nlohmann::json(nullptr);
    j["last_date"] = v.last_date ? nlohmann::json(format_date(*v.last_date)) : nlohmann::json(nullptr);
    return j;
}

nlohmann::json to_json(const Slot& v, const std::string& tz) {
    return {{"session_id", v.session_id},   {"service_id", v.service_id},
            {"date", format_date(v.date)},  {"time", format_minute(v.start_minute)},
            {"start_utc", v.start},         {"end_utc", v.end},
            {"end_local", local_time(v.end, tz)},
            {"caseworker", v.caseworker},   {"taken", v.taken}};
}

nlohmann::json to_json(const Booking& v, const std::string& tz) {
    nlohmann::json j = {{"id", v.id},
                        {"session_id", v.session_id},
                        {"site_id", v.site_id},
                        {"service_id", v.service_id},
                        {"date", format_date(v.date)},
                        {"time", local_time(v.start, tz).substr(11)},
                        {"start_utc", v.start},
                        {"code", v.code},
                        {"status", to_string(v.status)},
                        {"source", v.source == BookingSource::Staff ? "staff" : "kiosk"},
                        {"caseworker", v.caseworker}};
    j["nickname"] = v.nickname ? nlohmann::json(*v.nickname) : nlohmann::json(nullptr);
    j["checked_in_at"] = v.checked_in_at ? nlohmann::json(local_time(*v.checked_in_at, tz))
                                         : nlohmann::json(nullptr);
    return j;
}

nlohmann::json to_json(const WalkInTicket& v) {
    return {{"id", v.id},         {"site_id", v.site_id},      {"service_id", v.service_id},
            {"day", format_date(v.day)}, {"number", v.number}, {"label", v.label},
            {"status", to_string(v.status)}, {"ahead", v.ahead}};
}

std::string describe(const Session& v, const std::string& service_name) {
    std::string when = v.weekday ? std::string("every ") + kWeekdays[*v.weekday] + " from " +
                                       format_date(v.first_date) +
                                       (v.last_date ? " to " + format_date(*v.last_date) : "")
                                 : "on " + format_date(v.first_date);
    return "#" + std::to_string(v.id) + " " + service_name + " (" +
           (v.caseworker.empty() ? "no name" : v.caseworker) + ") " + when + ", " +
           format_minute(v.start_minute) + "–" + format_minute(v.end_minute) + ", " +
           (v.walkin_only ? std::string("walk-ins only, no bookings")
                          : std::to_string(v.slot_minutes) + "-min slots") +
           (v.walkin_minutes ? ", last " + std::to_string(v.walkin_minutes) + " min walk-in" : "") +
           (v.bookable_slots ? ", " + std::to_string(v.bookable_slots) + " bookable" : "");
}

void print_json(const nlohmann::json& j) { std::printf("%s\n", j.dump(2).c_str()); }

}  // namespace indgang::admin
