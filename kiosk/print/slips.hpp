// What each slip says, in the visitor's language, with the date repeated in Danish for the
// jobcentre. Built from plain data (no database, no ImGui), so the kiosk and the tests make the
// same slip from the same facts. Printing never decides anything: the kiosk builds a slip only
// from a booking, ticket or check-in the core has already made.
#pragma once

#include "core/domain/model.hpp"
#include "core/text/catalog.hpp"
#include "print/slip_render.hpp"

#include <string>

namespace indgang::kiosk {

struct BookingSlipFacts {
    std::string code, service, caseworker, place;   // service already in the visitor's language
    Instant start = 0;
    std::string tz = "Europe/Copenhagen";
};
struct WalkInSlipFacts {
    std::string label, service, place;
    int ahead = 0;
    Instant issued = 0;
    std::string tz = "Europe/Copenhagen";
};
struct ArrivalSlipFacts {
    std::string service, place, verification;       // verification: core/domain/arrival_proof
    Instant checked_in_at = 0;
    std::string tz = "Europe/Copenhagen";
};

// `t` is set to the visitor's language.
Slip booking_slip(const text::Translator& t, const BookingSlipFacts& f);
Slip walkin_slip(const text::Translator& t, const WalkInSlipFacts& f);
Slip arrival_slip(const text::Translator& t, const ArrivalSlipFacts& f);

}  // namespace indgang::kiosk
