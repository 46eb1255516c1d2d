// Test world for the core suites: a temporary directory, a store with one site and the standard
// services, and instants computed with <chrono> alone (never through the code under test), so an
// expected UTC value is independent of the ICU-based TimeZone.
#pragma once

#include "core/db/store.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/demo_data.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"

#include <doctest/doctest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

namespace world {

using namespace indgang;

inline Date ymd(int y, unsigned m, unsigned d) {
    return Date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

// UTC civil time → seconds since the epoch.
inline Instant utc(int y, unsigned mo, unsigned d, int h, int mi, int s = 0) {
    return static_cast<Instant>(std::chrono::sys_days{ymd(y, mo, d)}.time_since_epoch().count()) *
               86400 +
           h * 3600 + mi * 60 + s;
}

// Copenhagen wall time with a known UTC offset: +1 in winter (CET), +2 in summer (CEST).
inline Instant cph(int y, unsigned mo, unsigned d, int h, int mi, int offset_hours) {
    return utc(y, mo, d, h, mi) - offset_hours * 3600;
}

// Summer time in Copenhagen (+02:00) for dates in May 2026, where most tests live.
inline Instant may(unsigned d, int h, int mi, int s = 0) { return cph(2026, 5, d, h, mi, 2) + s; }

inline int hm(int h, int m) { return h * 60 + m; }

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        char tmpl[] = "/tmp/indgang-core-XXXXXX";
        const char* p = mkdtemp(tmpl);
        REQUIRE(p != nullptr);
        path = p;
    }
    ~TempDir() {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
    }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

// One site ("Testhuset", Europe/Copenhagen) with the standard services.
struct World {
    std::unique_ptr<db::Db> db;
    Id site = 0, jobcentre = 0, social = 0, skp = 0;

    explicit World(const std::string& path = ":memory:") {
        db = db::open_store(path);
        ensure_standard_services(*db);
        Site s;
        s.name = "Testhuset";
        s.address = "Prøvevej 1, 5000 Odense C";
        site = add_site(*db, s);
        jobcentre = get_service_by_key(*db, "jobcentre").id;
        social = get_service_by_key(*db, "social").id;
        skp = get_service_by_key(*db, "skp").id;
    }

    Id weekly(Id service, int weekday, int from, int to, int slot = 20, int walkin = 0,
              int bookable = 0, Date first = ymd(2026, 4, 1), std::optional<Date> last = {},
              Id at_site = 0) {
        Session s;
        s.site_id = at_site ? at_site : site;
        s.service_id = service;
        // One caseworker per service and site, so sessions of different services or sites may
        // overlap in time (one person cannot be in two places: check_session refuses that).
        s.caseworker = service == jobcentre ? "Mette" : service == social ? "Lone" : "Sara";
        if (at_site && at_site != site) s.caseworker += " (" + std::to_string(at_site) + ")";
        s.weekday = weekday;
        s.first_date = first;
        s.last_date = last;
        s.start_minute = from;
        s.end_minute = to;
        s.slot_minutes = slot;
        s.walkin_minutes = walkin;
        s.bookable_slots = bookable;
        return add_session(*db, s);
    }

    Id one_off(Id service, Date date, int from, int to, int slot = 20, int walkin = 0,
               int bookable = 0) {
        Session s;
        s.site_id = site;
        s.service_id = service;
        s.caseworker = "Karim";
        s.first_date = date;
        s.start_minute = from;
        s.end_minute = to;
        s.slot_minutes = slot;
        s.walkin_minutes = walkin;
        s.bookable_slots = bookable;
        return add_session(*db, s);
    }

    int64_t count(const std::string& sql) {
        auto s = db->prepare(sql);
        REQUIRE(s.step());
        return s.int64(0);
    }
};

// Runs `f` and returns the DomainError code it threw; fails the test when it throws nothing.
template <typename F>
std::optional<ErrorCode> error_of(F&& f) {
    try {
        f();
    } catch (const DomainError& e) {
        return e.code;
    }
    return std::nullopt;
}

}  // namespace world

// doctest prints ErrorCode values by name.
namespace doctest {
template <>
struct StringMaker<indgang::ErrorCode> {
    static String convert(indgang::ErrorCode c) { return indgang::to_string(c); }
};
template <>
struct StringMaker<std::optional<indgang::ErrorCode>> {
    static String convert(const std::optional<indgang::ErrorCode>& c) {
        return c ? indgang::to_string(*c) : "no error";
    }
};
template <>
struct StringMaker<indgang::BookingStatus> {
    static String convert(indgang::BookingStatus s) { return indgang::to_string(s); }
};
}  // namespace doctest
