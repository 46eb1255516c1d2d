// Issue 14 against real servers on loopback: every case ends delivered exactly once or failed
// with the right message, never duplicated.
#include "extract_world.hpp"

#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/outbox.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/signature.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <chrono>
#include <cstdlib>

using namespace indgang;
using namespace indgang::upload;
using extract_world::World;
using extract_world::kExportTime;
using loopback::servers;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

Payload payload(const std::string& id, size_t size = 64 * 1024) {
    REQUIRE(sodium_init() >= 0);
    Payload p;
    p.bundle_id = id;
    p.file_name = "indgang-trust-" + id + ".tar.signed";
    p.bytes.resize(size);
    unsigned char seed[randombytes_SEEDBYTES] = {};
    seed[0] = static_cast<unsigned char>(id.size());
    seed[1] = static_cast<unsigned char>(id.back());
    randombytes_buf_deterministic(p.bytes.data(), p.bytes.size(), seed);
    p.sha256 = exporting::sha256_hex(p.bytes);
    return p;
}

std::vector<std::string> names_with(const fs::path& dir, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& name : loopback::list_dir(dir))
        if (contains(name, id)) out.push_back(name);
    return out;
}

// Hourly runs for a week, as the systemd timer makes them.
void a_week_of_hourly_runs(World& w, const UploadTarget& t, Instant from) {
    for (int hour = 0; hour < 7 * 24; ++hour) run_outbox(*w.db, t, from + hour * 3600);
}

UploadTarget sftp_in(int port, const fs::path& folder) {
    UploadTarget t = loopback::sftp_target(port);
    set_url(t, "sftp://" + servers().sshd->user + "@127.0.0.1:" + std::to_string(port) + folder.string() + "/", "test");
    return t;
}

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("sealed POST, reply lost: the retry sends the same body, so both kinds of API deliver once") {
    auto& s = servers();
    for (const auto mode : {loopback::ApiBackend::Repeat::Replay, loopback::ApiBackend::Repeat::RejectChanged}) {
        INFO("API mode " << static_cast<int>(mode));
        s.api.forget();
        s.api.repeat = mode;
        World w;
        const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
        UploadTarget t = loopback::https_target(s.nginx->port, "/api/bundles");
        t.protocol = Protocol::HttpsPost;
        t.confirm = Confirm::Receipt;
        t.municipality_public_key = generate_keypair().public_key_base64;
        const int posts_before = s.api.posts();
        s.api.lose_replies = 1;               // the API stores the bundle; its answer never arrives
        const RunReport lost = run_outbox(*w.db, t, kExportTime);
        REQUIRE(lost.attempts.size() == 1);
        INFO(lost.attempts[0].message);
        CHECK(lost.attempts[0].outcome == Outcome::Retry);
        const RunReport retry = run_outbox(*w.db, t, lost.attempts[0].next_attempt_at);
        REQUIRE(retry.attempts.size() == 1);
        INFO(retry.attempts[0].message);
        CHECK(retry.attempts[0].outcome == Outcome::Delivered);
        CHECK(s.api.posts() - posts_before == 2);
        const auto stored = s.api.stored();
        CHECK(stored.count(q.id) == 1);
        const auto status = outbox_status(*w.db, kExportTime);
        CHECK(exporting::sha256_hex(stored.at(q.id)) == status[0].wire_sha256);
        CHECK(status[0].state == "delivered");
        a_week_of_hourly_runs(w, t, lost.attempts[0].next_attempt_at + 1);
        CHECK(s.api.posts() - posts_before == 2);
    }
    s.api.repeat = loopback::ApiBackend::Repeat::Echo;
}

TEST_CASE("an API that rejects a changed body answers 422: failed, said plainly") {
    auto& s = servers();
    s.api.forget();
    s.api.repeat = loopback::ApiBackend::Repeat::RejectChanged;
    UploadTarget t = loopback::https_target(s.nginx->port, "/api/bundles");
    t.protocol = Protocol::HttpsPost;
    t.confirm = Confirm::Receipt;
    CHECK(deliver(t, payload("changed-1")).outcome == Outcome::Delivered);
    Payload other = payload("changed-2");
    other.bundle_id = "changed-1";
    const AttemptResult r = deliver(t, other);
    s.api.repeat = loopback::ApiBackend::Repeat::Echo;
    CHECK(r.outcome == Outcome::Failed);
    CHECK(r.http_status == 422);
    CHECK(contains(r.message, "rejected"));
}

