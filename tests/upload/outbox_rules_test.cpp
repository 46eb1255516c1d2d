// Issue 14's rules without a network: the config refuses what would silently weaken it, the
// bytes are made once, confirmations are bounded, a crashed attempt is visible and "send now"
// says what it waits for.
#include "extract_world.hpp"

#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/outbox.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/signature.hpp"
#include "core/upload/target.hpp"
#include "core/text/staff_text.hpp"

#include <doctest/doctest.h>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

using namespace indgang;
using namespace indgang::upload;
using extract_world::World;
using extract_world::kExportTime;
namespace fs = std::filesystem;

namespace {

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

std::string refusal(const std::string& json, const std::string& base = {}) {
    try {
        parse_target(json, "cfg", base);
    } catch (const ConfigError& e) {
        return e.what();
    }
    FAIL("accepted: " << json);
    return {};
}

UploadTarget fake_target(const std::string& url = "https://drop.example/indgang/") {
    UploadTarget t;
    set_url(t, url, "test");
    return t;
}

AttemptResult result(Outcome o, bool sent = false, bool unconfirmed = false) {
    AttemptResult r;
    r.outcome = o;
    r.sent = sent;
    r.unconfirmed = unconfirmed;
    r.message = "scripted";
    return r;
}

}  // namespace

