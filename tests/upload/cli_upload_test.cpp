// indgang-admin end to end against the real nginx: export, the municipality's keygen, a sealed
// upload --once, --status, and open-bundle with the secret key.
#include "loopback.hpp"

#include "core/db/store.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int sh(const std::string& cmd) { return WEXITSTATUS(std::system(cmd.c_str())); }
bool contains_text(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("indgang-admin: export, keygen, sealed upload, status, open-bundle") {
    const char* admin = std::getenv("INDGANG_ADMIN");
    REQUIRE_MESSAGE(admin != nullptr, "INDGANG_ADMIN (path of indgang-admin) is set by tests/upload/CMakeLists.txt");
    auto& s = loopback::servers();
    loopback::TempDir dir;
    const std::string d = dir.path.string();
    const std::string a = std::string(admin) + " --db " + d + "/t.db";
    REQUIRE(sh("INDGANG_NOW=2026-11-20T10:00 " + a + " demo > " + d + "/out.log 2>&1") == 0);
    REQUIRE(sh("INDGANG_NOW=2026-12-02T10:00 " + a + " --json export > " + d + "/export.json") == 0);
    REQUIRE(sh(a + " keygen --secret-out " + d + "/muni.key > " + d + "/keygen.txt") == 0);
    const std::string keygen = loopback::read_file(dir.path / "keygen.txt");
    const auto q = keygen.find("\"municipality_public_key\": \"") + 28;
    const std::string pk = keygen.substr(q, keygen.find('"', q) - q);
    const std::string config = "{\"url\": \"https://127.0.0.1:" + std::to_string(s.nginx->port) +
                               "/drop/\", \"bearer_token\": \"" + s.nginx->token + "\", \"ca_file\": \"" +
                               s.pki.ca.string() + "\", \"municipality_public_key\": \"" + pk + "\"}";
    loopback::write_file(dir.path / "upload.json", config, fs::perms(0644));
    CHECK(sh("INDGANG_NOW=2026-12-02T10:00 " + a + " upload --once > " + d + "/up.log 2>&1") == 1);   // refused: 0644
    CHECK(loopback::read_file(dir.path / "up.log").find("chmod 600") != std::string::npos);
    fs::permissions(dir.path / "upload.json", fs::perms(0600));
    CHECK(sh("INDGANG_NOW=2026-12-02T10:00 " + a + " upload --once > " + d + "/up.log 2>&1") == 0);
    CHECK(sh(a + " upload --status > " + d + "/status.txt") == 0);
    CHECK(loopback::read_file(dir.path / "status.txt").rfind("delivered", 0) == 0);

    const std::string exported = loopback::read_file(dir.path / "export.json");
    const auto idpos = exported.find("\"id\": \"") + 7;
    const std::string id = exported.substr(idpos, 36);
    const auto shapos = exported.find("\"sha256\": \"") + 11;
    const std::string sha = exported.substr(shapos, 64);
    fs::path sealed;
    for (const auto& name : loopback::list_dir(s.nginx->drop_dir))
        if (name.find(id) != std::string::npos) sealed = s.nginx->drop_dir / name;
    REQUIRE_FALSE(sealed.empty());
    CHECK(sealed.extension() == ".sealed");
    CHECK(sh("grep -q " + sha + " " + d + "/status.txt") == 0);   // --status shows the archive's digest
    CHECK(sh(a + " open-bundle " + sealed.string() + " > /dev/null 2>&1") != 0);   // sealed: needs the key
    // Signed by the centre: the municipality names the centre keys it trusts.
    REQUIRE(sh(a + " --json signing-key > " + d + "/signer.json") == 0);
    const std::string signer_json = loopback::read_file(dir.path / "signer.json");
    const auto kpos = signer_json.find("\"public_key\": \"") + 15;
    const std::string signer = signer_json.substr(kpos, signer_json.find('"', kpos) - kpos);
    CHECK(sh(a + " open-bundle --key " + d + "/muni.key " + sealed.string() + " > /dev/null 2> " + d + "/nosigner.log") != 0);
    CHECK(loopback::read_file(dir.path / "nosigner.log").find("--signer") != std::string::npos);
    CHECK(sh(a + " open-bundle --key " + d + "/muni.key --signer  AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=  " + sealed.string() +
             " > /dev/null 2>&1") != 0);   // signed, but not by that centre
    std::string upper = sha;
    for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    CHECK(sh(a + " open-bundle --key " + d + "/muni.key --signer " + signer + " --sha256 " + upper + " " +
             sealed.string() + " > " + d + "/extract.json 2> " + d + "/open.log") == 0);
    // The digest --status shows for the file that was sent identifies it too.
    REQUIRE(sh(a + " --json upload --status > " + d + "/status.json") == 0);
    const std::string status_json = loopback::read_file(dir.path / "status.json");
    const auto fpos = status_json.find("\"file_sha256\": \"") + 16;
    const std::string file_sha = status_json.substr(fpos, 64);
    CHECK(file_sha != sha);
    CHECK(sh(a + " open-bundle --key " + d + "/muni.key --signer " + signer + " --sha256 " + file_sha + " " +
             sealed.string() + " > /dev/null 2>&1") == 0);
    CHECK(loopback::read_file(dir.path / "extract.json").find("\"schema\": \"indgang-extract\"") != std::string::npos);
    CHECK(loopback::read_file(dir.path / "open.log").find(sha) != std::string::npos);
    fs::remove(sealed);
}

}  // TEST_SUITE