TEST_CASE("a write-only HTTPS drop over a week of hourly runs: one copy, never silent") {
    auto& s = servers();
    const fs::path drop = s.nginx->write_only_dir;
    SUBCASE("marker mode: delivered-unverified after the first run, never sent again") {
        World w;
        const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
        UploadTarget t = loopback::https_target(s.nginx->port, "/wodrop/");
        t.confirm = Confirm::Marker;
        a_week_of_hourly_runs(w, t, kExportTime);
        const auto status = outbox_status(*w.db, kExportTime);
        CHECK(status[0].state == "delivered-unverified");
        CHECK(status[0].attempts == 1);
        CHECK(s.nginx->count_requests("PUT", q.id + ".tar.signed ") == 1);
        const auto names = names_with(drop, q.id);
        REQUIRE(names.size() == 2);               // the bundle and, written after it, its marker
        CHECK(names[0] == status[0].file_name);
        CHECK(names[1] == status[0].file_name + ".klar_til_processering");
        CHECK(loopback::read_file(drop / names[1]) == status[0].wire_sha256 + "  " + status[0].file_name + "\n");
    }
    SUBCASE("read-back mode: one upload, then bounded checks, then stopped with what to do") {
        World w;
        const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
        const UploadTarget t = loopback::https_target(s.nginx->port, "/wodrop/");
        a_week_of_hourly_runs(w, t, kExportTime);
        const auto status = outbox_status(*w.db, kExportTime);
        CHECK(status[0].state == "stopped");
        CHECK(status[0].attempts == kMaxConfirmations);
        CHECK(s.nginx->count_requests("PUT", q.id) == 1);     // 41 copies a week before issue 14
        CHECK(contains(status[0].last_message, "HTTP 403"));
        CHECK(contains(status[0].last_message, "\"confirm\": \"marker\""));
    }
}

TEST_CASE("a write-only SFTP drop whose processor takes files away: one copy over a week") {
    auto& s = servers();
    const fs::path inbox = s.sshd->upload_dir / "inbox", processed = s.sshd->upload_dir / "processed";
    fs::create_directories(inbox);
    loopback::Processor processor(inbox, processed, ".klar_til_processering");
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    UploadTarget t = sftp_in(s.sshd->port, inbox);
    t.confirm = Confirm::Marker;
    a_week_of_hourly_runs(w, t, kExportTime);
    std::this_thread::sleep_for(std::chrono::milliseconds(100));   // the processor's poll
    const auto status = outbox_status(*w.db, kExportTime);
    CHECK(status[0].state == "delivered-unverified");
    CHECK(status[0].attempts == 1);
    CHECK(names_with(inbox, q.id).empty());
    const auto taken = names_with(processed, q.id);
    REQUIRE(taken.size() == 2);
    auto wire = w.db->prepare("SELECT wire FROM bundle WHERE id = ?");
    wire.bind(q.id);
    REQUIRE(wire.step());
    CHECK(loopback::read_file(processed / status[0].file_name) == wire.blob(0));
}

TEST_CASE("%20, ø and a space in HTTPS and SFTP paths are delivered to the one folder they name") {
    auto& s = servers();
    const fs::path https_dir = s.nginx->drop_dir / "Kilden Kø";
    const std::string port = std::to_string(s.nginx->port);
    int n = 0;
    for (const std::string path : {"/drop/Kilden%20K%C3%B8/", "/drop/Kilden Kø/", "/drop/Kilden%20Kø/"}) {
        INFO(path);
        UploadTarget t = loopback::https_target(s.nginx->port);
        set_url(t, "https://127.0.0.1:" + port + path, "test");
        const Payload p = payload("https-path-" + std::to_string(++n));
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Delivered);
        CHECK(loopback::read_file(https_dir / p.file_name) == p.bytes);
        CHECK(names_with(s.nginx->drop_dir, p.bundle_id).empty());   // not beside the folder
    }
    const fs::path sftp_dir = s.sshd->upload_dir / "Kilden Kø";
    fs::create_directories(sftp_dir);
    const std::string base = "sftp://" + s.sshd->user + "@127.0.0.1:" + std::to_string(s.sshd->port) +
                             s.sshd->upload_dir.string();
    for (const std::string folder : {"/Kilden%20K%C3%B8/", "/Kilden Kø/", "/Kilden%20Kø/"}) {
        INFO(folder);
        UploadTarget t = loopback::sftp_target(s.sshd->port);
        set_url(t, base + folder, "test");
        const Payload p = payload("sftp-path-" + std::to_string(++n));
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Delivered);
        CHECK(loopback::read_file(sftp_dir / p.file_name) == p.bytes);
        CHECK(names_with(sftp_dir, p.bundle_id) == std::vector<std::string>{p.file_name});   // no .part left
    }
}

