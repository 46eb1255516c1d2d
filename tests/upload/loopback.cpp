// [SECTION] files, ports, processes
// [SECTION] certificates (openssl)
// [SECTION] nginx
// [SECTION] sshd
// [SECTION] relay (stall / cut)
// [SECTION] API backend
// [SECTION] a drop's processor, a proxy that wants a login
#include "loopback.hpp"

#include "core/export/digest.hpp"

#include <sodium.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace loopback {

using namespace std::chrono_literals;

// -------------------------------------------------------------------------------------------
// [SECTION] files, ports, processes
// -------------------------------------------------------------------------------------------

TempDir::TempDir() {
    std::string templ = (fs::temp_directory_path() / "indgang-upload-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path = templ;
}

TempDir::~TempDir() {
    std::error_code ec;
    if (!std::getenv("INDGANG_KEEP_TEST_DIR")) fs::remove_all(path, ec);
}

int free_port() {
    // Port 0 lets the kernel choose; the tiny window before the server binds it is acceptable.
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) throw std::runtime_error("bind failed");
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    ::close(fd);
    return ntohs(a.sin_port);
}

static int connect_to(int port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(static_cast<uint16_t>(port));
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

bool wait_for_port(int port, int timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
        int fd = connect_to(port);
        if (fd >= 0) {
            ::close(fd);
            return true;
        }
        std::this_thread::sleep_for(20ms);
    }
    return false;
}

void write_file(const fs::path& p, const std::string& content, fs::perms mode) {
    {
        std::ofstream out(p, std::ios::binary | std::ios::trunc);
        out << content;
        if (!out) throw std::runtime_error("cannot write " + p.string());
    }
    fs::permissions(p, mode);
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> list_dir(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

static pid_t spawn(const std::vector<std::string>& argv, const fs::path& log) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    const pid_t parent = ::getpid();
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        // A crashed test binary must not leave servers behind.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent) ::_exit(127);
        int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            ::dup2(fd, 1);
            ::dup2(fd, 2);
            ::close(fd);
        }
        int null = ::open("/dev/null", O_RDONLY);
        if (null >= 0) ::dup2(null, 0);
        ::execv(args[0], args.data());
        ::_exit(127);
    }
    return pid;
}

void run(const std::vector<std::string>& argv, const fs::path& log) {
    pid_t pid = spawn(argv, log);
    int status = 0;
    ::waitpid(pid, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string cmd;
        for (const auto& a : argv) cmd += a + " ";
        throw std::runtime_error("command failed: " + cmd + "\n" + read_file(log));
    }
}

Process::Process(const std::vector<std::string>& argv, const fs::path& log) : pid_(spawn(argv, log)) {}

bool Process::alive() {
    if (pid_ <= 0) return false;
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return false;
    }
    return true;
}

void Process::stop() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGTERM);
    for (int i = 0; i < 100; ++i) {
        int status = 0;
        if (::waitpid(pid_, &status, WNOHANG) == pid_) {
            pid_ = -1;
            return;
        }
        std::this_thread::sleep_for(20ms);
    }
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
    pid_ = -1;
}

static std::string find_program(const std::string& name) {
    for (const char* dir : {"/usr/sbin", "/usr/bin", "/sbin", "/bin"}) {
        fs::path p = fs::path(dir) / name;
        if (::access(p.c_str(), X_OK) == 0) return p.string();
    }
    throw std::runtime_error(name + " is not installed; run scripts/bootstrap.sh");
}

// -------------------------------------------------------------------------------------------
// [SECTION] certificates (openssl)
// -------------------------------------------------------------------------------------------