TEST_CASE("misspelt and unknown config keys are refused with the list of known keys") {
    const std::string typo = refusal(R"({"url": "https://h/x/", "pinned_publickey": "sha256//abc="})");
    CHECK(contains(typo, "unknown key \"pinned_publickey\""));
    CHECK(contains(typo, "pinned_public_key"));         // the list names the right spelling
    CHECK(contains(typo, "total_timeout_seconds"));
    // "Method" is not "method": it used to send a PUT to an API.
    CHECK(contains(refusal(R"({"url": "https://h/api", "Method": "POST"})"), "unknown key \"Method\""));
    CHECK(parse_target(R"({"url": "https://h/api", "method": "post"})", "cfg").protocol == Protocol::HttpsPost);
}

TEST_CASE("tokens with CR, LF or other control characters are refused, and never repeated") {
    const std::string crlf = refusal(R"({"url": "https://h/x/", "bearer_token": "abc\r\nX-Injected: 1"})");
    CHECK(contains(crlf, "bearer_token"));
    CHECK(contains(crlf, "line break"));
    CHECK_FALSE(contains(crlf, "X-Injected"));
    const std::string newline = refusal(R"({"url": "https://h/x/", "bearer_token": "tok-S3CRET\n"})");
    CHECK(contains(newline, "newline"));
    CHECK_FALSE(contains(newline, "tok-S3CRET"));
    CHECK_FALSE(contains(refusal(R"({"url": "https://h/x/", "bearer_token": "tok S3CRET"})"), "S3CRET"));
    // A JSON error near the token reports only the position (nlohmann would quote the text).
    const std::string broken = refusal("{\"url\": \"https://h/x/\",\n \"bearer_token\": \"tok-S3CRET\" \"x\": 1}");
    CHECK(contains(broken, "2:"));
    CHECK_FALSE(contains(broken, "S3CRET"));
}

TEST_CASE("credentials in the url are refused without repeating them") {
    for (const char* url : {"https://kiosk:pw-S3CRET@h/x/", "sftp://kiosk:pw-S3CRET@h/x/"}) {
        const std::string why = refusal(std::string(R"({"url": ")") + url + R"(", "ssh_private_key": "/k", "known_hosts": "/k"})");
        INFO(why);
        CHECK(contains(why, "password"));
        CHECK_FALSE(contains(why, "S3CRET"));
    }
    CHECK(contains(refusal(R"({"url": "https://kiosk@h/x/"})"), "cannot name a user"));
}

TEST_CASE("url paths are decoded once and encoded once: %20, ø and a raw space mean the same folder") {
    UploadTarget a, b, c;
    set_url(a, "https://h:8443/drop/Kilden%20K%C3%B8/", "t");
    set_url(b, "https://h:8443/drop/Kilden Kø/", "t");
    set_url(c, "https://h:8443/drop/Kilden%20Kø/", "t");
    CHECK(a.path == "/drop/Kilden Kø/");
    CHECK(b.path == a.path);
    CHECK(c.path == a.path);
    CHECK(a.url == "https://h:8443/drop/Kilden%20K%C3%B8/");
    CHECK(b.url == a.url);
    CHECK(file_url(a, "x y.tar") == "https://h:8443/drop/Kilden%20K%C3%B8/x%20y.tar");
    CHECK(contains(refusal(R"({"url": "https://h/100%/"})"), "%25"));
    CHECK(contains(refusal(R"({"url": "https://h/a%2Fb/"})"), "'/'"));
    const UploadTarget api = parse_target(R"({"url": "https://h/api/v1/up load?tenant=4", "method": "POST"})", "cfg");
    CHECK(api.url == "https://h/api/v1/up%20load?tenant=4");
    CHECK(describe(api) == "POST https://h/api/v1/up%20load?tenant=4");
}

TEST_CASE("confirmation modes fit the protocol") {
    CHECK(parse_target(R"({"url": "https://h/x/"})", "cfg").confirm == Confirm::ReadBack);
    CHECK(parse_target(R"({"url": "https://h/x/", "confirm": "marker"})", "cfg").confirm == Confirm::Marker);
    CHECK(parse_target(R"({"url": "https://h/x", "method": "POST"})", "cfg").confirm == Confirm::Receipt);
    CHECK(contains(refusal(R"({"url": "https://h/x/", "confirm": "receipt"})"), "marker"));
    CHECK(contains(refusal(R"({"url": "https://h/x", "method": "POST", "confirm": "marker"})"), "receipt"));
    CHECK(contains(refusal(R"({"url": "https://h/x/", "marker_suffix": "a/b"})"), "marker_suffix"));
}

TEST_CASE("relative files resolve against the config's folder; known_hosts must be owner-only") {
    loopback::TempDir dir;
    const fs::path cfg = dir.path / "etc";
    fs::create_directories(cfg);
    loopback::write_file(cfg / "id", "KEY");
    loopback::write_file(cfg / "known_hosts", "[h]:22 ssh-ed25519 AAAA\n");
    loopback::write_file(cfg / "upload.json",
                         R"({"url": "sftp://u@h/x/", "ssh_private_key": "id", "known_hosts": "known_hosts",
                             "ca_file": "certs/ca.pem", "signing_key": "centre.key"})");
    const fs::path elsewhere = fs::current_path();
    fs::current_path(dir.path);               // not the config's folder
    const UploadTarget t = load_target((fs::path("etc") / "upload.json").string());
    fs::current_path(elsewhere);
    CHECK(t.ssh_private_key == (cfg / "id").string());
    CHECK(t.known_hosts == (cfg / "known_hosts").string());
    CHECK(t.ca_file == (cfg / "certs" / "ca.pem").string());
    CHECK(t.signing_key == (cfg / "centre.key").string());

    fs::permissions(cfg / "known_hosts", fs::perms(0644));
    const std::string why = config_problem((cfg / "upload.json").string());
    CHECK(contains(why, "known_hosts"));
    CHECK(contains(why, "chmod 600"));
    CHECK(contains(why, "refused"));
}

TEST_CASE("the claim outlives the longest attempt") {
    UploadTarget t = fake_target();
    for (long total : {5L, 30L, 900L}) {
        t.total_timeout_seconds = total;
        // deliver() gives all of an attempt's requests one shared deadline of `total`.
        CHECK(claim_seconds(t) > total + 60);
    }
}

TEST_CASE("the bytes on the wire are made once: every retry sends the same sealed, signed bytes") {
    World w;
    const auto q = exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    const KeyPair municipality = generate_keypair();
    UploadTarget t = fake_target();
    t.municipality_public_key = municipality.public_key_base64;
    std::vector<std::string> sent;
    OutboxOptions failing{true, [&](const UploadTarget&, const Payload& p) {
                              sent.push_back(p.bytes);
                              CHECK(exporting::sha256_hex(p.bytes) == p.sha256);
                              return result(Outcome::Retry);
                          }};
    for (int i = 0; i < 3; ++i) run_outbox(*w.db, t, kExportTime + i * 3600, failing);
    // A new municipality key after bytes may have left changes nothing: same key, same body.
    t.municipality_public_key = generate_keypair().public_key_base64;
    run_outbox(*w.db, t, kExportTime + 4 * 3600, failing);
    REQUIRE(sent.size() == 4);
    for (const auto& s : sent) CHECK(s == sent[0]);
    const std::string inner = open_sealed(sent[0], municipality.secret_key_base64);
    const auto key = load_or_create_signing_key(signing_key_path(*w.db, nullptr));
    CHECK(exporting::sha256_hex(open_signed(inner, {key.public_key_base64}).archive) == q.sha256);
    CHECK_THROWS_AS(open_signed(inner, {generate_keypair().public_key_base64}), SealError);
    std::string altered = inner;
    altered.back() ^= 1;
    CHECK_THROWS_WITH_AS(open_signed(altered, {key.public_key_base64}), doctest::Contains("altered"), SealError);

    // Before any attempt, a changed key still applies.
    World fresh;
    exporting::export_bundle(*fresh.db, fresh.site, "2026-11", kExportTime);
    const std::string id = outbox_status(*fresh.db, kExportTime)[0].id;
    UploadTarget plain = fake_target();
    const Wire first = prepare_wire(*fresh.db, plain, id, kExportTime);
    CHECK(first.file_name.ends_with(".tar.signed"));
    CHECK(prepare_wire(*fresh.db, plain, id, kExportTime).bytes == first.bytes);
    plain.municipality_public_key = municipality.public_key_base64;
    const Wire resealed = prepare_wire(*fresh.db, plain, id, kExportTime);
    CHECK(resealed.file_name.ends_with(".tar.sealed"));
    CHECK(is_sealed(resealed.bytes));
}

TEST_CASE("a confirmation that keeps failing stops after a bounded number of tries, with one upload") {
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    const UploadTarget t = fake_target();
    int uploads = 0, checks = 0;
    OutboxOptions write_only{false, [&](const UploadTarget&, const Payload& p) {
                                 if (p.sent_before) ++checks;
                                 else ++uploads;
                                 return result(Outcome::Retry, true, true);   // taken, but not readable
                             }};
    RunReport last;
    for (int hour = 0; hour < 7 * 24; ++hour) {
        const RunReport r = run_outbox(*w.db, t, kExportTime + hour * 3600, write_only);
        if (!r.attempts.empty()) last = r;
    }
    CHECK(uploads == 1);
    CHECK(checks == kMaxConfirmations - 1);
    REQUIRE(last.attempts.size() == 1);
    CHECK(last.attempts[0].stopped);
    CHECK(contains(last.attempts[0].message, "\"confirm\": \"marker\""));
    const auto status = outbox_status(*w.db, kExportTime + 7 * 86400);
    CHECK(status[0].state == "stopped");
    CHECK(contains(explain(status[0], [](Instant) { return std::string("soon"); }), "--resume"));
    // Send now explains instead of sending another copy.
    const RunReport now = run_outbox(*w.db, t, kExportTime + 7 * 86400, OutboxOptions{true, write_only.deliver});
    CHECK(now.attempts.empty());
    REQUIRE(now.waiting.size() == 1);
    CHECK(contains(now.waiting[0], "stopped"));
    // After the person switches to marker mode and resumes, only the confirmation runs.
    CHECK(resume_bundle(*w.db, status[0].id, kExportTime + 7 * 86400));
    OutboxOptions marker{false, [&](const UploadTarget&, const Payload& p) {
                             CHECK(p.sent_before);
                             return result(Outcome::Unverified, true);
                         }};
    CHECK(run_outbox(*w.db, t, kExportTime + 7 * 86400, marker).delivered == 1);
    CHECK(outbox_status(*w.db, kExportTime + 7 * 86400)[0].state == "delivered-unverified");
    CHECK(uploads == 1);
}

TEST_CASE("a crashed attempt shows as interrupted and send-now takes it over at once") {
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    UploadTarget t = fake_target();
    t.municipality_public_key = generate_keypair().public_key_base64;
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // A real crash in the middle of an attempt: the process dies while the claim is held.
        auto db = db::open_store(w.db->path());
        run_outbox(*db, t, kExportTime, OutboxOptions{false, [](const UploadTarget&, const Payload&) {
                                                          ::raise(SIGKILL);
                                                          return AttemptResult{};
                                                      }});
        ::_exit(0);
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    REQUIRE(WIFSIGNALED(status));
    const auto after = outbox_status(*w.db, kExportTime + 60);
    CHECK(after[0].state == "interrupted");           // not "sending" for the claim's 17 minutes
    CHECK(contains(explain(after[0], [](Instant) { return std::string("later"); }), "crashed"));
    // The dead attempt may have delivered its bytes: a key changed since must not change them.
    std::string made;
    {
        auto q = w.db->prepare("SELECT wire FROM bundle");
        q.bind();
        REQUIRE(q.step());
        made = q.blob(0);
    }
    t.municipality_public_key = generate_keypair().public_key_base64;
    OutboxOptions ok{true, [&made](const UploadTarget&, const Payload& p) {
                         CHECK(p.bytes == made);
                         CHECK(p.tried_before);   // the dead attempt may have landed: look first
                         AttemptResult r = result(Outcome::Delivered, true);
                         r.receipt = p.sha256;
                         return r;
                     }};
    CHECK(run_outbox(*w.db, t, kExportTime + 60, ok).delivered == 1);
    const auto log = attempts_of(*w.db, after[0].id);
    REQUIRE(log.size() == 2);
    CHECK(log[0].outcome == "interrupted");
    CHECK(contains(log[0].message, "crash"));
    CHECK(log[1].outcome == "delivered");
}

TEST_CASE("send-now says what a bundle waits for when another run holds it") {
    World w;
    exporting::export_bundle(*w.db, w.site, "2026-11", kExportTime);
    w.db->prepare("UPDATE bundle SET claimed_until = ?, claim_pid = ?").bind(kExportTime + 300, static_cast<int64_t>(::getpid())).exec();
    const RunReport r = run_outbox(*w.db, fake_target(), kExportTime, OutboxOptions{true, [](const UploadTarget&, const Payload&) {
                                                                             FAIL("sent while claimed");
                                                                             return AttemptResult{};
                                                                         }});
    CHECK(r.attempts.empty());
    REQUIRE(r.waiting.size() == 1);
    CHECK(contains(r.waiting[0], "being sent right now"));
    CHECK(contains(r.waiting[0], "300 s"));
    CHECK(outbox_status(*w.db, kExportTime)[0].state == "sending");
}

TEST_CASE("secrets are scrubbed from any message") {
    UploadTarget t = fake_target();
    t.bearer_token = "tok-S3CRET-value";
    CHECK(scrub("server said: bad token tok-S3CRET-value!", t) == "server said: bad token [secret]!");
}

TEST_CASE("status messages read in Danish from the staff catalog") {
    const char* root = std::getenv("INDGANG_SOURCE_DIR");
    text::init_staff_text(std::string(root ? root : INDGANG_SOURCE_DIR) + "/i18n", "da");
    BundleStatus s;
    s.state = "delivered-unverified";
    s.delivered_at = kExportTime;
    const std::string da = explain(s, [](Instant) { return std::string("2. december 10:00"); });
    s.state = "stopped";
    s.id = "abc";
    const std::string stopped = explain(s, [](Instant) { return std::string("snart"); });
    const std::string refused = config_problem("/nonexistent/upload.json");
    text::init_staff_text("", "en");
    CHECK(da == "Leveret 2. december 10:00 til en modtagemappe, der kun kan skrives til (markørfil skrevet). Den kan "
                "ikke tjekkes herfra og sendes aldrig igen; intet at gøre.");
    CHECK(contains(stopped, "indgang-admin upload --resume abc"));
    CHECK(contains(refused, "Upload-konfigurationen afvises"));
    CHECK(contains(explain(s, [](Instant) { return std::string("soon"); }), "Stopped"));   // English again
}
