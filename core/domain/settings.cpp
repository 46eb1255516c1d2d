#include "core/domain/settings.hpp"

#include <charconv>

namespace indgang {

std::optional<std::string> get_setting(db::Db& db, const std::string& key) {
    return db.cached("SELECT value FROM setting WHERE key = ?").bind(key).first([](db::Stmt& s) {
        return s.text(0);
    });
}

std::string get_setting(db::Db& db, const std::string& key, const std::string& fallback) {
    return get_setting(db, key).value_or(fallback);
}

int get_setting_int(db::Db& db, const std::string& key, int fallback) {
    const auto v = get_setting(db, key);
    if (!v) return fallback;
    int out = 0;
    auto [p, ec] = std::from_chars(v->data(), v->data() + v->size(), out);
    // A hand-edited, unparsable value must not stop the kiosk: the default applies.
    if (ec != std::errc() || p != v->data() + v->size()) return fallback;
    return out;
}

void set_setting(db::Db& db, const std::string& key, const std::string& value) {
    db.cached("INSERT INTO setting(key, value) VALUES (?, ?) "
              "ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .bind(key, value)
        .exec();
}

void log_event(db::Db& db, int64_t at, const std::string& kind, const std::string& message) {
    db.cached("INSERT INTO event_log(at, kind, message) VALUES (?, ?, ?)").bind(at, kind, message).exec();
}

}  // namespace indgang
