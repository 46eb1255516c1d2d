// Real servers on loopback for the upload tests: nginx (HTTPS + WebDAV PUT) and OpenSSH's sshd
// (SFTP) from the Debian packages, certificates and keys made here with openssl/ssh-keygen, plus
// two tiny in-process helpers: a TCP relay that can stall or cut a connection, and an API
// backend (behind nginx's TLS) that answers with a JSON receipt.
#pragma once

#include <atomic>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <sys/types.h>

#include "core/upload/target.hpp"

namespace loopback {

namespace fs = std::filesystem;

struct TempDir {
    fs::path path;
    TempDir();
    ~TempDir();
};

int free_port();
bool wait_for_port(int port, int timeout_ms = 5000);
void write_file(const fs::path& p, const std::string& content, fs::perms mode = fs::perms(0600));
std::string read_file(const fs::path& p);
// Runs a program to completion; throws with its log on a non-zero exit.
void run(const std::vector<std::string>& argv, const fs::path& log);
// Files in a folder (names only, sorted), to prove "exactly once".
std::vector<std::string> list_dir(const fs::path& dir);

// A child process killed (and reaped) when this object goes, or when the test binary dies.
class Process {
public:
    Process(const std::vector<std::string>& argv, const fs::path& log);
    ~Process() { stop(); }
    Process(const Process&) = delete;
    Process& operator=(const Process&) = delete;
    void stop();
    bool alive();
private:
    pid_t pid_ = -1;
};

struct Pki {
    fs::path ca;                      // test CA certificate
    fs::path server_cert, server_key; // localhost + 127.0.0.1, signed by the CA
    fs::path wrong_host_cert, wrong_host_key;   // signed by the CA, for another host name
    fs::path self_signed_cert, self_signed_key; // right name, not signed by the CA
    fs::path client_cert, client_key; // client certificate signed by the CA
    std::string server_pin;           // "sha256//…" of the server key
    std::string other_pin;            // a pin that matches nothing we serve
};
Pki make_pki(const fs::path& dir);

class Nginx {
public:
    Nginx(const fs::path& dir, const Pki& pki, int api_backend_port);
    ~Nginx();
    void start();
    void stop();
    // Faults switched per request by flag files: "busy" (503 + Retry-After: 120), "broken"
    // (500), "portal" (200 with an HTML login page for every method).
    void set_flag(const std::string& name, bool on);
    int port = 0;                     // good certificate; /drop/ (WebDAV PUT), /api/ (proxied)
    int wrong_host_port = 0;
    int self_signed_port = 0;
    int client_cert_port = 0;         // /drop/ requiring a client certificate
    fs::path drop_dir;                // what /drop/ stores
    fs::path cert_drop_dir;
    std::string token = "s3cret-token";
private:
    fs::path dir_, flags_;
    std::unique_ptr<Process> proc_;
};

class Sshd {
public:
    explicit Sshd(const fs::path& dir);
    int port = 0;
    fs::path upload_dir;              // absolute; the sftp URL points here
    fs::path client_key, client_pub;  // the kiosk's key, authorised on the server
    fs::path known_hosts;             // lists this server's host key
    fs::path wrong_known_hosts;       // lists another key for the same host and port
    fs::path empty_known_hosts;       // lists nothing
    std::string user;
private:
    std::unique_ptr<Process> proc_;
};

// Forwards TCP to a target port; can stall (stop moving bytes) or cut (reset both ends) once
// the client has sent `after_bytes`.
class Relay {
public:
    enum class Mode { Pass, Stall, Cut };
    explicit Relay(int target_port);
    ~Relay();
    void set_mode(Mode m, size_t after_bytes = 0) { mode_ = m; after_ = after_bytes; }
    int port = 0;
private:
    void accept_loop();
    void pump(int client);
    int target_, listen_fd_ = -1;
    std::atomic<Mode> mode_{Mode::Pass};
    std::atomic<size_t> after_{0};
    std::atomic<bool> stop_{false};
    std::thread acceptor_;
    std::mutex mu_;
    std::vector<std::thread> conns_;
};

// The municipality's API, plain HTTP behind nginx's TLS: stores each Idempotency-Key once and
// answers {"id":…, "sha256":…}. wrong_digest makes it echo a digest of nothing.
class ApiBackend {
public:
    ApiBackend();
    ~ApiBackend();
    int port = 0;
    std::atomic<bool> wrong_digest{false};
    std::map<std::string, std::string> stored();      // Idempotency-Key -> body
    int posts() const { return posts_; }
private:
    void serve();
    int listen_fd_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> posts_{0};
    std::thread thread_;
    std::mutex mu_;
    std::map<std::string, std::string> stored_;
};

// Everything started once for the whole test binary.
struct Servers {
    TempDir tmp;
    Pki pki;
    ApiBackend api;
    std::unique_ptr<Nginx> nginx;
    std::unique_ptr<Sshd> sshd;
    Servers();
};
Servers& servers();

// Upload targets pointing at those servers, with short timeouts so fault tests finish quickly.
indgang::upload::UploadTarget https_target(int port, const std::string& path = "/drop/");
// `known_hosts` empty: the server's real key.
indgang::upload::UploadTarget sftp_target(int port, const fs::path& known_hosts = {});

}  // namespace loopback
