// The check-in proof's verification code: staff (or a jobcentre calling them) can ask "was the
// holder of this slip here at that time?" and learn yes or no, nothing else.
//
// The code is a keyed hash (BLAKE2b, libsodium crypto_generichash) of the booking id and the
// minute of check-in, under a random per-site secret. Nothing new is stored about the visitor:
// the booking row already holds both inputs, and the code itself is never written down, so it
// links nothing (feedback stays unlinkable; docs/privacy.md). Without the secret a code cannot be
// made up or traced back to a booking. When retention deletes the booking, the code stops
// verifying — by design.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace indgang {

// Six characters from a 30-letter alphabet without look-alikes (no 0/O, 1/I/L, U), printed as
// "K7Q-4MX": 30^6 = 729 million codes. Only bookings checked in within the same minute are candidates (a handful
// at most), so a guessed code matches by chance about once in 700 million tries.
inline constexpr int kArrivalCodeChars = 6;

std::string arrival_code(db::Db& db, Id site_id, Id booking_id, Instant checked_in_at);

// Upper-cases and drops spaces and dashes (how a person reads a code over the phone); "" when a
// character is not in the alphabet or the length is wrong. Look-alikes are not guessed at.
std::string normalise_arrival_code(std::string_view typed);

struct ArrivalMatch {
    Instant checked_in_at = 0;     // to the minute (seconds dropped)
};
// Was someone at `site_id` checked in during the local minute `date` `minute` with this code?
// The answer carries the minute only: no booking, nickname, service or caseworker.
std::optional<ArrivalMatch> verify_arrival(db::Db& db, Id site_id, std::string_view code, Date date,
                                           int minute);

}  // namespace indgang