TEST_CASE("an SFTP drop that forbids deleting: a retry after a lost reply confirms, never fails forever") {
    auto& s = servers();
    const fs::path folder = s.sshd->upload_dir / "nodelete";
    fs::create_directories(folder);
    const UploadTarget t = sftp_in(s.sshd->no_delete_port, folder);
    SUBCASE("through the outbox: the earlier copy is found and confirmed, nothing is uploaded") {
        World w;
        const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
        const Wire wire = prepare_wire(*w.db, t, q.id, kExportTime);
        // The first attempt landed, and its reply was lost (the attempt is on record as cut).
        loopback::write_file(folder / wire.file_name, wire.bytes);
        w.db->prepare("INSERT INTO upload_attempt (bundle_id, at, target, outcome, message) VALUES (?, ?, 'x', 'retry', 'cut')")
            .bind(q.id, kExportTime)
            .exec();
        const RunReport r = run_outbox(*w.db, t, kExportTime);
        REQUIRE(r.attempts.size() == 1);
        INFO(r.attempts[0].message);
        CHECK(r.attempts[0].outcome == Outcome::Delivered);
        CHECK(contains(r.attempts[0].message, "already stored"));
        CHECK(names_with(folder, q.id) == std::vector<std::string>{wire.file_name});
    }
    SUBCASE("the rename fails because the final name exists: confirmed by reading it back") {
        const Payload p = payload("nodelete-rename");
        loopback::write_file(folder / p.file_name, p.bytes);
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Delivered);
        CHECK(contains(r.message, "does not allow replacing"));
        CHECK(loopback::read_file(folder / p.file_name) == p.bytes);
    }
}

TEST_CASE("one attempt, all its requests together, ends within total_timeout_seconds") {
    auto& s = servers();
    s.api.forget();
    UploadTarget t = loopback::https_target(s.nginx->port, "/scripted/slow/");
    t.stall_timeout_seconds = 30;
    t.total_timeout_seconds = 3;              // the PUT takes 2 s and the read-back 2 s more
    const auto start = std::chrono::steady_clock::now();
    const AttemptResult r = deliver(t, payload("slow-1", 1000));
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    INFO(r.message << " after " << secs << " s");
    MESSAGE("PUT 2 s + read-back 2 s with total_timeout_seconds 3: the attempt ended after " << secs << " s");
    CHECK(r.outcome == Outcome::Retry);
    CHECK(contains(r.message, "timed out"));
    CHECK(secs < 3.5);
    CHECK(static_cast<double>(claim_seconds(t)) > secs + 60);
    t.total_timeout_seconds = 6;              // both fit: the same server does deliver
    CHECK(deliver(t, payload("slow-2", 1000)).outcome == Outcome::Delivered);
}

TEST_CASE("classification: 202 accepted, permanent redirect, outdated TLS, proxy login, full SFTP drop") {
    auto& s = servers();
    SUBCASE("202 on a PUT is accepted, as in OpenRosa; the read-back confirms") {
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port, "/scripted/accepted/"), payload("accepted"));
        INFO(r.message);
        CHECK(r.outcome == Outcome::Delivered);
        CHECK(r.http_status == 202);
    }
    SUBCASE("308: moved for good is a configuration fault, not retried for days") {
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port, "/scripted/moved/"), payload("moved"));
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "moved for good"));
        CHECK(contains(r.message, "https://new.example/drop/"));
    }
    SUBCASE("a TLS 1.0-only server is outdated, not a cut connection") {
        const AttemptResult r = deliver(loopback::https_target(s.nginx->old_tls_port), payload("oldtls"));
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "outdated"));
        CHECK_FALSE(contains(r.message, "was cut"));
    }
    SUBCASE("a proxy that wants a login (407)") {
        loopback::LoginProxy proxy;
        const std::string proxy_url = "http://127.0.0.1:" + std::to_string(proxy.port);
        ::setenv("https_proxy", proxy_url.c_str(), 1);
        const char* no_proxy = std::getenv("no_proxy");
        const std::string saved = no_proxy ? no_proxy : "";
        ::unsetenv("no_proxy");
        ::unsetenv("NO_PROXY");
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port), payload("proxy"));
        ::unsetenv("https_proxy");
        if (no_proxy) ::setenv("no_proxy", saved.c_str(), 1);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "proxy"));
        CHECK(contains(r.message, "407"));
        CHECK_FALSE(contains(r.message, "was cut"));
    }
    SUBCASE("an SFTP drop that is full says so, not 'Error in the SSH layer'") {
        const fs::path folder = s.sshd->upload_dir / "full";
        fs::create_directories(folder);
        const Payload p = payload("full", 512 * 1024);
        const AttemptResult r = deliver(sftp_in(s.sshd->full_port, folder), p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(contains(r.message, "full"));
        CHECK_FALSE(fs::exists(folder / p.file_name));
    }
}

TEST_CASE("a fault in the target is said once per run, not once per bundle") {
    auto& s = servers();
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-10", kExportTime);
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    const RunReport r = run_outbox(*w.db, loopback::https_target(s.nginx->port, "/scripted/moved/"), kExportTime);
    REQUIRE(r.attempts.size() == 1);
    CHECK(r.attempts[0].outcome == Outcome::Failed);
    REQUIRE(r.waiting.size() == 1);
    CHECK(contains(r.waiting[0], "1 more bundle"));
    CHECK(r.still_pending == 2);
}

}  // TEST_SUITE
