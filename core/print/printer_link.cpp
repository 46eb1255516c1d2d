#include "core/print/printer_link.hpp"

#include "core/domain/model.hpp"

#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstring>
#include <fcntl.h>
#include <netdb.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

namespace indgang::print {

PrinterTarget parse_printer_target(std::string_view s) {
    PrinterTarget t;
    if (s.empty()) return t;
    if (s.starts_with("tcp://")) {
        std::string_view rest = s.substr(6);
        const auto colon = rest.rfind(':');
        t.kind = PrinterTarget::Kind::Tcp;
        t.host = std::string(rest.substr(0, colon));
        if (colon != std::string_view::npos) {
            const std::string_view p = rest.substr(colon + 1);
            const auto [end, ec] = std::from_chars(p.data(), p.data() + p.size(), t.port);
            if (ec != std::errc{} || end != p.data() + p.size() || t.port < 1 || t.port > 65535)
                throw DomainError(ErrorCode::Invalid, "printer.device: port must be 1-65535, got '" +
                                                          std::string(p) + "'");
        }
        if (t.host.empty()) throw DomainError(ErrorCode::Invalid, "printer.device: tcp:// needs a host");
        return t;
    }
    if (s.front() != '/')
        throw DomainError(ErrorCode::Invalid, "printer.device: a device path (/dev/usb/lp0) or tcp://HOST:PORT, got '" +
                                                  std::string(s) + "'");
    t.kind = PrinterTarget::Kind::Device;
    t.path = std::string(s);
    return t;
}

namespace {

using Clock = std::chrono::steady_clock;

// An owned file descriptor: every exit path closes it.
struct Fd {
    int fd = -1;
    explicit Fd(int f) : fd(f) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { if (fd >= 0) ::close(fd); }
};

int remaining_ms(Clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}

std::string errno_text(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

int open_tcp(const PrinterTarget& t, int timeout_ms, std::string& err) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* res = nullptr;
    if (const int rc = ::getaddrinfo(t.host.c_str(), std::to_string(t.port).c_str(), &hints, &res); rc != 0) {
        err = std::string("resolve ") + t.host + ": " + ::gai_strerror(rc);
        return -1;
    }
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    int fd = -1;
    for (addrinfo* a = res; a && fd < 0; a = a->ai_next) {
        fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0) continue;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0) break;
        if (errno == EINPROGRESS) {
            pollfd p{fd, POLLOUT, 0};
            int soerr = 0;
            socklen_t len = sizeof soerr;
            if (::poll(&p, 1, remaining_ms(deadline)) == 1 &&
                ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &len) == 0 && soerr == 0)
                break;
            errno = soerr ? soerr : ETIMEDOUT;
        }
        err = errno_text(("connect " + t.host + ":" + std::to_string(t.port)).c_str());
        ::close(fd);
        fd = -1;
    }
    ::freeaddrinfo(res);
    return fd;
}

int open_target(const PrinterTarget& t, const LinkTimeouts& to, std::string& err) {
    if (t.kind == PrinterTarget::Kind::Tcp) return open_tcp(t, to.connect_ms, err);
    // O_APPEND: a file standing in for the device collects every job. No O_CREAT: a missing
    // /dev/usb/lp0 (printer unplugged) must fail, not become a file in /dev.
    int fd = ::open(t.path.c_str(), O_RDWR | O_NONBLOCK | O_CLOEXEC | O_APPEND | O_NOCTTY);
    if (fd < 0 && errno == EACCES) fd = ::open(t.path.c_str(), O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_APPEND);
    if (fd < 0) err = errno_text(("open " + t.path).c_str());
    return fd;
}

bool write_all(int fd, const std::string& bytes, Clock::time_point deadline, std::string& err) {
    size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        const ssize_t w = (n < 0 && errno == ENOTSOCK) ? ::write(fd, bytes.data() + done, bytes.size() - done) : n;
        if (w > 0) { done += static_cast<size_t>(w); continue; }
        if (w < 0 && errno != EAGAIN && errno != EINTR) { err = errno_text("write"); return false; }
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) <= 0) { err = "write: timed out"; return false; }
    }
    return true;
}

// Up to three answer bytes; stops at EOF (a plain file, a one-way link) or the deadline.
std::string read_reply(int fd, int timeout_ms) {
    std::string got;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
    while (got.size() < 3) {
        pollfd p{fd, POLLIN, 0};
        if (::poll(&p, 1, remaining_ms(deadline)) <= 0) break;
        char buf[3];
        const ssize_t n = ::read(fd, buf, 3 - got.size());
        if (n > 0) got.append(buf, static_cast<size_t>(n));
        else if (n == 0 || (errno != EAGAIN && errno != EINTR)) break;
    }
    return got;
}

SendResult talk(const PrinterTarget& t, const std::string* job, const LinkTimeouts& to) {
    SendResult r;
    if (t.kind == PrinterTarget::Kind::None) { r.detail = "no printer set"; return r; }
    Fd fd(open_target(t, to, r.detail));
    if (fd.fd < 0) return r;
    if (!write_all(fd.fd, status_request(), Clock::now() + std::chrono::milliseconds(to.write_ms), r.detail))
        return r;
    r.status = parse_status(read_reply(fd.fd, to.status_ms));
    if (r.status.answered && !r.status.ready()) {
        r.outcome = SendOutcome::NotReady;
        r.detail = "printer not ready";
        return r;
    }
    if (!job) { r.outcome = SendOutcome::Printed; r.detail = r.status.answered ? "ready" : "no answer"; return r; }
    if (!write_all(fd.fd, *job, Clock::now() + std::chrono::milliseconds(to.write_ms), r.detail)) return r;
    if (t.kind == PrinterTarget::Kind::Tcp) ::shutdown(fd.fd, SHUT_WR);   // port 9100 prints on close
    r.outcome = SendOutcome::Printed;
    r.detail = "sent " + std::to_string(job->size()) + " bytes";
    return r;
}

}  // namespace

SendResult send_job(const PrinterTarget& target, const std::string& job, const LinkTimeouts& t) {
    return talk(target, &job, t);
}

SendResult query_status(const PrinterTarget& target, const LinkTimeouts& t) { return talk(target, nullptr, t); }

}  // namespace indgang::print
