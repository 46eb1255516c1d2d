#include "core/domain/arrival_proof.hpp"

#include "core/domain/civil_time.hpp"
#include "core/domain/timetable.hpp"

#include <sodium.h>

#include <array>
#include <cctype>

namespace indgang {

namespace {
constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ";  // 30 letters, no look-alikes
constexpr int kAlphabetSize = static_cast<int>(kAlphabet.size());

// The per-site key, made on first use. It lives in the setting table under a key outside the
// declared table (so no tool lists or edits it); INSERT OR IGNORE makes two kiosks racing on a
// fresh database agree on one key.
std::array<unsigned char, crypto_generichash_KEYBYTES> site_secret(db::Db& db, Id site_id) {
    if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialise");
    const std::string key = "arrival_proof.secret." + std::to_string(site_id);
    unsigned char fresh[crypto_generichash_KEYBYTES];
    randombytes_buf(fresh, sizeof fresh);
    char hex[sizeof fresh * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, fresh, sizeof fresh);
    sodium_memzero(fresh, sizeof fresh);
    db.cached("INSERT OR IGNORE INTO setting(key, value) VALUES (?, ?)").bind(key, std::string_view(hex)).exec();
    const auto stored = db.cached("SELECT value FROM setting WHERE key = ?").bind(key).first([](db::Stmt& s) {
        return s.text(0);
    });
    std::array<unsigned char, crypto_generichash_KEYBYTES> out{};
    size_t len = 0;
    if (!stored || sodium_hex2bin(out.data(), out.size(), stored->data(), stored->size(), nullptr, &len, nullptr) != 0 ||
        len != out.size())
        throw DomainError(ErrorCode::Invalid, "arrival proof: the site's key in the setting table is damaged");
    return out;
}

std::string code_for(const std::array<unsigned char, crypto_generichash_KEYBYTES>& key, Id booking_id,
                     Instant minute_utc) {
    const std::string msg = "indgang-arrival-v1|" + std::to_string(booking_id) + "|" + std::to_string(minute_utc);
    unsigned char h[16];
    crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(msg.data()), msg.size(), key.data(),
                       key.size());
    uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = v << 8 | h[i];
    std::string out;
    for (int i = 0; i < kArrivalCodeChars; ++i) {
        out.push_back(kAlphabet[v % kAlphabetSize]);
        v /= kAlphabetSize;
    }
    return out;
}

Instant to_minute(Instant t) { return t - ((t % 60) + 60) % 60; }
}  // namespace

std::string arrival_code(db::Db& db, Id site_id, Id booking_id, Instant checked_in_at) {
    const std::string c = code_for(site_secret(db, site_id), booking_id, to_minute(checked_in_at));
    return c.substr(0, 3) + "-" + c.substr(3);
}

std::string normalise_arrival_code(std::string_view typed) {
    std::string out;
    for (char ch : typed) {
        if (ch == ' ' || ch == '-') continue;
        const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        if (kAlphabet.find(up) == std::string_view::npos) return "";
        out.push_back(up);
    }
    return out.size() == kArrivalCodeChars ? out : "";
}

std::optional<ArrivalMatch> verify_arrival(db::Db& db, Id site_id, std::string_view code, Date date, int minute) {
    const std::string want = normalise_arrival_code(code);
    if (want.empty()) return std::nullopt;
    const auto start = site_timezone(db, site_id).to_utc(date, minute);
    if (!start) return std::nullopt;
    const auto key = site_secret(db, site_id);
    auto& q = db.cached(
        "SELECT b.id, b.checked_in_at FROM booking b JOIN session s ON s.id = b.session_id "
        "WHERE s.site_id = ? AND b.checked_in_at >= ? AND b.checked_in_at < ?");
    q.bind(site_id, *start, *start + 60);
    std::optional<ArrivalMatch> found;
    while (q.step()) {
        const std::string got = code_for(key, q.int64(0), to_minute(q.int64(1)));
        // Constant time, so the answer's timing says nothing about how close a guess was.
        if (sodium_memcmp(got.data(), want.data(), want.size()) == 0) found = ArrivalMatch{to_minute(q.int64(1))};
    }
    return found;
}

}  // namespace indgang
