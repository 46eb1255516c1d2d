// indgang-admin end to end against the real nginx: export, the municipality's keygen, a sealed
// upload --once, --status, and open-bundle with the secret key.
#include "loopback.hpp"

#include <doctest/doctest.h>

#include <cstdlib>

#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

int sh(const std::string& cmd) { return WEXITSTATUS(std::system(cmd.c_str())); }

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
