// Outbox rules without a network: backoff, Retry-After, claiming, the attempt log; plus sealing
// and the config file's permission check.
#include "extract_world.hpp"

#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/outbox.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/signature.hpp"
#include "core/upload/target.hpp"

#include <doctest/doctest.h>

using namespace indgang;
using namespace indgang::upload;
using extract_world::World;
using extract_world::kExportTime;

namespace {

UploadTarget fake_target(const std::string& url = "https://drop.example/indgang/") {
    UploadTarget t;
    set_url(t, url, "test");
    return t;
}

// The signing key export and the outbox use: signing.key beside the test database.
SigningKey world_key(World& w) { return load_or_create_signing_key(signing_key_path(*w.db, nullptr)); }

}  // namespace

TEST_CASE("backoff doubles from a minute, is capped, jittered, and honours Retry-After") {
    const Instant now = 1000000;
    CHECK(next_attempt_time(1, now, std::nullopt, 0.0) == now + 30);
    CHECK(next_attempt_time(1, now, std::nullopt, 0.999999) == now + 59);
    CHECK(next_attempt_time(2, now, std::nullopt, 0.0) == now + 60);
    CHECK(next_attempt_time(3, now, std::nullopt, 0.0) == now + 120);
    CHECK(next_attempt_time(40, now, std::nullopt, 0.999999) <= now + 6 * 3600);
    CHECK(next_attempt_time(40, now, std::nullopt, 0.0) >= now + 3 * 3600);
    CHECK(next_attempt_time(1, now, 600L, 0.5) == now + 600);          // the server said 10 minutes
    CHECK(next_attempt_time(12, now, 5L, 0.0) > now + 5);              // never sooner than our own backoff
    CHECK(next_attempt_time(1, now, 10L * 86400, 0.0) == now + 86400); // nor parked for days
}

TEST_CASE("the outbox records every attempt and delivers once") {
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    const UploadTarget target = fake_target();
    int calls = 0;
    std::string sent;
    OutboxOptions failing;
    failing.deliver = [&](const UploadTarget&, const Payload& p) {
        ++calls;
        sent = p.bytes;
        AttemptResult r;
        r.outcome = Outcome::Retry;
        r.http_status = 503;
        r.retry_after_seconds = 300;
        r.message = "busy";
        return r;
    };
    RunReport r1 = run_outbox(*w.db, target, kExportTime, failing);
    REQUIRE(r1.attempts.size() == 1);
    CHECK(r1.attempts[0].file_name == exporting::bundle_file_name(w.site, "2026-11", q.id) + ".signed");
    CHECK(r1.attempts[0].next_attempt_at >= kExportTime + 300);
    // What is sent is the archive, signed by the centre's key.
    CHECK(exporting::sha256_hex(open_signed(sent, {world_key(w).public_key_base64}).archive) == q.sha256);
    CHECK(r1.still_pending == 1);
    // Not due yet: a run a minute later leaves it alone.
    CHECK(run_outbox(*w.db, target, kExportTime + 60, failing).attempts.empty());
    CHECK(calls == 1);

    OutboxOptions ok;
    ok.deliver = [&](const UploadTarget&, const Payload& p) {
        ++calls;
        AttemptResult r;
        r.outcome = Outcome::Delivered;
        r.receipt = "{\"sha256\":\"" + p.sha256 + "\"}";
        return r;
    };
    const Instant later = r1.attempts[0].next_attempt_at;
    RunReport r2 = run_outbox(*w.db, target, later, ok);
    CHECK(r2.delivered == 1);
    CHECK(r2.still_pending == 0);
    CHECK(run_outbox(*w.db, target, later + 86400, ok).attempts.empty());
    CHECK(run_outbox(*w.db, target, later + 86400, OutboxOptions{true, ok.deliver}).attempts.empty());
    CHECK(calls == 2);

    const auto status = outbox_status(*w.db, kExportTime);
    REQUIRE(status.size() == 1);
    CHECK(status[0].state == "delivered");
    CHECK(status[0].attempts == 2);
    CHECK(status[0].receipt.value_or("").find(status[0].wire_sha256) != std::string::npos);
    const auto log = attempts_of(*w.db, q.id);
    REQUIRE(log.size() == 2);
    CHECK(log[0].outcome == "retry");
    CHECK(log[0].http_status == 503);
    CHECK(log[0].message == "busy");
    CHECK(log[0].target == "PUT https://drop.example/indgang/");
    CHECK(log[1].outcome == "delivered");
}

