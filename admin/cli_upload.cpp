// The municipality extract on the command line: export a bundle into the outbox, upload (once
// from a timer, or until the outbox is empty), show the outbox, the municipality's keypair and
// open-bundle. (The nickname purge is cli_timetable's `purge`, and runs on every open.)
#include "commands.hpp"
#include "file_output.hpp"
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
#include "core/upload/signature.hpp"
#include "core/text/staff_text.hpp"
#include "core/upload/target.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>
#include <vector>

namespace indgang::admin {

namespace {

namespace fs = std::filesystem;

std::string read_whole(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(text::st_fill("cannot read {what} {path}", {{"what", what}, {"path", path}}));
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Writes with owner-only permissions from the first byte, never replacing an existing file.
void write_new_private(const std::string& path, const std::string& bytes) {
    if (fs::exists(path)) throw std::runtime_error(text::st_fill("{path} already exists; not overwriting it", {{"path", path}}));
    const mode_t old = ::umask(077);
    std::ofstream out(path, std::ios::binary);
    ::umask(old);
    out << bytes;
    out.close();
    if (!out) throw std::runtime_error(text::st_fill("cannot write {path}", {{"path", path}}));
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

std::string at_local(Instant t) { return local_time(t, tz_name); }

nlohmann::json status_json(const upload::BundleStatus& s) {
    nlohmann::json j{{"id", s.id},         {"site", s.site_id},           {"period", s.period},
                     {"sha256", s.sha256}, {"size", s.size},              {"state", s.state},
                     {"attempts", s.attempts}, {"created_at", at_local(s.created_at)},
                     {"explanation", upload::explain(s, at_local)}, {"last_message", s.last_message}};
    if (!s.wire_sha256.empty()) j["file_sha256"] = s.wire_sha256;
    if (!s.file_name.empty()) j["file"] = s.file_name;
    if (s.state != "delivered" && s.state != "delivered-unverified") j["next_attempt_at"] = at_local(s.next_attempt_at);
    if (s.delivered_at) j["delivered_at"] = at_local(*s.delivered_at);
    if (s.receipt) j["receipt"] = *s.receipt;
    return j;
}

// Loads the target; a refusal is logged, so --status and the staff window can show it even
// when the timer's stderr goes nowhere.
upload::UploadTarget load_logged(db::Db& db, const std::string& path, Instant now) {
    try {
        return upload::load_target(path);
    } catch (const upload::ConfigError& e) {
        log_event(db, now, "upload-config", e.what());
        throw;
    }
}

int run_upload(const Context& ctx, const std::string& config_flag, bool once, bool now_flag) {
    auto db = ctx.open();   // also erases overdue nicknames and settles no-shows (logged)
    const std::string path = config_path(*db, ctx, config_flag);
    const upload::UploadTarget target = load_logged(*db, path, ctx.now());
    bool needs_person = false;
    bool first = true;
    while (true) {
        upload::OutboxOptions options;
        options.ignore_schedule = now_flag && first;
        const Instant now = ctx.now();
        const upload::RunReport r = upload::run_outbox(*db, target, now, options);
        first = false;
        for (const auto& a : r.attempts) {
            if (a.outcome == upload::Outcome::Failed || a.stopped) needs_person = true;
            if (ctx.json) continue;
            std::cout << a.file_name << ": " << upload::to_string(a.outcome) << ": " << a.message;
            if (a.outcome != upload::Outcome::Delivered && a.outcome != upload::Outcome::Unverified && !a.stopped)
                std::cout << " (" << text::st_fill("next try {time}", {{"time", at_local(a.next_attempt_at)}}) << ")";
            std::cout << "\n";
        }
        if (ctx.json) {
            nlohmann::json j{{"delivered", r.delivered}, {"pending", r.still_pending},
                             {"attempts", nlohmann::json::array()}, {"waiting", r.waiting}};
            for (const auto& a : r.attempts)
                j["attempts"].push_back({{"bundle", a.bundle_id}, {"file", a.file_name},
                                         {"outcome", upload::to_string(a.outcome)}, {"message", a.message},
                                         {"stopped", a.stopped}});
            print_json(j);
        } else {
            for (const auto& w : r.waiting) std::cout << w << "\n";
            if (r.waiting.empty() && r.attempts.empty())
                std::cout << (r.still_pending
                                  ? text::st_fill("nothing due; {n} pending, next try {time}",
                                                {{"n", std::to_string(r.still_pending)},
                                                 {"time", r.next_due ? at_local(*r.next_due) : text::st_fill("never (stopped)", {})}})
                                  : text::st_fill("outbox empty: everything delivered", {}))
                          << "\n";
        }
        if (once || r.still_pending == 0 || !r.next_due) break;
        // Stay until the outbox is empty, sleeping until the next bundle is due (re-checking at
        // least every 15 minutes, so a bundle exported meanwhile is not left waiting).
        const Instant wake = std::min<Instant>(*r.next_due, now + 900);
        std::this_thread::sleep_for(std::chrono::seconds(std::max<Instant>(1, wake - ctx.now())));
    }
    return needs_person ? 2 : 0;
}

// --signer takes a base64 public key, or a file listing one key per line (text after the key,
// such as the centre's name, is ignored).
std::vector<std::string> trusted_signers(const std::vector<std::string>& args) {
    std::vector<std::string> keys;
    for (const auto& a : args) {
        if (!fs::exists(a)) {
            keys.push_back(a);
            continue;
        }
        std::istringstream lines(read_whole(a, "signer list"));
        for (std::string line; std::getline(lines, line);) {
            const auto start = line.find_first_not_of(" \t");
            if (start == std::string::npos || line[start] == '#') continue;
            keys.push_back(line.substr(start, line.find_first_of(" \t\r", start) - start));
        }
    }
    return keys;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

}  // namespace

void add_upload_commands(CLI::App& app, Context& ctx) {
    {
        struct ExportArgs {
            Id site = 0;
            std::string period, out, config;
        };
        auto args = std::make_shared<ExportArgs>();
        auto* cmd = app.add_subcommand("export", "Build the municipality extract for a site and period and queue it for upload");
        cmd->add_option("--site", args->site, "Site id (may be left out when there is one site)");
        cmd->add_option("--period", args->period, "Month (2026-11) or quarter (2026-Q4); default: last month");
        cmd->add_option("--out", args->out, "Also write the bundle (.tar) to this file");
        cmd->add_option("--config", args->config, "Upload config, to sign and seal the bundle now (default as for upload)");
        cmd->callback([&ctx, args] {
            auto db = ctx.open();
            const Id s = resolve_site(*db, args->site);
            const std::string p = args->period.empty() ? previous_month(*db, s, ctx.now()) : args->period;
            const exporting::QueuedBundle q = exporting::export_bundle(*db, s, p, ctx.now());
            if (!args->out.empty()) {
                auto get = db->prepare("SELECT content FROM bundle WHERE id = ?");
                get.bind(q.id);
                if (get.step()) write_file_replacing(args->out, get.blob(0));
            }
            // Signed (and sealed) once, now, when the target is known; otherwise at the first
            // attempt. Either way every attempt sends the same bytes.
            std::optional<upload::Wire> wire;
            std::string later;
            try {
                const upload::UploadTarget target = upload::load_target(config_path(*db, ctx, args->config));
                wire = upload::prepare_wire(*db, target, q.id, ctx.now());
            } catch (const std::exception& e) {
                later = text::st_fill("not signed yet: {why}; it is signed and sealed at its first upload", {{"why", e.what()}});
            }
            if (ctx.json) {
                nlohmann::json j{{"id", q.id}, {"site", q.site_id}, {"period", q.period}, {"sha256", q.sha256},
                                 {"size", q.size}, {"reused", q.reused},
                                 {"file", wire ? wire->file_name : exporting::bundle_file_name(q.site_id, q.period, q.id)}};
                if (wire) j["file_sha256"] = wire->sha256;
                return print_json(j);
            }
            std::cout << (q.reused ? text::st_fill("unchanged since the bundle already queued: ", {})
                                   : text::st_fill("queued for upload: ", {}))
                      << (wire ? wire->file_name : exporting::bundle_file_name(q.site_id, q.period, q.id)) << "\n  "
                      << text::st_fill("archive sha256 {sha}, {size} bytes", {{"sha", q.sha256}, {"size", std::to_string(q.size)}})
                      << "\n";
            if (wire) std::cout << "  " << text::st_fill("file sha256 {sha} (signed{sealed})",
                                                       {{"sha", wire->sha256},
                                                        {"sealed", wire->file_name.ends_with(".sealed") ? ", sealed" : ""}})
                                << "\n";
            else std::cout << "  " << later << "\n";
        });
    }
    {
        struct UploadArgs {
            bool once = false, status = false, now = false;
            std::string config, resume;
        };
        auto args = std::make_shared<UploadArgs>();
        auto* cmd = app.add_subcommand("upload", "Send pending bundles to the municipality (see docs/upload.md)");
        cmd->add_flag("--once", args->once, "One pass over the due bundles, then exit (for a timer)");
        cmd->add_flag("--now", args->now, "Try pending bundles now instead of waiting for their backoff");
        cmd->add_flag("--status", args->status, "Show pending, failed and delivered bundles; send nothing");
        cmd->add_option("--resume", args->resume, "Try a stopped bundle again (after fixing what its status says)");
        cmd->add_option("--config", args->config, "Upload config file (owner-only; default upload.json beside the database)");
        cmd->callback([&ctx, args] {
            if (!args->resume.empty()) {
                auto db = ctx.open();
                if (!upload::resume_bundle(*db, args->resume, ctx.now()))
                    throw std::runtime_error(text::st_fill("no stopped bundle {id}", {{"id", args->resume}}));
                std::cout << text::st_fill("bundle {id} will be tried at the next run", {{"id", args->resume}}) << "\n";
                return;
            }
            if (!args->status) {
                const int rc = run_upload(ctx, args->config, args->once, args->now);
                if (rc != 0) throw CLI::RuntimeError(rc);
                return;
            }
            auto db = ctx.open();
            const std::string problem = upload::config_problem(config_path(*db, ctx, args->config));
            const auto list = upload::outbox_status(*db, ctx.now());
            if (ctx.json) {
                nlohmann::json j{{"bundles", nlohmann::json::array()}};
                if (!problem.empty()) j["config_error"] = problem;
                for (const auto& s : list) j["bundles"].push_back(status_json(s));
                return print_json(j);
            }
            if (!problem.empty()) std::cout << problem << "\n\n";
            if (list.empty()) std::cout << text::st_fill("the outbox is empty: nothing exported yet", {}) << "\n";
            for (const auto& s : list) {
                // The state in the staff language (the msgids are the window's state labels).
                const bool unverified = s.state == "delivered-unverified";
                std::cout << (unverified ? text::st("delivered, unverified") : text::st(s.state.c_str())) << "  "
                          << (s.file_name.empty() ? exporting::bundle_file_name(s.site_id, s.period, s.id) : s.file_name)
                          << "  " << (s.attempts == 1 ? text::st_fill("{n} attempt", {{"n", "1"}})
                                            : text::st_fill("{n} attempts", {{"n", std::to_string(s.attempts)}}))
                          << "\n";
                std::cout << "    " << upload::explain(s, at_local) << "\n";
                if (!s.last_message.empty()) std::cout << "    " << text::st_fill("last:", {}) << " " << s.last_message << "\n";
                std::cout << "    " << text::st_fill("archive sha256", {}) << " " << s.sha256;
                if (!s.wire_sha256.empty()) std::cout << "; " << text::st_fill("file sha256", {}) << " " << s.wire_sha256;
                std::cout << "\n";
            }
        });
    }
    {
        struct SigningKeyArgs {
            std::string config;
        };
        auto args = std::make_shared<SigningKeyArgs>();
        auto* cmd = app.add_subcommand("signing-key", "Print the centre's public signing key for the municipality (made if missing)");
        cmd->add_option("--config", args->config, "Upload config (its \"signing_key\" names the key file)");
        cmd->callback([&ctx, args] {
            auto db = ctx.open();
            std::optional<upload::UploadTarget> target;
            const std::string path = config_path(*db, ctx, args->config);
            if (fs::exists(path)) target = upload::load_target(path);
            const std::string key_path = upload::signing_key_path(*db, target ? &*target : nullptr);
            bool created = false;
            const upload::SigningKey key = upload::load_or_create_signing_key(key_path, &created);
            if (ctx.json) return print_json({{"public_key", key.public_key_base64}, {"file", key_path}, {"created", created}});
            std::cout << text::st_fill("the centre's public signing key (give it to the municipality; it is not secret):", {})
                      << "\n  " << key.public_key_base64 << "\n"
                      << (created ? text::st_fill("made now and kept in {path} (owner-only)", {{"path", key_path}})
                                  : text::st_fill("kept in {path} (owner-only)", {{"path", key_path}}))
                      << "\n";
        });
    }
    {
        struct OpenArgs {
            std::string key_file, bundle_file, out, expect_sha;
            std::vector<std::string> signers;
            bool unsigned_ok = false;
        };
        auto args = std::make_shared<OpenArgs>();
        auto* cmd = app.add_subcommand("open-bundle", "Municipality side: decrypt a bundle, verify it, print or unpack it");
        cmd->add_option("--key", args->key_file, "Secret key file from 'keygen' (needed for .sealed bundles)");
        cmd->add_option("--signer", args->signers,
                        "A centre's public signing key, or a file of them (one per line); the bundle must be signed by one");
        cmd->add_flag("--unsigned-ok", args->unsigned_ok, "Accept a bundle made before bundles were signed");
        cmd->add_option("--sha256", args->expect_sha, "Digest the bundle must have (from a receipt or the status list)");
        cmd->add_option("--out", args->out, "Folder to unpack every file into (default: print extract.json)");
        cmd->add_option("bundle", args->bundle_file, "The .tar.sealed, .tar.signed or .tar file")->required();
        cmd->callback([&ctx, args] {
            const std::string file = read_whole(args->bundle_file, "bundle");
            const std::string file_digest = exporting::sha256_hex(file);
            std::string bytes = file;
            if (upload::is_sealed(bytes)) {
                if (args->key_file.empty())
                    throw std::runtime_error(text::st_fill("{path} is sealed: give the secret key with --key", {{"path", args->bundle_file}}));
                upload::require_private_file(args->key_file, "secret key");
                std::string key = read_whole(args->key_file, "secret key");
                bytes = upload::open_sealed(bytes, key);
            }
            std::string signer;
            if (upload::is_signed(bytes)) {
                if (args->signers.empty())
                    throw std::runtime_error(text::st("the bundle is signed; say which centres you trust with --signer KEY (the "
                                                      "key 'indgang-admin signing-key' prints at the centre) or --signer FILE"));
                upload::OpenedSignature opened = upload::open_signed(bytes, trusted_signers(args->signers));
                signer = opened.signer_base64;
                bytes = std::move(opened.archive);
            } else if (!args->unsigned_ok) {
                throw std::runtime_error(text::st("the bundle is not signed, so who sent it cannot be checked; --unsigned-ok "
                                                  "accepts it anyway"));
            }
            const std::string digest = exporting::sha256_hex(bytes);
            // The receipt and the status list show the file's digest, the export shows the
            // archive's: either identifies this bundle. Hex is compared without regard to case.
            const std::string want = lower(args->expect_sha);
            if (!want.empty() && want != digest && want != file_digest)
                throw std::runtime_error(text::st_fill("bundle digest {digest} (file {file}) differs from the expected {want}",
                                                       {{"digest", digest}, {"file", file_digest}, {"want", want}}));
            const auto files = exporting::verify_archive(bytes);   // every file against SHA256SUMS
            const std::string signed_by = signer.empty() ? "" : text::st_fill("; signed by {key}", {{"key", signer}});
            if (!args->out.empty()) {
                fs::create_directories(args->out);
                for (const auto& f : files) {
                    const std::string base = f.name.substr(f.name.rfind('/') + 1);
                    write_file_replacing((fs::path(args->out) / base).string(), f.bytes);
                }
                if (ctx.json)
                    return print_json({{"sha256", digest}, {"file_sha256", file_digest}, {"signer", signer},
                                       {"files", files.size()}, {"out", args->out}});
                std::cerr << text::st_fill("verified sha256 {digest}{signed}; {n} files written to {path}",
                                           {{"digest", digest}, {"signed", signed_by}, {"n", std::to_string(files.size())},
                                            {"path", args->out}})
                          << "\n";
                return;
            }
            for (const auto& f : files)
                if (f.name.size() >= 12 && f.name.compare(f.name.size() - 12, 12, "extract.json") == 0)
                    std::cout << f.bytes;
            std::cerr << text::st_fill("verified sha256 {digest}{signed}", {{"digest", digest}, {"signed", signed_by}}) << "\n";
        });
    }
    {
        auto secret_out = std::make_shared<std::string>();
        auto* cmd = app.add_subcommand("keygen", "Municipality side: make the keypair bundles are sealed to");
        cmd->add_option("--secret-out", *secret_out, "Where to keep the secret key (written owner-only)")->required();
        cmd->callback([&ctx, secret_out] {
            const upload::KeyPair kp = upload::generate_keypair();
            write_new_private(*secret_out, kp.secret_key_base64 + "\n");
            if (ctx.json) return print_json({{"municipality_public_key", kp.public_key_base64}, {"secret_key_file", *secret_out}});
            std::cout << text::st_fill("secret key written to {path} (keep it; never send it)", {{"path", *secret_out}}) << "\n"
                      << text::st("give each værested this line for its upload config:") << "\n"
                      << "  \"municipality_public_key\": \"" << kp.public_key_base64 << "\"\n";
        });
    }
}

}  // namespace indgang::admin
