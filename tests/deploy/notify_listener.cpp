// notify-listen SOCKET SECONDS: stands in for systemd's notify socket. Binds a datagram socket at
// SOCKET and prints each message the kiosk sends ("READY=1", "WATCHDOG=1") as one line with the
// milliseconds since start, for SECONDS; the deploy tests count and time the watchdog's feeds.
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: notify-listen SOCKET SECONDS\n");
        return 2;
    }
    sockaddr_un addr{};
    addr.sun_family = AF_UNIX;
    if (std::strlen(argv[1]) >= sizeof addr.sun_path) return 2;
    std::strcpy(addr.sun_path, argv[1]);
    const int fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    unlink(argv[1]);
    if (fd < 0 || bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        std::perror("notify-listen: bind");
        return 1;
    }
    using clock = std::chrono::steady_clock;
    const auto start = clock::now();
    const auto until = start + std::chrono::milliseconds(static_cast<long>(std::atof(argv[2]) * 1000));
    setvbuf(stdout, nullptr, _IOLBF, 0);
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - clock::now()).count();
        if (left <= 0) break;
        pollfd p{fd, POLLIN, 0};
        if (poll(&p, 1, static_cast<int>(left)) <= 0) continue;
        char buf[4096];
        const ssize_t n = recv(fd, buf, sizeof buf - 1, 0);
        if (n <= 0) continue;
        std::string msg(buf, static_cast<size_t>(n));
        for (char& c : msg)
            if (c == '\n') c = ';';
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - start).count();
        std::printf("%lld %s\n", static_cast<long long>(ms), msg.c_str());
    }
    // The socket file stays: a later run may have bound a new one at the same path.
    return 0;
}
