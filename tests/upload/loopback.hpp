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
    int old_tls_port = 0;             // /drop/ over TLS 1.0 only (an outdated server)
    fs::path drop_dir;                // what /drop/ stores (with a sub-folder "Kilden Kø")
    fs::path cert_drop_dir;
    fs::path write_only_dir;          // what /wodrop/ stores: PUT only, reading back is forbidden
    fs::path access_log;              // one line per request, to count PUTs
    // How many requests of `method` for a path containing `needle` the access log holds.
    int count_requests(const std::string& method, const std::string& needle) const;
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
    int no_delete_port = 0;           // same server, but removing files is forbidden (internal-sftp -P remove)
    int full_port = 0;                // same server, but files over 64 KiB cannot be written (a full drop)
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

// A scripted server behind nginx's TLS (plain HTTP on loopback). POST /api/…: the municipality's
// API, storing each Idempotency-Key once and answering {"id":…, "sha256":…}. PUT/GET under
// /scripted/: a file drop whose path picks the behaviour: "/accepted/" answers a PUT with 202,
// "/moved/" answers 308 with a Location, "/slow/" waits 2 s before each answer.
class ApiBackend {
public:
    // What the API does with a repeated Idempotency-Key.
    enum class Repeat {
        Echo,           // answers with the digest of the body it just got
        Replay,         // answers exactly as the first time (a common API design)
        RejectChanged,  // 422 when the body differs from the first one
    };
    ApiBackend();
    ~ApiBackend();
    int port = 0;
    std::atomic<bool> wrong_digest{false};            // echo a digest of nothing
    std::atomic<Repeat> repeat{Repeat::Echo};
    std::atomic<int> lose_replies{0};                 // store the next N POSTs, then close without answering
    std::map<std::string, std::string> stored();      // Idempotency-Key -> first body
    int posts() const { return posts_; }
    int puts() const { return puts_; }
    void forget();                                    // clears what was stored (between tests)
private:
    void serve();
    int listen_fd_ = -1;
    std::atomic<bool> stop_{false};
    std::atomic<int> posts_{0}, puts_{0};
    std::thread thread_;
    std::mutex mu_;
    std::map<std::string, std::string> stored_, first_reply_, files_;
};

// A drop's own processor, as at Erhvervsstyrelsen: once "<name><suffix>" appears, the bundle
// and its marker are moved to `processed` (so reading back or replacing is impossible after).
class Processor {
public:
    Processor(fs::path inbox, fs::path processed, std::string suffix);
    ~Processor();
private:
    fs::path inbox_, processed_;
    std::string suffix_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

// An HTTP proxy that asks for a login (407) on every CONNECT.
class LoginProxy {
public:
    LoginProxy();
    ~LoginProxy();
    int port = 0;
private:
    int listen_fd_ = -1;
    std::atomic<bool> stop_{false};
    std::thread thread_;
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
// The signing key lives in the shared temp folder.
indgang::upload::UploadTarget https_target(int port, const std::string& path = "/drop/");
// `known_hosts` empty: the server's real key.
indgang::upload::UploadTarget sftp_target(int port, const fs::path& known_hosts = {});

}  // namespace loopback
