#include "core/domain/staff_pin.hpp"

#include "core/domain/settings.hpp"

#include <sodium.h>

#include <algorithm>

namespace indgang {

static void init_sodium() {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
}

void set_staff_pin(db::Db& db, const std::string& pin) {
    if (pin.size() < 4 || pin.size() > 12 ||
        !std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw DomainError(ErrorCode::Invalid, "the staff PIN is 4 to 12 digits");
    init_sodium();
    char hash[crypto_pwhash_STRBYTES];
    // Interactive limits: the kiosk box is small and staff wait for the answer.
    if (crypto_pwhash_str_alg(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("out of memory while hashing the PIN");
    db::Transaction tx(db);
    set_setting(db, "staff.pin_hash", hash);
    set_setting(db, "staff.pin_failures", "0");
    set_setting(db, "staff.pin_locked_until", "0");
    tx.commit();
}

bool has_staff_pin(db::Db& db) { return get_setting(db, "staff.pin_hash").has_value(); }

int pin_delay_seconds(int failures) {
    if (failures < 3) return 0;
    const int shift = std::min(failures - 3, 5);    // 30 s, 60 s, … 15 min cap
    return std::min(30 << shift, 15 * 60);
}

PinCheck check_staff_pin(db::Db& db, const std::string& pin, Instant now) {
    PinCheck r;
    r.failures = get_setting_int(db, "staff.pin_failures", 0);
    const auto locked = get_setting(db, "staff.pin_locked_until");
    r.locked_until = locked ? std::stoll(*locked) : 0;
    if (r.locked_until > now) return r;
    const auto hash = get_setting(db, "staff.pin_hash");
    if (!hash) return r;   // no PIN set: staff mode stays closed until the admin tool sets one
    init_sodium();
    r.ok = crypto_pwhash_str_verify(hash->c_str(), pin.data(), pin.size()) == 0;
    db::Transaction tx(db);
    if (r.ok) {
        r.failures = 0;
        r.locked_until = 0;
    } else {
        ++r.failures;
        const int delay = pin_delay_seconds(r.failures);
        r.locked_until = delay > 0 ? now + delay : 0;
    }
    set_setting(db, "staff.pin_failures", std::to_string(r.failures));
    set_setting(db, "staff.pin_locked_until", std::to_string(r.locked_until));
    tx.commit();
    return r;
}

}  // namespace indgang
