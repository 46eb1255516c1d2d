// systemd's service watchdog, fed from the kiosk's main loop (libsystemd's sd_notify). Under the
// unit the kiosk is cage's child, not the main process, so WATCHDOG_PID names cage and
// sd_watchdog_enabled() would say no: the interval is read from WATCHDOG_USEC directly, and
// the unit allows NotifyAccess=all. Without NOTIFY_SOCKET (a terminal, the tests) it does nothing.
#pragma once

#include <cstdint>
#include <string>

namespace indgang::kiosk {

class Watchdog {
public:
    Watchdog();   // reads NOTIFY_SOCKET and WATCHDOG_USEC once

    void ready();                       // READY=1: the first frame is on screen
    void feed(uint64_t ms);             // WATCHDOG=1 when half the interval has passed
    void status(const std::string& s);  // STATUS=…: shown by `systemctl status`
    void stopping();                    // STOPPING=1: staff quit, a clean exit
    // The longest the main loop may sleep and still feed in time; a large number when off.
    int max_sleep_ms(uint64_t ms) const;
    bool active() const { return notify_; }

private:
    bool notify_ = false;
    uint64_t interval_ms_ = 0;          // 0: no watchdog
    uint64_t last_fed_ms_ = 0;
    bool fed_once_ = false;
};

}  // namespace indgang::kiosk
