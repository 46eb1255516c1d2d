#include "print/print_worker.hpp"

#include "core/domain/settings.hpp"

#include <cstdio>

namespace indgang::kiosk {

PrintState state_of(const print::SendResult& r) {
    using print::SendOutcome;
    if (r.outcome == SendOutcome::Printed) return PrintState::Printed;
    if (r.outcome == SendOutcome::NotReady) {
        if (r.status.paper_out) return PrintState::PaperOut;
        if (r.status.cover_open) return PrintState::CoverOpen;
    }
    return PrintState::Offline;
}

PrinterHealth health_of(const print::SendResult& r) {
    using print::SendOutcome;
    if (r.outcome == SendOutcome::Printed) return PrinterHealth::Ready;
    if (r.outcome == SendOutcome::NotReady) {
        if (r.status.paper_out) return PrinterHealth::PaperOut;
        if (r.status.cover_open) return PrinterHealth::CoverOpen;
        if (r.status.error) return PrinterHealth::Error;
    }
    return PrinterHealth::Offline;
}

std::optional<print::Paper> paper_for_mm(long long mm) {
    if (mm == 58) return print::Paper::Mm58;
    if (mm == 80) return print::Paper::Mm80;
    return std::nullopt;
}

print::Paper paper_setting(db::Db& db) {
    // The one place the key is read (a row of the table in core/domain/settings.cpp).
    constexpr const char* kPaperMm = "printer.paper_mm";
    const long long mm = setting_int(db, kPaperMm);
    if (auto p = paper_for_mm(mm)) return *p;
    std::fprintf(stderr, "indgang-kiosk: printer.paper_mm is %lld: only 58 or 80 mm rolls exist; printing for 80 mm\n", mm);
    return print::Paper::Mm80;
}

PrintWorker::PrintWorker(print::PrinterTarget target, print::Paper paper, print::LinkTimeouts timeouts)
    : target_(std::move(target)), paper_(paper), timeouts_(timeouts), thread_([this] { run(); }) {}

PrintWorker::~PrintWorker() {
    {
        std::lock_guard lock(mu_);
        stop_ = true;
        queue_.clear();
    }
    cv_.notify_all();
    thread_.join();
}

void PrintWorker::submit(Slip slip) {
    if (!enabled()) return;
    {
        std::lock_guard lock(mu_);
        if (queue_.size() >= 2) return;
        queue_.push_back(std::move(slip));
        state_ = PrintState::Printing;
    }
    cv_.notify_one();
}

PrintState PrintWorker::state() const {
    std::lock_guard lock(mu_);
    return state_;
}

void PrintWorker::clear_state() {
    std::lock_guard lock(mu_);
    if (state_ != PrintState::Printing) state_ = PrintState::Idle;
}

std::string PrintWorker::last_detail() const {
    std::lock_guard lock(mu_);
    return detail_;
}

void PrintWorker::check_status() {
    if (!enabled()) return;
    {
        std::lock_guard lock(mu_);
        status_wanted_ = true;
    }
    cv_.notify_one();
}

PrinterHealth PrintWorker::health() const {
    if (!enabled()) return PrinterHealth::NotSet;
    std::lock_guard lock(mu_);
    return health_;
}

int PrintWorker::health_generation() const {
    std::lock_guard lock(mu_);
    return health_generation_;
}

void PrintWorker::run() {
    for (;;) {
        std::optional<Slip> slip;
        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !queue_.empty() || status_wanted_; });
            if (stop_) return;
            if (!queue_.empty()) {
                slip = std::move(queue_.front());
                queue_.pop_front();
            }
            status_wanted_ = false;
        }
        print::SendResult r;
        bool drawn = true;
        try {
            r = slip ? print::send_job(target_, print::encode_slip(render_slip(*slip, print::paper_dots(paper_))), timeouts_)
                     : print::query_status(target_, timeouts_);
        } catch (const std::exception& e) {
            r.detail = e.what();     // fonts missing: the visitor hears "not working", staff "error"
            drawn = false;
        }
        if (slip) std::fprintf(stderr, "indgang-kiosk: print: %s\n", r.detail.c_str());
        std::lock_guard lock(mu_);
        detail_ = r.detail;
        health_ = drawn ? health_of(r) : PrinterHealth::Error;
        ++health_generation_;
        // A later slip still queued keeps the state at Printing.
        if (slip && queue_.empty()) state_ = state_of(r);
    }
}

}  // namespace indgang::kiosk
