// The municipality extract on the command line: export a bundle into the outbox, upload (once
// from a timer, or until the outbox is empty), show the outbox, the municipality's keypair and
// open-bundle. (The nickname purge is cli_timetable's `purge`, and runs on every open.)
#include "commands.hpp"
#include "json_output.hpp"

#include "core/db/store.hpp"
#include "core/domain/civil_time.hpp"
#include "core/domain/retention.hpp"
#include "core/domain/settings.hpp"
#include "core/domain/timetable.hpp"
#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/outbox.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/target.hpp"

#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace indgang::admin {

namespace {

namespace fs = std::filesystem;

std::string read_whole(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + what + " " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Writes with owner-only permissions from the first byte, never replacing an existing file.
void write_new_private(const std::string& path, const std::string& bytes) {
    if (fs::exists(path)) throw std::runtime_error(path + " already exists; not overwriting it");
    const mode_t old = ::umask(077);
    std::ofstream out(path, std::ios::binary);
    ::umask(old);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path);
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error("cannot write " + path + " (disk full or no permission?)");
}

// --config, else $INDGANG_UPLOAD_CONFIG, else the setting upload.config, else upload.json next
// to the database.
std::string config_path(db::Db& db, const Context& ctx, const std::string& flag) {
    if (!flag.empty()) return flag;
    if (const char* env = std::getenv("INDGANG_UPLOAD_CONFIG"); env && *env) return env;
    if (auto s = get_setting(db, "upload.config")) return *s;
    return (fs::absolute(ctx.db_path).parent_path() / "upload.json").string();
}

// The previous calendar month in the site's time zone: the month a monthly run reports on.
std::string previous_month(db::Db& db, Id site, Instant now) {
    using namespace std::chrono;
    const Date today = site_timezone(db, site).today(now);
    const year_month prev = year_month(today.year(), today.month()) - months(1);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u", static_cast<int>(prev.year()), static_cast<unsigned>(prev.month()));
    return buf;
}

const char* tz_name = "Europe/Copenhagen";   // outbox times are shown in the municipality's zone

nlohmann::json status_json(const upload::BundleStatus& s) {
    nlohmann::json j{{"id", s.id},       {"site", s.site_id},         {"period", s.period},
                     {"sha256", s.sha256}, {"size", s.size},          {"state", s.state},
                     {"attempts", s.attempts}, {"created_at", local_time(s.created_at, tz_name)},
                     {"last_message", s.last_message}};
    if (s.state != "delivered") j["next_attempt_at"] = local_time(s.next_attempt_at, tz_name);
    if (s.delivered_at) j["delivered_at"] = local_time(*s.delivered_at, tz_name);
    if (s.receipt) j["receipt"] = *s.receipt;
    return j;
}

int run_upload(const Context& ctx, const std::string& config_flag, bool once, bool now_flag) {
    auto db = ctx.open();   // also erases overdue nicknames and settles no-shows (logged)
    const std::string path = config_path(*db, ctx, config_flag);
    const upload::UploadTarget target = upload::load_target(path);
    bool needs_person = false;
    bool first = true;
    while (true) {
        upload::OutboxOptions options;
        options.ignore_schedule = now_flag && first;
        const Instant now = ctx.now();
        const upload::RunReport r = upload::run_outbox(*db, target, now, options);
        first = false;
        for (const auto& a : r.attempts) {
            if (a.outcome == upload::Outcome::Failed) needs_person = true;
            if (ctx.json) continue;
            std::cout << a.file_name << ": " << upload::to_string(a.outcome) << ": " << a.message;
            if (a.outcome != upload::Outcome::Delivered)
                std::cout << " (next try " << local_time(a.next_attempt_at, tz_name) << ")";
            std::cout << "\n";
        }
        if (ctx.json) {
            nlohmann::json j{{"delivered", r.delivered}, {"pending", r.still_pending}, {"attempts", nlohmann::json::array()}};
            for (const auto& a : r.attempts)
                j["attempts"].push_back({{"bundle", a.bundle_id}, {"file", a.file_name},
                                         {"outcome", upload::to_string(a.outcome)}, {"message", a.message}});
            print_json(j);
        } else if (r.attempts.empty()) {
            std::cout << (r.still_pending ? "nothing due; " + std::to_string(r.still_pending) + " pending, next try " +
                                                local_time(r.next_due.value_or(now), tz_name)
                                          : std::string("outbox empty: everything delivered"))
                      << "\n";
        }
        if (once || r.still_pending == 0) break;
        // Stay until the outbox is empty, sleeping until the next bundle is due (re-checking at
        // least every 15 minutes, so a bundle exported meanwhile is not left waiting).
        const Instant wake = std::min<Instant>(r.next_due.value_or(now + 900), now + 900);
        std::this_thread::sleep_for(std::chrono::seconds(std::max<Instant>(1, wake - ctx.now())));
    }
    return needs_person ? 2 : 0;
}

}  // namespace

