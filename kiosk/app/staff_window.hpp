// The full staff window (indgang-admin) as a child of the kiosk. On the locked kiosk box the
// kiosk runs under cage as the only program; a second program's window becomes a second
// toplevel, which cage shows fullscreen on top. The kiosk starts it, keeps its own loop (and
// the watchdog) going while it runs, and notices when it exits. No SDL, no ImGui here.
#pragma once

#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

namespace indgang::kiosk {

class StaffWindowProcess {
public:
    StaffWindowProcess() = default;
    ~StaffWindowProcess();              // a window still open is asked to close (SIGTERM), then reaped
    StaffWindowProcess(const StaffWindowProcess&) = delete;
    StaffWindowProcess& operator=(const StaffWindowProcess&) = delete;

    // indgang-admin: `configured` if given, else next to the kiosk's own binary, else on PATH.
    // "" when none is found.
    static std::string find_admin(const std::string& configured);

    // Starts argv[0] with the rest as arguments. False, and `error` in plain words, when it
    // cannot be started at all.
    bool start(const std::vector<std::string>& argv, std::string& error);
    bool running() const { return pid_ > 0; }
    // Without waiting: the exit code once it has ended (128 + signal when killed).
    std::optional<int> poll();

private:
    pid_t pid_ = -1;
};

}  // namespace indgang::kiosk
