// One delivery attempt against real servers on loopback: every fault gives a clear, classified
// result and nothing under the final name; the good path stores exactly the bytes sent.
#include "loopback.hpp"

#include "core/export/digest.hpp"
#include "core/upload/transport.hpp"

#include <doctest/doctest.h>
#include <sodium.h>

#include <chrono>

using namespace indgang::upload;
using loopback::servers;
namespace fs = std::filesystem;

namespace {

Payload make_payload(const std::string& id, size_t size = 64 * 1024) {
    REQUIRE(sodium_init() >= 0);
    Payload p;
    p.bundle_id = id;
    p.file_name = "indgang-test-" + id + ".tar";
    p.bytes.resize(size);
    unsigned char seed[randombytes_SEEDBYTES] = {};
    seed[0] = static_cast<unsigned char>(id.size());
    randombytes_buf_deterministic(p.bytes.data(), p.bytes.size(), seed);
    p.sha256 = indgang::exporting::sha256_hex(p.bytes);
    return p;
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("HTTPS PUT stores the exact bytes and verifies them by reading back") {
    auto& s = servers();
    const Payload p = make_payload("put-ok");
    const AttemptResult r = deliver(loopback::https_target(s.nginx->port), p);
    INFO(r.message);
    CHECK(r.outcome == Outcome::Delivered);
    CHECK(r.http_status == 201);
    CHECK(loopback::read_file(s.nginx->drop_dir / p.file_name) == p.bytes);
    CHECK(contains(r.receipt, p.sha256));
    // The same bundle again (a retry after a lost reply) replaces the file instead of adding one.
    const AttemptResult again = deliver(loopback::https_target(s.nginx->port), p);
    CHECK(again.outcome == Outcome::Delivered);
    CHECK(again.http_status == 204);
}

TEST_CASE("HTTPS faults are classified and store nothing") {
    auto& s = servers();
    const Payload p = make_payload("put-faults");
    const fs::path stored = s.nginx->drop_dir / p.file_name;

    SUBCASE("401: wrong token") {
        UploadTarget t = loopback::https_target(s.nginx->port);
        t.bearer_token = "wrong";
        const AttemptResult r = deliver(t, p);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(r.http_status == 401);
        CHECK(contains(r.message, "credentials"));
    }
    SUBCASE("503 with Retry-After") {
        s.nginx->set_flag("busy", true);
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port), p);
        s.nginx->set_flag("busy", false);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(r.http_status == 503);
        REQUIRE(r.retry_after_seconds.has_value());
        CHECK(*r.retry_after_seconds == 120);
        CHECK(contains(r.message, "wait 120 s"));
    }
    SUBCASE("500") {
        s.nginx->set_flag("broken", true);
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port), p);
        s.nginx->set_flag("broken", false);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(r.http_status == 500);
    }
    SUBCASE("captive portal: 200 with HTML is not a delivery") {
        s.nginx->set_flag("portal", true);
        const AttemptResult r = deliver(loopback::https_target(s.nginx->port), p);
        s.nginx->set_flag("portal", false);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(contains(r.message, "captive portal"));
    }
    SUBCASE("server down") {
        const AttemptResult r = deliver(loopback::https_target(loopback::free_port()), p);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(contains(r.message, "could not connect"));
    }
    SUBCASE("certificate for another host") {
        const AttemptResult r = deliver(loopback::https_target(s.nginx->wrong_host_port), p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "not trusted"));
    }
    SUBCASE("self-signed certificate") {
        const AttemptResult r = deliver(loopback::https_target(s.nginx->self_signed_port), p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "not trusted"));
    }
    SUBCASE("wrong pinned public key") {
        UploadTarget t = loopback::https_target(s.nginx->port);
        t.pinned_public_key = s.pki.other_pin;
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "pinned"));
    }
    SUBCASE("stalled server times out within the stall limit") {
        loopback::Relay relay(s.nginx->port);
        relay.set_mode(loopback::Relay::Mode::Stall, 0);
        const auto start = std::chrono::steady_clock::now();
        const AttemptResult r = deliver(loopback::https_target(relay.port), p);
        const auto secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        INFO(r.message);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(contains(r.message, "timed out"));
        CHECK(secs < 8.0);
    }
    SUBCASE("connection cut mid-transfer") {
        loopback::Relay relay(s.nginx->port);
        relay.set_mode(loopback::Relay::Mode::Cut, 16 * 1024);   // after the handshake, inside the body
        const AttemptResult r = deliver(loopback::https_target(relay.port), p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Retry);
        CHECK(contains(r.message, "cut"));
    }
    CHECK_FALSE(fs::exists(stored));
}

