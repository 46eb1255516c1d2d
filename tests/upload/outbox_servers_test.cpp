// The whole path against real servers: a fault leaves the bundle pending with a clear message,
// and a later run (once the fault is gone and the backoff has passed) delivers it exactly once,
// byte for byte.
#include "extract_world.hpp"

#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/outbox.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/signature.hpp"

#include <doctest/doctest.h>

#include <functional>

using namespace indgang;
using namespace indgang::upload;
using extract_world::World;
using extract_world::kExportTime;
using loopback::servers;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> files_with(const fs::path& dir, const std::string& id) {
    std::vector<std::string> out;
    for (const auto& name : loopback::list_dir(dir))
        if (name.find(id) != std::string::npos) out.push_back(name);
    return out;
}

// The bytes the outbox made for a bundle (signed, maybe sealed): what must arrive.
std::string wire_of(db::Db& db, const std::string& id) {
    auto s = db.prepare("SELECT wire FROM bundle WHERE id = ?");
    s.bind(id);
    REQUIRE(s.step());
    return s.blob(0);
}

struct Fault {
    std::string name;
    UploadTarget broken;                      // the target while the fault lasts
    std::string expect;                       // in the attempt's message
    std::function<void()> begin = [] {};
    std::function<void()> end = [] {};
};

// Runs one fault through the outbox and then the repaired target; checks everything on the way.
void fault_then_delivery(Fault f, const UploadTarget& good, const fs::path& drop) {
    INFO("fault: " << f.name);
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    f.begin();
    const RunReport first = run_outbox(*w.db, f.broken, kExportTime);
    f.end();
    REQUIRE(first.attempts.size() == 1);
    INFO("message: " << first.attempts[0].message);
    CHECK(first.attempts[0].outcome != Outcome::Delivered);
    CHECK(first.attempts[0].message.find(f.expect) != std::string::npos);
    CHECK(first.still_pending == 1);
    CHECK(outbox_status(*w.db, kExportTime)[0].state != "delivered");
    const std::string content = wire_of(*w.db, q.id);
    // Nothing under the final name (a cut SFTP transfer may leave its hidden temp file).
    const std::string final_name = exporting::bundle_file_name(w.site, "2026-11", q.id) + ".signed";
    CHECK_FALSE(fs::exists(drop / final_name));
    for (const auto& name : files_with(drop, q.id)) CHECK(name == "." + final_name + ".part");

    // Before the backoff has run out nothing is sent; afterwards exactly one copy arrives.
    CHECK(run_outbox(*w.db, good, kExportTime + 1).attempts.empty());
    const Instant due = first.attempts[0].next_attempt_at;
    const RunReport second = run_outbox(*w.db, good, due);
    REQUIRE(second.attempts.size() == 1);
    INFO("retry: " << second.attempts[0].message);
    CHECK(second.delivered == 1);
    const auto names = files_with(drop, q.id);
    REQUIRE(names.size() == 1);
    CHECK(names[0] == final_name);
    CHECK(loopback::read_file(drop / names[0]) == content);
    CHECK(run_outbox(*w.db, good, due + 7 * 86400).attempts.empty());
    const auto log = attempts_of(*w.db, q.id);
    REQUIRE(log.size() == 2);
    CHECK(log[1].outcome == "delivered");
    fs::remove(drop / names[0]);
}

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("HTTPS faults leave the bundle pending; a later run delivers it exactly once") {
    auto& s = servers();
    auto& nginx = *s.nginx;
    const UploadTarget good = loopback::https_target(nginx.port);
    const fs::path drop = nginx.drop_dir;

    fault_then_delivery({"server down", good, "could not connect", [&] { nginx.stop(); }, [&] { nginx.start(); }},
                        good, drop);
    fault_then_delivery({"503 with Retry-After", good, "wait 120 s", [&] { nginx.set_flag("busy", true); },
                         [&] { nginx.set_flag("busy", false); }},
                        good, drop);
    fault_then_delivery({"500", good, "HTTP 500", [&] { nginx.set_flag("broken", true); },
                         [&] { nginx.set_flag("broken", false); }},
                        good, drop);
    UploadTarget bad_token = good;
    bad_token.bearer_token = "expired";
    fault_then_delivery({"401", bad_token, "credentials"}, good, drop);
    fault_then_delivery({"captive portal", good, "captive portal", [&] { nginx.set_flag("portal", true); },
                         [&] { nginx.set_flag("portal", false); }},
                        good, drop);
    fault_then_delivery({"certificate for another host", loopback::https_target(nginx.wrong_host_port), "not trusted"}, good, drop);
    fault_then_delivery({"self-signed certificate", loopback::https_target(nginx.self_signed_port), "not trusted"}, good, drop);
    UploadTarget wrong_pin = good;
    wrong_pin.pinned_public_key = s.pki.other_pin;
    fault_then_delivery({"wrong pinned key", wrong_pin, "pinned"}, good, drop);
    {
        loopback::Relay relay(nginx.port);
        relay.set_mode(loopback::Relay::Mode::Stall, 0);
        fault_then_delivery({"stalled server", loopback::https_target(relay.port), "timed out"}, good, drop);
    }
    {
        loopback::Relay relay(nginx.port);
        relay.set_mode(loopback::Relay::Mode::Cut, 3000);
        fault_then_delivery({"connection cut mid-transfer", loopback::https_target(relay.port), "cut"}, good, drop);
    }
}

