// [SECTION] The child process
// [SECTION] KioskApp: opening the staff window from staff mode, and coming back
#include "app/staff_window.hpp"

#include "app/kiosk_app.hpp"
#include "app/kiosk_log.hpp"

#include "core/domain/settings.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

extern char** environ;

namespace indgang::kiosk {

// [SECTION] The child process ----------------------------------------------------------------

namespace fs = std::filesystem;

std::string StaffWindowProcess::find_admin(const std::string& configured) {
    if (!configured.empty()) return configured;
    std::error_code ec;
    const fs::path self = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path beside = self.parent_path() / "indgang-admin";
        if (::access(beside.c_str(), X_OK) == 0) return beside.string();
    }
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
    for (size_t at = 0; at <= dirs.size();) {
        const size_t end = std::min(dirs.find(':', at), dirs.size());
        const std::string dir = dirs.substr(at, end - at);
        at = end + 1;
        if (dir.empty()) continue;
        const fs::path p = fs::path(dir) / "indgang-admin";
        if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
    return "";
}

bool StaffWindowProcess::start(const std::vector<std::string>& argv, std::string& error) {
    if (running()) return true;
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = -1;
    // glibc's posix_spawn reports a failed exec (missing file, not executable) as its result.
    const int rc = ::posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ);
    if (rc != 0) {
        error = argv[0] + ": " + std::strerror(rc);
        return false;
    }
    pid_ = pid;
    return true;
}

std::optional<int> StaffWindowProcess::poll() {
    if (pid_ <= 0) return std::nullopt;
    int status = 0;
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == 0) return std::nullopt;
    pid_ = -1;
    if (r < 0) return 255;   // not our child any more: treat as ended
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
    return 255;
}

StaffWindowProcess::~StaffWindowProcess() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
}

// [SECTION] KioskApp: opening the staff window from staff mode, and coming back ----------------

void KioskApp::open_staff_window(Instant now) {
    StaffState& st = visitor_.staff;
    const std::string bin = StaffWindowProcess::find_admin(opts_.admin_bin);
    if (bin.empty()) {
        st.message = text_->tr("The staff window could not be opened: indgang-admin is not installed.");
        log_line("staff window: indgang-admin not found next to the kiosk or on PATH");
        return;
    }
    std::vector<std::string> argv{bin, "--db", opts_.db_path};
    if (!opts_.staff_window_script.empty()) {
        argv.push_back("--script");
        argv.push_back(opts_.staff_window_script);
    }
    if (!staff_window_) staff_window_ = std::make_unique<StaffWindowProcess>();
    std::string error;
    if (!staff_window_->start(argv, error)) {
        st.message = text_->tr("The staff window could not be opened. Please tell whoever looks after the kiosk.");
        log_line("staff window: " + error);
        return;
    }
    log_line("staff window opened: " + bin);
    if (db_) log_event(*db_, now, "staff", "staff window opened from the kiosk");
    st.message.clear();
    visitor_.screen = ScreenId::StaffWindow;
}

bool KioskApp::staff_window_tick(uint64_t ms, Instant now) {
    if (!staff_window_ || !staff_window_->running()) return false;
    const auto code = staff_window_->poll();
    if (!code) return false;
    log_line("staff window closed (exit code " + std::to_string(*code) + ")");
    // Back to staff mode, whatever happened to the window: never a dead end.
    StaffState& st = visitor_.staff;
    if (visitor_.screen == ScreenId::StaffWindow) visitor_.screen = st.unlocked ? ScreenId::Staff : ScreenId::Welcome;
    st.message = *code == 0 ? std::string()
                            : text_->fmt("The staff window closed with an error (code {n}).", {{"n", std::to_string(*code)}});
    last_input_ms_ = ms;          // the idle timer starts again from here
    // What was changed there shows at once.
    if (db_) {
        try {
            data_version_ = db_->data_version();
            reload(now);
        } catch (const std::exception& e) {
            fail(e.what(), now);
        }
    }
    return true;
}

}  // namespace indgang::kiosk