void add_upload_commands(CLI::App& app, Context& ctx) {
    {
        static Id site = 0;
        static std::string period, out;
        auto* cmd = app.add_subcommand("export", "Build the municipality extract for a site and period and queue it for upload");
        cmd->add_option("--site", site, "Site id (may be left out when there is one site)");
        cmd->add_option("--period", period, "Month (2026-11) or quarter (2026-Q4); default: last month");
        cmd->add_option("--out", out, "Also write the bundle (.tar) to this file");
        cmd->callback([&ctx] {
            auto db = ctx.open();
            const Id s = resolve_site(*db, site);
            const std::string p = period.empty() ? previous_month(*db, s, ctx.now()) : period;
            const exporting::QueuedBundle q = exporting::export_bundle(*db, s, p, ctx.now());
            if (!out.empty()) {
                auto get = db->prepare("SELECT content FROM bundle WHERE id = ?");
                get.bind(q.id);
                if (get.step()) write_file(out, get.blob(0));
            }
            if (ctx.json)
                return print_json({{"id", q.id}, {"site", q.site_id}, {"period", q.period}, {"sha256", q.sha256},
                                   {"size", q.size}, {"reused", q.reused},
                                   {"file", exporting::bundle_file_name(q.site_id, q.period, q.id)}});
            std::cout << (q.reused ? "unchanged since the bundle already queued: " : "queued for upload: ")
                      << exporting::bundle_file_name(q.site_id, q.period, q.id) << "\n  sha256 " << q.sha256 << ", "
                      << q.size << " bytes\n";
        });
    }
    {
        static bool once = false, status = false, now_flag = false;
        static std::string config;
        auto* cmd = app.add_subcommand("upload", "Send pending bundles to the municipality (see docs/upload.md)");
        cmd->add_flag("--once", once, "One pass over the due bundles, then exit (for a timer)");
        cmd->add_flag("--now", now_flag, "Try pending bundles now instead of waiting for their backoff");
        cmd->add_flag("--status", status, "Show pending, failed and delivered bundles; send nothing");
        cmd->add_option("--config", config, "Upload config file (owner-only; default upload.json beside the database)");
        cmd->callback([&ctx] {
            if (!status) {
                const int rc = run_upload(ctx, config, once, now_flag);
                if (rc != 0) throw CLI::RuntimeError(rc);
                return;
            }
            auto db = ctx.open();
            const auto list = upload::outbox_status(*db);
            if (ctx.json) {
                nlohmann::json j = nlohmann::json::array();
                for (const auto& s : list) j.push_back(status_json(s));
                return print_json(j);
            }
            if (list.empty()) std::cout << "the outbox is empty: nothing exported yet\n";
            for (const auto& s : list) {
                std::cout << s.state << "  " << exporting::bundle_file_name(s.site_id, s.period, s.id) << "  "
                          << s.attempts << (s.attempts == 1 ? " attempt" : " attempts");
                if (s.state == "delivered") std::cout << ", delivered " << local_time(s.delivered_at.value_or(0), tz_name);
                else std::cout << ", next try " << local_time(s.next_attempt_at, tz_name);
                std::cout << "\n";
                if (!s.last_message.empty()) std::cout << "    " << s.last_message << "\n";
            }
        });
    }
    {
        static std::string key_file, bundle_file, out, expect_sha;
        auto* cmd = app.add_subcommand("open-bundle", "Municipality side: decrypt a bundle, verify it, print or unpack it");
        cmd->add_option("--key", key_file, "Secret key file from 'keygen' (needed for .sealed bundles)");
        cmd->add_option("--sha256", expect_sha, "Digest the bundle must have (from a receipt or the status list)");
        cmd->add_option("--out", out, "Folder to unpack every file into (default: print extract.json)");
        cmd->add_option("bundle", bundle_file, "The .tar or .tar.sealed file")->required();
        cmd->callback([&ctx] {
            std::string bytes = read_whole(bundle_file, "bundle");
            if (upload::is_sealed(bytes)) {
                if (key_file.empty()) throw std::runtime_error(bundle_file + " is sealed: give the secret key with --key");
                upload::require_private_file(key_file, "secret key");
                std::string key = read_whole(key_file, "secret key");
                bytes = upload::open_sealed(bytes, key);
            }
            const std::string digest = exporting::sha256_hex(bytes);
            if (!expect_sha.empty() && expect_sha != digest)
                throw std::runtime_error("bundle digest " + digest + " differs from the expected " + expect_sha);
            const auto files = exporting::verify_archive(bytes);   // every file against SHA256SUMS
            if (!out.empty()) {
                fs::create_directories(out);
                for (const auto& f : files) {
                    const std::string base = f.name.substr(f.name.rfind('/') + 1);
                    write_file((fs::path(out) / base).string(), f.bytes);
                }
                if (ctx.json) return print_json({{"sha256", digest}, {"files", files.size()}, {"out", out}});
                std::cerr << "verified sha256 " << digest << "; " << files.size() << " files written to " << out << "\n";
                return;
            }
            for (const auto& f : files)
                if (f.name.size() >= 12 && f.name.compare(f.name.size() - 12, 12, "extract.json") == 0)
                    std::cout << f.bytes;
            std::cerr << "verified sha256 " << digest << "\n";
        });
    }
    {
        static std::string secret_out;
        auto* cmd = app.add_subcommand("keygen", "Municipality side: make the keypair bundles are sealed to");
        cmd->add_option("--secret-out", secret_out, "Where to keep the secret key (written owner-only)")->required();
        cmd->callback([&ctx] {
            const upload::KeyPair kp = upload::generate_keypair();
            write_new_private(secret_out, kp.secret_key_base64 + "\n");
            if (ctx.json) return print_json({{"municipality_public_key", kp.public_key_base64}, {"secret_key_file", secret_out}});
            std::cout << "secret key written to " << secret_out << " (keep it; never send it)\n"
                      << "give each værested this line for its upload config:\n"
                      << "  \"municipality_public_key\": \"" << kp.public_key_base64 << "\"\n";
        });
    }
}

}  // namespace indgang::admin