TEST_CASE("HTTPS with the right pin and through a healthy relay delivers") {
    auto& s = servers();
    const Payload p = make_payload("put-pinned");
    UploadTarget t = loopback::https_target(s.nginx->port);
    t.pinned_public_key = s.pki.server_pin;
    CHECK(deliver(t, p).outcome == Outcome::Delivered);
    loopback::Relay relay(s.nginx->port);
    const Payload q = make_payload("put-relayed");
    CHECK(deliver(loopback::https_target(relay.port), q).outcome == Outcome::Delivered);
    CHECK(loopback::read_file(s.nginx->drop_dir / q.file_name) == q.bytes);
}

TEST_CASE("client certificate authentication") {
    auto& s = servers();
    const Payload p = make_payload("client-cert");
    UploadTarget t = loopback::https_target(s.nginx->client_cert_port, "/certdrop/");
    t.bearer_token.clear();
    const AttemptResult without = deliver(t, p);
    CHECK(without.outcome == Outcome::Failed);
    t.client_certificate = s.pki.client_cert.string();
    t.client_key = s.pki.client_key.string();
    const AttemptResult with = deliver(t, p);
    INFO(with.message);
    CHECK(with.outcome == Outcome::Delivered);
    CHECK(loopback::read_file(s.nginx->cert_drop_dir / p.file_name) == p.bytes);
}

TEST_CASE("API POST: the receipt must echo the digest") {
    auto& s = servers();
    const Payload p = make_payload("api-post");
    UploadTarget t = loopback::https_target(s.nginx->port, "/api/bundles");
    t.protocol = Protocol::HttpsPost;
    t.confirm = Confirm::Receipt;
    const AttemptResult r = deliver(t, p);
    INFO(r.message);
    CHECK(r.outcome == Outcome::Delivered);
    CHECK(contains(r.receipt, p.sha256));
    CHECK(s.api.stored().at("api-post") == p.bytes);

    s.api.wrong_digest = true;
    const AttemptResult bad = deliver(t, make_payload("api-bad-receipt"));
    s.api.wrong_digest = false;
    CHECK(bad.outcome == Outcome::Retry);
    CHECK(contains(bad.message, "does not match"));

    s.nginx->set_flag("portal", true);
    UploadTarget portal = t;
    set_url(portal, "https://127.0.0.1:" + std::to_string(s.nginx->port) + "/drop/login", "test");
    const AttemptResult html = deliver(portal, make_payload("api-portal"));
    s.nginx->set_flag("portal", false);
    CHECK(html.outcome == Outcome::Retry);
    CHECK(contains(html.message, "not a JSON receipt"));
}

TEST_CASE("SFTP uploads under a temporary name, renames, and reads back") {
    auto& s = servers();
    const Payload p = make_payload("sftp-ok");
    const AttemptResult r = deliver(loopback::sftp_target(s.sshd->port), p);
    INFO(r.message);
    REQUIRE(r.outcome == Outcome::Delivered);
    CHECK(loopback::read_file(s.sshd->upload_dir / p.file_name) == p.bytes);
    CHECK_FALSE(fs::exists(s.sshd->upload_dir / ("." + p.file_name + ".part")));
    // Again with different bytes under the same name (a re-sealed retry): replaced, still one file.
    Payload q = make_payload("sftp-ok", 1000);
    const AttemptResult again = deliver(loopback::sftp_target(s.sshd->port), q);
    INFO(again.message);
    CHECK(again.outcome == Outcome::Delivered);
    CHECK(loopback::read_file(s.sshd->upload_dir / p.file_name) == q.bytes);
}

TEST_CASE("SFTP faults: unknown or changed host key, cut transfer") {
    auto& s = servers();
    const Payload p = make_payload("sftp-faults", 256 * 1024);
    SUBCASE("host key not in known_hosts") {
        UploadTarget t = loopback::sftp_target(s.sshd->port);
        t.known_hosts = s.sshd->empty_known_hosts.string();
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "not in known_hosts"));
    }
    SUBCASE("host key differs from known_hosts") {
        UploadTarget t = loopback::sftp_target(s.sshd->port);
        t.known_hosts = s.sshd->wrong_known_hosts.string();
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Failed);
        CHECK(contains(r.message, "does NOT match"));
    }
    SUBCASE("connection cut mid-transfer") {
        loopback::Relay relay(s.sshd->port);
        relay.set_mode(loopback::Relay::Mode::Cut, 64 * 1024);
        UploadTarget t = loopback::sftp_target(relay.port);
        // known_hosts names the host with the server's port; the relay has its own.
        const std::string line = loopback::read_file(s.sshd->known_hosts);
        const fs::path kh = s.sshd->upload_dir.parent_path() / "relay_known_hosts";
        loopback::write_file(kh, "[127.0.0.1]:" + std::to_string(relay.port) + line.substr(line.find(' ')));
        t.known_hosts = kh.string();
        const AttemptResult r = deliver(t, p);
        INFO(r.message);
        CHECK(r.outcome == Outcome::Retry);
    }
    CHECK_FALSE(fs::exists(s.sshd->upload_dir / p.file_name));
}

}  // TEST_SUITE