static std::string pin_of(const fs::path& key, const fs::path& dir) {
    const std::string openssl = find_program("openssl");
    const fs::path der = dir / (key.stem().string() + ".pub.der");
    run({openssl, "pkey", "-in", key.string(), "-pubout", "-outform", "DER", "-out", der.string()}, dir / "openssl.log");
    const std::string bytes = read_file(der);
    unsigned char hash[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(hash, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
    char b64[sodium_base64_ENCODED_LEN(crypto_hash_sha256_BYTES, sodium_base64_VARIANT_ORIGINAL)];
    sodium_bin2base64(b64, sizeof b64, hash, sizeof hash, sodium_base64_VARIANT_ORIGINAL);
    return std::string("sha256//") + b64;
}

Pki make_pki(const fs::path& base) {
    const fs::path dir = base / "pki";
    fs::create_directories(dir);
    const std::string openssl = find_program("openssl");
    const fs::path log = dir / "openssl.log";
    auto key = [&](const std::string& name) {
        fs::path p = dir / (name + ".key");
        run({openssl, "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", p.string()}, log);
        fs::permissions(p, fs::perms(0600));
        return p;
    };
    auto signed_cert = [&](const std::string& name, const fs::path& k, const std::string& cn, const std::string& ext) {
        fs::path csr = dir / (name + ".csr"), crt = dir / (name + ".pem"), extfile = dir / (name + ".ext");
        write_file(extfile, ext + "\n");
        run({openssl, "req", "-new", "-key", k.string(), "-subj", "/CN=" + cn, "-out", csr.string()}, log);
        run({openssl, "x509", "-req", "-in", csr.string(), "-CA", (dir / "ca.pem").string(), "-CAkey",
             (dir / "ca.key").string(), "-CAcreateserial", "-days", "2", "-extfile", extfile.string(), "-out",
             crt.string()}, log);
        return crt;
    };
    Pki pki;
    const fs::path ca_key = key("ca");
    pki.ca = dir / "ca.pem";
    run({openssl, "req", "-x509", "-new", "-key", ca_key.string(), "-subj", "/CN=Indgang test CA", "-days", "2",
         "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
         "-out", pki.ca.string()}, log);
    const std::string server_ext = "subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth";
    pki.server_key = key("server");
    pki.server_cert = signed_cert("server", pki.server_key, "localhost", server_ext);
    pki.wrong_host_key = key("wronghost");
    pki.wrong_host_cert = signed_cert("wronghost", pki.wrong_host_key, "files.elsewhere.example",
                                      "subjectAltName=DNS:files.elsewhere.example\nextendedKeyUsage=serverAuth");
    pki.self_signed_key = key("selfsigned");
    pki.self_signed_cert = dir / "selfsigned.pem";
    run({openssl, "req", "-x509", "-new", "-key", pki.self_signed_key.string(), "-subj", "/CN=localhost", "-days",
         "2", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-out", pki.self_signed_cert.string()}, log);
    pki.client_key = key("client");
    pki.client_cert = signed_cert("client", pki.client_key, "kiosk-1", "extendedKeyUsage=clientAuth");
    pki.server_pin = pin_of(pki.server_key, dir);
    pki.other_pin = pin_of(pki.wrong_host_key, dir);
    return pki;
}

// -------------------------------------------------------------------------------------------
// [SECTION] nginx
// -------------------------------------------------------------------------------------------

Nginx::Nginx(const fs::path& dir, const Pki& pki, int api_backend_port) : dir_(dir / "nginx") {
    fs::create_directories(dir_ / "tmp");
    fs::create_directories(dir_ / "www" / "drop");
    fs::create_directories(dir_ / "www" / "certdrop");
    fs::create_directories(dir_ / "www" / "drop" / "Kilden Kø");
    fs::create_directories(dir_ / "www" / "wodrop");
    flags_ = dir_ / "flags";
    fs::create_directories(flags_);
    drop_dir = dir_ / "www" / "drop";
    cert_drop_dir = dir_ / "www" / "certdrop";
    write_only_dir = dir_ / "www" / "wodrop";
    access_log = dir_ / "access.log";
    port = free_port();
    old_tls_port = free_port();
    wrong_host_port = free_port();
    self_signed_port = free_port();
    client_cert_port = free_port();
    const std::string d = dir_.string(), f = flags_.string();
    // The drop location checks the flag files first: each `if` returns before the body is stored.
    const std::string drop_location =
        "  location /drop/ {\n"
        "    if (-f " + f + "/busy) { add_header Retry-After 120 always; return 503; }\n"
        "    if (-f " + f + "/broken) { return 500; }\n"
        "    if (-f " + f + "/portal) { return 200 '<html><body>Log in to Free WiFi</body></html>'; }\n"
        "    if ($http_authorization != 'Bearer " + token + "') { return 401; }\n"
        "    dav_methods PUT;\n"
        "    dav_access user:rw;\n"
        "    client_max_body_size 64m;\n"
        "  }\n";
    auto server = [&](int p, const fs::path& cert, const fs::path& key, const std::string& extra) {
        return "server {\n  listen 127.0.0.1:" + std::to_string(p) + " ssl;\n  server_name localhost;\n"
               "  ssl_certificate " + cert.string() + ";\n  ssl_certificate_key " + key.string() + ";\n"
               "  root " + d + "/www;\n" + extra + "}\n";
    };
    std::string conf = "daemon off;\nmaster_process off;\nworker_processes 1;\npid " + d + "/nginx.pid;\n"
                       "error_log " + d + "/error.log info;\n"
                       "events { worker_connections 64; }\n"
                       "http {\n"
                       "access_log " + d + "/access.log;\n"
                       "client_body_temp_path " + d + "/tmp/body;\nproxy_temp_path " + d + "/tmp/proxy;\n"
                       "fastcgi_temp_path " + d + "/tmp/fcgi;\nuwsgi_temp_path " + d + "/tmp/uwsgi;\n"
                       "scgi_temp_path " + d + "/tmp/scgi;\n"
                       "default_type application/octet-stream;\n";
    const std::string backend = "http://127.0.0.1:" + std::to_string(api_backend_port);
    // A write-only drop: PUT is stored, every other method (the read-back) is forbidden.
    const std::string write_only_location =
        "  location /wodrop/ {\n"
        "    if ($http_authorization != 'Bearer " + token + "') { return 401; }\n"
        "    limit_except PUT { deny all; }\n"
        "    dav_methods PUT;\n    dav_access user:rw;\n    client_max_body_size 64m;\n"
        "  }\n";
    conf += server(port, pki.server_cert, pki.server_key,
                   drop_location + write_only_location + "  location /api/ { proxy_pass " + backend +
                       "; client_max_body_size 64m; }\n"
                       "  location /scripted/ { proxy_pass " + backend + "; client_max_body_size 64m; }\n");
    // An outdated server: TLS 1.0 only, which OpenSSL 3 (and so curl) refuses by default.
    conf += server(old_tls_port, pki.server_cert, pki.server_key,
                   "  ssl_protocols TLSv1;\n  ssl_ciphers DEFAULT:@SECLEVEL=0;\n" + drop_location);
    conf += server(wrong_host_port, pki.wrong_host_cert, pki.wrong_host_key, drop_location);
    conf += server(self_signed_port, pki.self_signed_cert, pki.self_signed_key, drop_location);
    conf += server(client_cert_port, pki.server_cert, pki.server_key,
                   "  ssl_client_certificate " + pki.ca.string() + ";\n  ssl_verify_client on;\n"
                   "  location /certdrop/ { dav_methods PUT; dav_access user:rw; }\n");
    conf += "}\n";
    write_file(dir_ / "nginx.conf", conf);
    start();
}

Nginx::~Nginx() { stop(); }

void Nginx::start() {
    proc_ = std::make_unique<Process>(
        std::vector<std::string>{find_program("nginx"), "-p", dir_.string(), "-e", (dir_ / "error.log").string(),
                                 "-c", (dir_ / "nginx.conf").string()},
        dir_ / "stderr.log");
    for (int p : {port, wrong_host_port, self_signed_port, client_cert_port, old_tls_port})
        if (!wait_for_port(p)) throw std::runtime_error("nginx did not start:\n" + read_file(dir_ / "error.log"));
}

void Nginx::stop() { proc_.reset(); }

int Nginx::count_requests(const std::string& method, const std::string& needle) const {
    std::istringstream lines(read_file(access_log));
    int n = 0;
    for (std::string line; std::getline(lines, line);)
        if (line.find("\"" + method + " ") != std::string::npos && line.find(needle) != std::string::npos) ++n;
    return n;
}

void Nginx::set_flag(const std::string& name, bool on) {
    if (on) write_file(flags_ / name, "on\n");
    else fs::remove(flags_ / name);
}

// -------------------------------------------------------------------------------------------
// [SECTION] sshd
// -------------------------------------------------------------------------------------------

Sshd::Sshd(const fs::path& base) {
    const fs::path dir = base / "sshd";
    fs::create_directories(dir);
    fs::permissions(dir, fs::perms(0700));
    upload_dir = dir / "upload";
    fs::create_directories(upload_dir);
    const std::string keygen = find_program("ssh-keygen");
    const fs::path log = dir / "keygen.log";
    const fs::path host_key = dir / "host_ed25519", other_host_key = dir / "other_ed25519";
    client_key = dir / "client_ed25519";
    client_pub = dir / "client_ed25519.pub";
    for (const auto& k : {host_key, other_host_key, client_key})
        run({keygen, "-q", "-t", "ed25519", "-N", "", "-C", "indgang-test", "-f", k.string()}, log);
    write_file(dir / "authorized_keys", read_file(client_pub));
    port = free_port();
    no_delete_port = free_port();
    full_port = free_port();
    user = ::getpwuid(::geteuid())->pw_name;
    auto host_line = [&](const fs::path& pub, int p) {
        std::string key = read_file(pub);
        key = key.substr(0, key.find(" indgang-test"));
        return "[127.0.0.1]:" + std::to_string(p) + " " + key + "\n";
    };
    // known_hosts is owner-only, as the upload config insists.
    const fs::path host_pub = host_key.string() + ".pub";
    known_hosts = dir / "known_hosts";
    write_file(known_hosts, host_line(host_pub, port) + host_line(host_pub, no_delete_port) + host_line(host_pub, full_port));
    wrong_known_hosts = dir / "wrong_known_hosts";
    write_file(wrong_known_hosts, host_line(fs::path(other_host_key.string() + ".pub"), port));
    empty_known_hosts = dir / "empty_known_hosts";
    write_file(empty_known_hosts, "");
    // sshd insists on its privilege-separation directory when started as root.
    if (::geteuid() == 0 && !fs::exists("/run/sshd")) fs::create_directories("/run/sshd");
    const std::string conf =
        "Port " + std::to_string(port) + "\nPort " + std::to_string(no_delete_port) + "\nPort " +
        std::to_string(full_port) + "\nListenAddress 127.0.0.1\n"
        "HostKey " + host_key.string() + "\nPidFile " + (dir / "sshd.pid").string() + "\n"
        "AuthorizedKeysFile " + (dir / "authorized_keys").string() + "\n"
        "PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n"
        "PermitRootLogin prohibit-password\nStrictModes no\nUsePAM no\n"
        "Subsystem sftp internal-sftp\nLogLevel VERBOSE\n"
        // A drop that forbids deleting, and one whose disk is full (the file size limit makes
        // sftp-server's writes fail with EFBIG, which it reports as a plain SSH_FX_FAILURE).
        "Match LocalPort " + std::to_string(no_delete_port) + "\n  ForceCommand internal-sftp -P remove\n"
        "Match LocalPort " + std::to_string(full_port) +
        "\n  ForceCommand trap '' XFSZ; ulimit -f 64; exec /usr/lib/openssh/sftp-server\n";
    write_file(dir / "sshd_config", conf);
    proc_ = std::make_unique<Process>(
        std::vector<std::string>{find_program("sshd"), "-D", "-e", "-f", (dir / "sshd_config").string()},
        dir / "sshd.log");
    for (int p : {port, no_delete_port, full_port})
        if (!wait_for_port(p)) throw std::runtime_error("sshd did not start:\n" + read_file(dir / "sshd.log"));
}

// -------------------------------------------------------------------------------------------
// [SECTION] relay (stall / cut)
// -------------------------------------------------------------------------------------------

static int listen_on(int& port) {
    int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 16) != 0)
        throw std::runtime_error("listen failed");
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
    return fd;
}

static void reset_close(int fd) {
    linger l{1, 0};                               // RST instead of an orderly FIN: a real cut
    ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof l);
    ::close(fd);
}

Relay::Relay(int target_port) : target_(target_port) {
    listen_fd_ = listen_on(port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

Relay::~Relay() {
    stop_ = true;
    acceptor_.join();
    for (auto& t : conns_) t.join();
    ::close(listen_fd_);
}

void Relay::accept_loop() {
    while (!stop_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        int client = ::accept(listen_fd_, nullptr, nullptr);
        if (client < 0) continue;
        std::lock_guard lock(mu_);
        conns_.emplace_back([this, client] { pump(client); });
    }
}

void Relay::pump(int client) {
    int server = connect_to(target_);
    if (server < 0) {
        reset_close(client);
        return;
    }
    size_t from_client = 0;
    char buf[16384];
    while (!stop_) {
        const Mode mode = mode_;
        const bool halted = mode == Mode::Stall && from_client >= after_;
        if (halted) {                             // a stalled relay holds both ends silently
            std::this_thread::sleep_for(20ms);
            continue;
        }
        pollfd p[2] = {{client, POLLIN, 0}, {server, POLLIN, 0}};
        if (::poll(p, 2, 50) <= 0) continue;
        if (p[0].revents) {
            size_t want = sizeof buf;
            if (mode != Mode::Pass) want = std::min(want, after_ > from_client ? after_ - from_client : size_t{0});
            if (want == 0) {
                if (mode == Mode::Cut) break;
                continue;
            }
            ssize_t n = ::recv(client, buf, want, 0);
            if (n <= 0) break;
            from_client += static_cast<size_t>(n);
            if (::send(server, buf, static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
            if (mode == Mode::Cut && from_client >= after_) break;
        }
        if (p[1].revents) {
            ssize_t n = ::recv(server, buf, sizeof buf, 0);
            if (n <= 0) break;
            if (::send(client, buf, static_cast<size_t>(n), MSG_NOSIGNAL) != n) break;
        }
    }
    reset_close(client);
    reset_close(server);
}

// -------------------------------------------------------------------------------------------
// [SECTION] API backend
// -------------------------------------------------------------------------------------------

ApiBackend::ApiBackend() {
    listen_fd_ = listen_on(port);
    thread_ = std::thread([this] { serve(); });
}

ApiBackend::~ApiBackend() {
    stop_ = true;
    thread_.join();
    ::close(listen_fd_);
}

std::map<std::string, std::string> ApiBackend::stored() {
    std::lock_guard lock(mu_);
    return stored_;
}

static std::string header_value(const std::string& head, const std::string& name) {
    std::string lower = head;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string key = "\r\n" + name + ":";
    auto pos = lower.find(key);
    if (pos == std::string::npos) return {};
    pos += key.size();
    auto end = head.find("\r\n", pos);
    std::string v = head.substr(pos, end - pos);
    while (!v.empty() && v.front() == ' ') v.erase(v.begin());
    return v;
}

void ApiBackend::forget() {
    std::lock_guard lock(mu_);
    stored_.clear();
    first_reply_.clear();
    files_.clear();
}

void ApiBackend::serve() {
    while (!stop_) {
        pollfd p{listen_fd_, POLLIN, 0};
        if (::poll(&p, 1, 50) <= 0) continue;
        int c = ::accept(listen_fd_, nullptr, nullptr);
        if (c < 0) continue;
        std::string req;
        char buf[16384];
        size_t head_end = std::string::npos, need = 0;
        while (true) {
            ssize_t n = ::recv(c, buf, sizeof buf, 0);
            if (n <= 0) break;
            req.append(buf, static_cast<size_t>(n));
            if (head_end == std::string::npos && (head_end = req.find("\r\n\r\n")) != std::string::npos)
                need = head_end + 4 + std::stoul("0" + header_value(req.substr(0, head_end + 2), "content-length"));
            if (head_end != std::string::npos && req.size() >= need) break;
        }
        std::string status = "400 Bad Request", reply = "{}", extra;
        const std::string head = head_end == std::string::npos ? "" : req.substr(0, head_end + 2);
        const std::string body = head_end == std::string::npos ? "" : req.substr(head_end + 4);
        const std::string method = head.substr(0, head.find(' '));
        const auto path_start = head.find(' ') + 1;
        const std::string path = head.substr(path_start, head.find(' ', path_start) - path_start);
        if (path.find("/slow/") != std::string::npos) std::this_thread::sleep_for(2s);
        if (method == "POST") {
            ++posts_;
            const std::string key = header_value(head, "idempotency-key");
            const std::string digest = wrong_digest ? indgang::exporting::sha256_hex("") : indgang::exporting::sha256_hex(body);
            std::string first_body;
            bool repeated = false;
            {
                std::lock_guard lock(mu_);
                auto [it, fresh] = stored_.emplace(key, body);   // a repeated key is not stored twice
                repeated = !fresh;
                first_body = it->second;
            }
            status = "201 Created";
            reply = "{\"id\":\"" + key + "\",\"sha256\":\"" + digest + "\",\"size\":" + std::to_string(body.size()) + "}";
            if (repeated && repeat == Repeat::Replay) {
                std::lock_guard lock(mu_);
                reply = first_reply_[key];
            } else if (repeated && repeat == Repeat::RejectChanged && first_body != body) {
                status = "422 Unprocessable Entity";
                reply = "{\"error\":\"Idempotency-Key reused with a different body\"}";
            } else if (!repeated) {
                std::lock_guard lock(mu_);
                first_reply_[key] = reply;
            }
            if (lose_replies > 0) {
                --lose_replies;               // stored, but the answer never arrives
                reset_close(c);
                continue;
            }
        } else if (method == "PUT" && path.rfind("/scripted/", 0) == 0) {
            ++puts_;
            {
                std::lock_guard lock(mu_);
                files_[path] = body;
            }
            status = "201 Created";
            reply = "";
            if (path.find("/accepted/") != std::string::npos) status = "202 Accepted";
            if (path.find("/moved/") != std::string::npos) {
                status = "308 Permanent Redirect";
                extra = "Location: https://new.example/drop/\r\n";
            }
        } else if (method == "GET" && path.rfind("/scripted/", 0) == 0) {
            std::lock_guard lock(mu_);
            auto it = files_.find(path);
            status = it == files_.end() ? "404 Not Found" : "200 OK";
            reply = it == files_.end() ? "" : it->second;
        }
        const std::string resp = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " +
                                 std::to_string(reply.size()) + "\r\n" + extra + "Connection: close\r\n\r\n" + reply;
        ::send(c, resp.data(), resp.size(), MSG_NOSIGNAL);
        ::close(c);
    }
}

// -------------------------------------------------------------------------------------------
// [SECTION] a drop's processor, a proxy that wants a login
// -------------------------------------------------------------------------------------------

Processor::Processor(fs::path inbox, fs::path processed, std::string suffix)
    : inbox_(std::move(inbox)), processed_(std::move(processed)), suffix_(std::move(suffix)) {
    fs::create_directories(processed_);
    thread_ = std::thread([this] {
        while (!stop_) {
            std::error_code ec;
            for (const auto& e : fs::directory_iterator(inbox_, ec)) {
                const std::string name = e.path().filename().string();
                if (name.size() <= suffix_.size() || name.compare(name.size() - suffix_.size(), suffix_.size(), suffix_) != 0)
                    continue;
                const std::string bundle = name.substr(0, name.size() - suffix_.size());
                fs::rename(inbox_ / bundle, processed_ / bundle, ec);
                fs::rename(e.path(), processed_ / name, ec);
            }
            std::this_thread::sleep_for(10ms);
        }
    });
}

Processor::~Processor() {
    stop_ = true;
    thread_.join();
}

LoginProxy::LoginProxy() {
    listen_fd_ = listen_on(port);
    thread_ = std::thread([this] {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            int c = ::accept(listen_fd_, nullptr, nullptr);
            if (c < 0) continue;
            std::string req;
            char buf[4096];
            while (req.find("\r\n\r\n") == std::string::npos) {
                ssize_t n = ::recv(c, buf, sizeof buf, 0);
                if (n <= 0) break;
                req.append(buf, static_cast<size_t>(n));
            }
            const std::string resp = "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic "
                                     "realm=\"kommune\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            ::send(c, resp.data(), resp.size(), MSG_NOSIGNAL);
            ::close(c);
        }
    });
}

LoginProxy::~LoginProxy() {
    stop_ = true;
    thread_.join();
    ::close(listen_fd_);
}

// -------------------------------------------------------------------------------------------

Servers::Servers() : pki(make_pki(tmp.path)) {
    nginx = std::make_unique<Nginx>(tmp.path, pki, api.port);
    sshd = std::make_unique<Sshd>(tmp.path);
}

Servers& servers() {
    static Servers s;
    return s;
}

indgang::upload::UploadTarget https_target(int port, const std::string& path) {
    auto& s = servers();
    indgang::upload::UploadTarget t;
    t.protocol = indgang::upload::Protocol::HttpsPut;
    indgang::upload::set_url(t, "https://127.0.0.1:" + std::to_string(port) + path, "test target");
    t.signing_key = (s.tmp.path / "signing.key").string();
    t.ca_file = s.pki.ca.string();
    t.bearer_token = s.nginx->token;
    t.connect_timeout_seconds = 3;
    t.stall_timeout_seconds = 2;
    t.total_timeout_seconds = 30;
    return t;
}

indgang::upload::UploadTarget sftp_target(int port, const fs::path& known_hosts) {
    auto& s = servers();
    indgang::upload::UploadTarget t;
    t.protocol = indgang::upload::Protocol::Sftp;
    indgang::upload::set_url(t, "sftp://" + s.sshd->user + "@127.0.0.1:" + std::to_string(port) +
                                    s.sshd->upload_dir.string() + "/",
                             "test target");
    t.signing_key = (s.tmp.path / "signing.key").string();
    t.ssh_private_key = s.sshd->client_key.string();
    t.ssh_public_key = s.sshd->client_pub.string();
    t.known_hosts = (known_hosts.empty() ? s.sshd->known_hosts : known_hosts).string();
    t.connect_timeout_seconds = 3;
    t.stall_timeout_seconds = 2;
    t.total_timeout_seconds = 30;
    return t;
}

}  // namespace loopback
