// "Test the connection" (the staff window's upload form) against the real loopback servers: a
// good target answers yes; a wrong token, a certificate for another host, an unknown or changed
// SFTP host key and a server that is down answer no with the same plain words a delivery would
// give; nothing is ever stored in the drop.
#include "loopback.hpp"

#include "core/upload/transport.hpp"

#include <doctest/doctest.h>

using namespace indgang::upload;
namespace fs = std::filesystem;

namespace {

size_t files_in(const fs::path& dir) {
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir)) n += e.is_regular_file() ? 1 : 0;
    return n;
}

bool mentions(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_SUITE("servers") {

TEST_CASE("test_connection: yes for a good target, a plain no for each fault, and nothing stored") {
    auto& s = loopback::servers();
    const size_t https_before = files_in(s.nginx->drop_dir);
    const size_t sftp_before = files_in(s.sshd->upload_dir);

    const AttemptResult ok = test_connection(loopback::https_target(s.nginx->port));
    INFO(ok.message);
    CHECK(ok.outcome == Outcome::Delivered);
    CHECK(mentions(ok.message, "certificate is verified"));

    UploadTarget wrong_token = loopback::https_target(s.nginx->port);
    wrong_token.bearer_token = "wrong";
    const AttemptResult refused = test_connection(wrong_token);
    INFO(refused.message);
    CHECK(refused.outcome == Outcome::Failed);
    CHECK(refused.http_status == 401);

    // Verification is never off: a certificate for another host is refused, and so is our own
    // server when the target does not name the CA that signed it.
    const AttemptResult other_host = test_connection(loopback::https_target(s.nginx->wrong_host_port));
    INFO(other_host.message);
    CHECK(other_host.outcome != Outcome::Delivered);
    UploadTarget system_cas = loopback::https_target(s.nginx->port);
    system_cas.ca_file.clear();
    const AttemptResult untrusted = test_connection(system_cas);
    INFO(untrusted.message);
    CHECK(untrusted.outcome != Outcome::Delivered);

    // A write-only drop refuses every read by design: the test can show the server is reached
    // and verified, and says the token is only proven by the first upload.
    UploadTarget write_only = loopback::https_target(s.nginx->port, "/wodrop/");
    write_only.confirm = Confirm::Marker;
    const AttemptResult wo = test_connection(write_only);
    INFO(wo.message);
    CHECK(wo.outcome == Outcome::Delivered);
    CHECK(mentions(wo.message, "first upload"));

    const AttemptResult down = test_connection(loopback::https_target(loopback::free_port()));
    CHECK(down.outcome != Outcome::Delivered);

    const AttemptResult sftp_ok = test_connection(loopback::sftp_target(s.sshd->port, s.sshd->known_hosts));
    INFO(sftp_ok.message);
    CHECK(sftp_ok.outcome == Outcome::Delivered);
    CHECK(mentions(sftp_ok.message, "known_hosts"));
    const AttemptResult unknown_key = test_connection(loopback::sftp_target(s.sshd->port, s.sshd->empty_known_hosts));
    INFO(unknown_key.message);
    CHECK(unknown_key.outcome != Outcome::Delivered);
    CHECK(mentions(unknown_key.message, "not in known_hosts"));
    const AttemptResult changed_key = test_connection(loopback::sftp_target(s.sshd->port, s.sshd->wrong_known_hosts));
    CHECK(changed_key.outcome != Outcome::Delivered);

    CHECK(files_in(s.nginx->drop_dir) == https_before);
    CHECK(files_in(s.sshd->upload_dir) == sftp_before);
}

}  // TEST_SUITE("servers")
