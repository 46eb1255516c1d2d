#include "print/print_worker.hpp"

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

void PrintWorker::run() {
    for (;;) {
        Slip slip;
        {
            std::unique_lock lock(mu_);
            cv_.wait(lock, [&] { return stop_ || !queue_.empty(); });
            if (stop_) return;
            slip = std::move(queue_.front());
            queue_.pop_front();
        }
        print::SendResult r;
        try {
            r = print::send_job(target_, print::encode_slip(render_slip(slip, print::paper_dots(paper_))), timeouts_);
        } catch (const std::exception& e) {
            r.detail = e.what();     // fonts missing: reported like an offline printer
        }
        std::fprintf(stderr, "indgang-kiosk: print: %s\n", r.detail.c_str());
        std::lock_guard lock(mu_);
        detail_ = r.detail;
        // A later slip still queued keeps the state at Printing.
        if (queue_.empty()) state_ = state_of(r);
    }
}

}  // namespace indgang::kiosk
