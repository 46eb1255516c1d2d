// The staff PIN: an Argon2id hash (libsodium) in settings, with growing delays after failed
// tries. The failure count and lock time are stored, so a restart does not reset them.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"

#include <string>

namespace indgang {

// 4–12 digits. Throws DomainError::Invalid otherwise.
void set_staff_pin(db::Db& db, const std::string& pin);
bool has_staff_pin(db::Db& db);

struct PinCheck {
    bool ok = false;
    Instant locked_until = 0;          // > now: no tries accepted until then
    int failures = 0;                  // consecutive failures so far
};

// While locked, returns ok = false without looking at the PIN.
PinCheck check_staff_pin(db::Db& db, const std::string& pin, Instant now);
// The lock after `failures` consecutive failures: none after the first two; from the third,
// 30 s doubling with each further failure, capped at 15 minutes.
int pin_delay_seconds(int failures);

}  // namespace indgang
