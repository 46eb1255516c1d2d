// Runs the built indgang-admin's staff window headless on a script, with its own database in a
// temporary folder, and reads that database back through the core.
#pragma once

#include "core/db/store.hpp"

#include <doctest/doctest.h>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern char** environ;

namespace admin_test {

inline std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct Run {
    int exit = -1;
    std::string out, err;
};

class Window {
public:
    Window() {
        char tmpl[] = "/tmp/indgang-window-XXXXXX";
        const char* p = mkdtemp(tmpl);
        REQUIRE(p != nullptr);
        dir = p;
        db = (dir / "staff.db").string();
    }
    ~Window() {
        std::error_code ec;
        std::filesystem::remove_all(dir, ec);
    }
    std::filesystem::path dir;
    std::string db;

    // Runs the window on `script` starting at local time `now`; extra arguments go first.
    Run run(const std::string& script, const std::string& now, std::vector<std::string> extra = {}) {
        const std::string script_path = (dir / "steps.txt").string();
        std::ofstream(script_path, std::ios::trunc) << script;
        std::vector<std::string> full = {INDGANG_ADMIN, "--db", db, "--script", script_path};
        full.insert(full.end(), extra.begin(), extra.end());
        return spawn(full, now);
    }
    // Runs indgang-admin's command line on the same database: `args` after "--db DB".
    Run cli(std::vector<std::string> args, const std::string& now) {
        std::vector<std::string> full = {INDGANG_ADMIN, "--db", db};
        full.insert(full.end(), args.begin(), args.end());
        return spawn(full, now);
    }
    Run spawn(std::vector<std::string> full, const std::string& now) {
        std::vector<char*> argv;
        for (auto& a : full) argv.push_back(a.data());
        argv.push_back(nullptr);
        const std::string out = (dir / "stdout").string(), err = (dir / "stderr").string();
        posix_spawn_file_actions_t fa;
        posix_spawn_file_actions_init(&fa);
        posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        setenv("INDGANG_NOW", now.c_str(), 1);
        pid_t pid = 0;
        const int rc = posix_spawn(&pid, INDGANG_ADMIN, &fa, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&fa);
        unsetenv("INDGANG_NOW");
        REQUIRE(rc == 0);
        int status = 0;
        REQUIRE(waitpid(pid, &status, 0) == pid);
        Run r;
        r.exit = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
        r.out = slurp(out);
        r.err = slurp(err);
        return r;
    }
    // A run that must finish every step.
    Run ok(const std::string& script, const std::string& now, std::vector<std::string> extra = {}) {
        Run r = run(script, now, std::move(extra));
        INFO("stderr: " << r.err);
        REQUIRE(r.exit == 0);
        return r;
    }

    int64_t count(const std::string& sql) {
        indgang::db::Db raw(db, indgang::db::Db::Mode::ReadOnly);
        auto s = raw.prepare(sql);
        REQUIRE(s.step());
        return s.int64(0);
    }
    std::string text(const std::string& sql) {
        indgang::db::Db raw(db, indgang::db::Db::Mode::ReadOnly);
        auto s = raw.prepare(sql);
        REQUIRE(s.step());
        return s.text(0);
    }
};

// The gate with a login, on a database whose PIN is 2468.
inline const char* kUnlock = "fill gate_login anne\nfill gate_pin 2468\nclick gate_open\n";

// First run: choose the PIN, then the set-up form: Testhuset, Prøvevej 1, open Monday–Friday
// 9.00–16.00, and Mette from the jobcentre every Tuesday 10.00–12.00 in 20-minute times.
inline const char* kFirstRun =
    "expect Ingen personale-PIN endnu\n"
    "fill gate_login anne\nfill gate_pin 2468\nfill gate_pin_again 2468\nclick gate_open\n"
    "expect Opret stedet\n"
    "fill setup_name Testhuset\nfill setup_address Prøvevej 1\n"
    "click setup_hours_1_open\nclick setup_hours_2_open\nclick setup_hours_3_open\n"
    "click setup_hours_4_open\nclick setup_hours_5_open\n"
    "set svc 0\nfill cw Mette\nset wd 1\nfill from 10.00\nfill to 12.00\nset slot 20\n"
    "click setup_create\n"
    "expect Testhuset\n";

}  // namespace admin_test
