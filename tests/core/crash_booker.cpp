// Helper for the crash-safety test: books every free slot of site 1 in turn and reports each
// booking's code on stdout only after book() returned, i.e. after COMMIT. The test kills this
// process with SIGKILL at a random moment and then checks every reported code is in the database.
//
//   core-crash-booker DB NOW_UTC_SECONDS
#include "core/db/store.hpp"
#include "core/domain/booking.hpp"
#include "core/domain/timetable.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
    using namespace indgang;
    if (argc != 3) {
        std::fprintf(stderr, "usage: core-crash-booker DB NOW_UTC_SECONDS\n");
        return 2;
    }
    try {
        auto db = db::open_store(argv[1]);
        const Instant now = std::strtoll(argv[2], nullptr, 10);
        const Id site = list_sites(*db).at(0).id;
        const Date today = site_timezone(*db, site).today(now);
        for (const auto& slot : slots_for(*db, site, today, add_days(today, 14))) {
            if (slot.taken || slot.start <= now) continue;
            const Booking b = book(*db, {slot.session_id, slot.date, slot.start_minute}, "Bo", now);
            // One write(2) per line: unbuffered, so a line the test reads was written after the
            // commit, and a line is never half in a stdio buffer when the kill comes.
            const std::string line = b.code + "\n";
            if (write(STDOUT_FILENO, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
                return 3;
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "core-crash-booker: %s\n", e.what());
        return 1;
    }
    return 0;
}