namespace {

// Every text a person or a log can see: the command outputs and the database's logs.
std::string everything_shown(const fs::path& dir) {
    std::string all;
    for (const char* f : {"up.log", "status.txt", "status.json"}) all += loopback::read_file(dir / f);
    auto db = indgang::db::open_store((dir / "t.db").string());
    for (const char* sql : {"SELECT target || ' ' || message FROM upload_attempt", "SELECT message FROM event_log",
                            "SELECT coalesce(receipt, '') FROM bundle"}) {
        auto q = db->prepare(sql);
        q.bind();
        while (q.step()) all += q.text(0) + "\n";
    }
    return all;
}

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("indgang-admin: no secret in any output; a refused config shows in --status") {
    const char* admin = std::getenv("INDGANG_ADMIN");
    REQUIRE(admin != nullptr);
    auto& s = loopback::servers();
    loopback::TempDir dir;
    const std::string d = dir.path.string();
    const std::string a = std::string(admin) + " --db " + d + "/t.db";
    const std::string at = "INDGANG_NOW=2026-12-02T10:00 ";
    REQUIRE(sh(at + a + " demo > " + d + "/demo.log 2>&1") == 0);
    REQUIRE(sh(at + a + " export > " + d + "/export.log 2>&1") == 0);
    const std::string port = std::to_string(s.nginx->port);
    const std::string ca = s.pki.ca.string();
    auto run_all = [&](int expect_upload_rc) {
        CHECK(sh(at + a + " upload --once > " + d + "/up.log 2>&1") == expect_upload_rc);
        CHECK(sh(at + a + " upload --status > " + d + "/status.txt 2>&1") == 0);
        CHECK(sh(at + a + " --json upload --status > " + d + "/status.json 2>&1") == 0);
        return everything_shown(dir.path);
    };

    // A password in the url: refused at load, named as a problem, never repeated.
    loopback::write_file(dir.path / "upload.json",
                         "{\"url\": \"https://kiosk:pw-S3CRET-77@127.0.0.1:" + port + "/drop/\", \"ca_file\": \"" + ca + "\"}");
    std::string shown = run_all(1);
    CHECK_FALSE(contains_text(shown, "pw-S3CRET-77"));
    CHECK(contains_text(loopback::read_file(dir.path / "status.txt"), "The upload config is refused"));
    CHECK(contains_text(loopback::read_file(dir.path / "status.txt"), "password"));
    CHECK(contains_text(loopback::read_file(dir.path / "status.json"), "config_error"));

    // A token with its newline: refused, not a 500 retried forever.
    loopback::write_file(dir.path / "upload.json", "{\"url\": \"https://127.0.0.1:" + port +
                                                       "/drop/\", \"bearer_token\": \"tok-S3CRET-9f2c\\n\", \"ca_file\": \"" + ca + "\"}");
    shown = run_all(1);
    CHECK_FALSE(contains_text(shown, "tok-S3CRET-9f2c"));
    CHECK(contains_text(loopback::read_file(dir.path / "status.txt"), "newline"));

    // A wrong token, really sent: the 401 is reported everywhere, the token nowhere.
    loopback::write_file(dir.path / "upload.json", "{\"url\": \"https://127.0.0.1:" + port +
                                                       "/drop/\", \"bearer_token\": \"tok-S3CRET-9f2c\", \"ca_file\": \"" + ca + "\"}");
    shown = run_all(2);
    CHECK(contains_text(shown, "HTTP 401"));
    CHECK_FALSE(contains_text(shown, "tok-S3CRET-9f2c"));
    CHECK_FALSE(contains_text(loopback::read_file(dir.path / "status.txt"), "The upload config is refused"));
}

}  // TEST_SUITE