TEST_CASE("the 503's Retry-After pushes the next attempt out") {
    auto& nginx = *servers().nginx;
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    nginx.set_flag("busy", true);
    const RunReport r = run_outbox(*w.db, loopback::https_target(nginx.port), kExportTime);
    nginx.set_flag("busy", false);
    REQUIRE(r.attempts.size() == 1);
    CHECK(r.attempts[0].next_attempt_at >= kExportTime + 120);
    CHECK(attempts_of(*w.db, r.attempts[0].bundle_id)[0].http_status == 503);
}

TEST_CASE("SFTP faults leave the bundle pending; a later run delivers it exactly once") {
    auto& sshd = *servers().sshd;
    const UploadTarget good = loopback::sftp_target(sshd.port, sshd.known_hosts);
    fault_then_delivery({"unknown SFTP host key", loopback::sftp_target(sshd.port, sshd.empty_known_hosts), "not in known_hosts"},
                        good, sshd.upload_dir);
    fault_then_delivery({"changed SFTP host key", loopback::sftp_target(sshd.port, sshd.wrong_known_hosts), "does NOT match"},
                        good, sshd.upload_dir);
    fault_then_delivery({"SFTP server down", loopback::sftp_target(loopback::free_port(), sshd.known_hosts), "could not connect"},
                        good, sshd.upload_dir);
    // The cut leaves at most a temp file, never the final name; the retry replaces it.
    loopback::Relay relay(sshd.port);
    relay.set_mode(loopback::Relay::Mode::Cut, 4000);
    const std::string line = loopback::read_file(sshd.known_hosts);
    const fs::path kh = sshd.upload_dir.parent_path() / "outbox_relay_known_hosts";
    loopback::write_file(kh, "[127.0.0.1]:" + std::to_string(relay.port) + line.substr(line.find(' ')));
    fault_then_delivery({"SFTP connection cut", loopback::sftp_target(relay.port, kh), "SFTP"}, good, sshd.upload_dir);
}

TEST_CASE("sealed for the municipality: the drop holds only ciphertext, the key opens it") {
    auto& s = servers();
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    const KeyPair municipality = generate_keypair();
    UploadTarget t = loopback::sftp_target(s.sshd->port, s.sshd->known_hosts);
    t.municipality_public_key = municipality.public_key_base64;
    const RunReport r = run_outbox(*w.db, t, kExportTime);
    REQUIRE(r.delivered == 1);
    const auto names = files_with(s.sshd->upload_dir, q.id);
    REQUIRE(names.size() == 1);
    CHECK(names[0].size() > 7);
    CHECK(names[0].substr(names[0].size() - 7) == ".sealed");
    const std::string sealed = loopback::read_file(s.sshd->upload_dir / names[0]);
    CHECK(sealed.find("extract.json") == std::string::npos);
    const std::string signed_bundle = open_sealed(sealed, municipality.secret_key_base64);
    const auto centre = load_or_create_signing_key(t.signing_key);
    const std::string plain = open_signed(signed_bundle, {centre.public_key_base64}).archive;
    CHECK(exporting::sha256_hex(plain) == q.sha256);
    CHECK(exporting::verify_archive(plain).size() >= 4);
}

TEST_CASE("API POST: receipt stored, one copy per Idempotency-Key") {
    auto& s = servers();
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    UploadTarget t = loopback::https_target(s.nginx->port);
    t.protocol = Protocol::HttpsPost;
    t.confirm = Confirm::Receipt;
    set_url(t, "https://127.0.0.1:" + std::to_string(s.nginx->port) + "/api/bundles", "test");
    s.api.wrong_digest = true;
    const RunReport bad = run_outbox(*w.db, t, kExportTime);
    s.api.wrong_digest = false;
    REQUIRE(bad.attempts.size() == 1);
    CHECK(bad.attempts[0].outcome == Outcome::Retry);
    const RunReport good = run_outbox(*w.db, t, bad.attempts[0].next_attempt_at);
    CHECK(good.delivered == 1);
    const auto status = outbox_status(*w.db, kExportTime);
    CHECK(status[0].state == "delivered");
    CHECK(status[0].receipt.value_or("").find(status[0].wire_sha256) != std::string::npos);
    // Both attempts reached the API with the same key: it holds one copy.
    CHECK(s.api.stored().count(q.id) == 1);
}

}  // TEST_SUITE