TEST_CASE("a bundle claimed by one run is not sent by another, even with send-now") {
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    auto second = db::open_store(w.db->path());
    const UploadTarget target = fake_target();
    int inner_attempts = -1;
    OutboxOptions outer;
    outer.deliver = [&](const UploadTarget&, const Payload&) {
        OutboxOptions now_please{true, [](const UploadTarget&, const Payload&) { return AttemptResult{}; }};
        inner_attempts = static_cast<int>(run_outbox(*second, target, kExportTime, now_please).attempts.size());
        CHECK(outbox_status(*second, kExportTime)[0].state == "sending");
        AttemptResult r;
        r.outcome = Outcome::Failed;
        r.http_status = 401;
        r.message = "the server refused our credentials (HTTP 401)";
        return r;
    };
    run_outbox(*w.db, target, kExportTime, outer);
    CHECK(inner_attempts == 0);
    const auto status = outbox_status(*w.db, kExportTime);
    CHECK(status[0].state == "failed");
    CHECK(status[0].last_message.find("401") != std::string::npos);
    // Send-now skips the backoff once the claim is released.
    OutboxOptions now_ok{true, [](const UploadTarget&, const Payload& p) {
                             AttemptResult r;
                             r.outcome = Outcome::Delivered;
                             r.receipt = p.sha256;
                             return r;
                         }};
    CHECK(run_outbox(*w.db, target, kExportTime + 1, now_ok).delivered == 1);
}

TEST_CASE("sealed bundles open only with the municipality's key") {
    const KeyPair kp = generate_keypair();
    const std::string plain = "the bundle bytes";
    const std::string sealed = seal(plain, kp.public_key_base64);
    CHECK(is_sealed(sealed));
    CHECK(sealed.find(plain) == std::string::npos);
    CHECK(open_sealed(sealed, kp.secret_key_base64) == plain);
    CHECK_THROWS_AS(open_sealed(sealed, generate_keypair().secret_key_base64), SealError);
    std::string tampered = sealed;
    tampered.back() ^= 1;
    CHECK_THROWS_AS(open_sealed(tampered, kp.secret_key_base64), SealError);
    CHECK_THROWS_AS(seal(plain, "not a key"), SealError);

}

TEST_CASE("a config file others can read is refused") {
    loopback::TempDir dir;
    const auto path = dir.path / "upload.json";
    loopback::write_file(path, R"({"url": "https://drop.example/indgang/", "bearer_token": "t0ken"})",
                         std::filesystem::perms(0644));
    CHECK_THROWS_WITH_AS(load_target(path.string()), doctest::Contains("chmod 600"), ConfigError);
    std::filesystem::permissions(path, std::filesystem::perms(0640));
    CHECK_THROWS_AS(load_target(path.string()), ConfigError);
    std::filesystem::permissions(path, std::filesystem::perms(0600));
    const UploadTarget t = load_target(path.string());
    CHECK(t.protocol == Protocol::HttpsPut);
    CHECK(t.bearer_token == "t0ken");

    CHECK_THROWS_WITH_AS(parse_target(R"({"url": "http://drop.example/x/"})", "cfg"),
                         doctest::Contains("https://"), ConfigError);
    CHECK_THROWS_WITH_AS(parse_target(R"({"url": "sftp://u@h/x/", "ssh_private_key": "/nonexistent"})", "cfg"),
                         doctest::Contains("known_hosts"), ConfigError);
    const auto key = dir.path / "id";
    loopback::write_file(key, "KEY", std::filesystem::perms(0644));
    CHECK_THROWS_WITH_AS(
        parse_target(R"({"url": "sftp://u@h/x/", "known_hosts": "/k", "ssh_private_key": ")" + key.string() + "\"}", "cfg"),
        doctest::Contains("ssh private key"), ConfigError);
    CHECK(describe(parse_target(R"({"url": "https://h/x/"})", "cfg")) == "PUT https://h/x/");
}
