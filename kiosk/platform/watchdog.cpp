#include "platform/watchdog.hpp"

#include <systemd/sd-daemon.h>

#include <algorithm>
#include <cstdlib>

namespace indgang::kiosk {

Watchdog::Watchdog() {
    const char* sock = std::getenv("NOTIFY_SOCKET");
    notify_ = sock && *sock;
    if (const char* usec = std::getenv("WATCHDOG_USEC"); notify_ && usec && *usec)
        interval_ms_ = std::strtoull(usec, nullptr, 10) / 1000;
}

void Watchdog::ready() {
    if (notify_) sd_notify(0, "READY=1\nSTATUS=Showing the kiosk");
}

void Watchdog::feed(uint64_t ms) {
    if (!interval_ms_) return;
    // Half the interval, as sd_watchdog_enabled(3) advises: one late frame is not a hang.
    if (fed_once_ && ms - last_fed_ms_ < interval_ms_ / 2) return;
    sd_notify(0, "WATCHDOG=1");
    last_fed_ms_ = ms;
    fed_once_ = true;
}

void Watchdog::status(const std::string& s) {
    if (notify_) sd_notify(0, ("STATUS=" + s).c_str());
}

void Watchdog::stopping() {
    if (notify_) sd_notify(0, "STOPPING=1");
}

int Watchdog::max_sleep_ms(uint64_t ms) const {
    if (!interval_ms_) return 1 << 30;
    const uint64_t due = last_fed_ms_ + interval_ms_ / 2;
    return due > ms ? static_cast<int>(std::min<uint64_t>(due - ms, 1 << 30)) : 0;
}

}  // namespace indgang::kiosk
