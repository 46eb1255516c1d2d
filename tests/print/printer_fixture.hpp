// A pretend receipt printer on loopback TCP: it answers each DLE EOT with the status bytes the
// test chose (or stays silent), and keeps every other byte it receives until the client closes.
#pragma once

#include "core/print/escpos.hpp"

#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

struct PrinterFixture {
    std::string status;            // three reply bytes; "" = a printer without a back channel
    int port = 0;

    explicit PrinterFixture(std::string status_bytes) : status(std::move(status_bytes)) {
        listen_fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        REQUIRE(listen_fd_ >= 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listen_fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
        REQUIRE(::listen(listen_fd_, 4) == 0);
        socklen_t len = sizeof a;
        ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port = ntohs(a.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~PrinterFixture() {
        stop_ = true;
        thread_.join();
        ::close(listen_fd_);
    }
    // Everything received so far, all connections in order (call after the client is done).
    std::string received() {
        std::lock_guard lock(mu_);
        std::string all;
        for (const auto& c : conns_) all += c;
        return all;
    }
    std::vector<std::string> connections() {
        std::lock_guard lock(mu_);
        return conns_;
    }
    std::string url() const { return "tcp://127.0.0.1:" + std::to_string(port); }

private:
    void serve() {
        while (!stop_) {
            pollfd p{listen_fd_, POLLIN, 0};
            if (::poll(&p, 1, 50) <= 0) continue;
            const int c = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
            if (c < 0) continue;
            std::string conn;
            size_t scan = 0, queries = 0;
            for (;;) {
                char buf[4096];
                const ssize_t n = ::read(c, buf, sizeof buf);
                if (n <= 0) break;
                conn.append(buf, static_cast<size_t>(n));
                // Answer the DLE EOT queries that open a connection, one byte each, as they arrive.
                // Only the leading ones: raster bytes may contain 0x10 0x04 by chance.
                while (scan + 3 <= conn.size() && conn[scan] == 0x10 && conn[scan + 1] == 0x04) {
                    if (!status.empty()) {
                        const char reply = status[queries % status.size()];
                        if (::write(c, &reply, 1) != 1) break;
                    }
                    ++queries;
                    scan += 3;
                }
            }
            ::close(c);
            std::lock_guard lock(mu_);
            conns_.push_back(std::move(conn));
        }
    }
    int listen_fd_ = -1;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    std::mutex mu_;
    std::vector<std::string> conns_;
};
