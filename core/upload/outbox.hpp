// The outbox: bundles queued by export_bundle are delivered here, nothing lost and nothing
// twice. Every attempt is recorded; failures back off exponentially with jitter and honour the
// server's Retry-After; a bundle is claimed before its attempt so two runs never send it twice.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"
#include "core/upload/target.hpp"
#include "core/upload/transport.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace indgang::upload {

struct OutboxOptions {
    bool ignore_schedule = false;             // "send now": attempt pending bundles before their time
    // Delivery, replaceable in tests; the default is deliver() from transport.hpp.
    std::function<AttemptResult(const UploadTarget&, const Payload&)> deliver;
};

struct AttemptLine {
    std::string bundle_id;
    std::string file_name;
    Outcome outcome = Outcome::Retry;
    std::string message;
    Instant next_attempt_at = 0;              // pending bundles: when the next try is due
};

struct RunReport {
    std::vector<AttemptLine> attempts;
    int delivered = 0;
    int still_pending = 0;                    // after this run, due later or failed
    std::optional<Instant> next_due;          // earliest next_attempt_at among pending bundles
};

// One pass over the due bundles. Blocking (network): call it from a worker or the CLI.
RunReport run_outbox(db::Db& db, const UploadTarget& target, Instant now, const OutboxOptions& options = {});

struct BundleStatus {
    std::string id;
    Id site_id = 0;
    std::string period;
    std::string sha256;
    int64_t size = 0;
    std::string state;                        // "pending", "failed" (last attempt needs a person), "sending", "delivered"
    int attempts = 0;
    Instant created_at = 0;
    Instant next_attempt_at = 0;
    std::optional<Instant> delivered_at;
    std::string last_message;
    std::optional<std::string> receipt;
};

// Every bundle, newest first.
std::vector<BundleStatus> outbox_status(db::Db& db);

struct AttemptRecord {
    Instant at = 0;
    std::string target;
    std::string outcome;
    std::optional<int64_t> http_status;
    std::string message;
};
std::vector<AttemptRecord> attempts_of(db::Db& db, const std::string& bundle_id);

// When to try again after `attempts` failed tries: 1 min doubling up to 6 h, with "equal
// jitter" (half fixed, half random) so many kiosks do not retry in step; never before the
// server's Retry-After (capped at a day). `random01` in [0, 1) comes from the caller.
Instant next_attempt_time(int attempts, Instant now, std::optional<long> retry_after_seconds, double random01);

// The payload for a bundle: sealed to the municipality's key when the target names one.
Payload make_payload(const UploadTarget& target, const std::string& bundle_id, Id site_id,
                     const std::string& period, const std::string& content);

}  // namespace indgang::upload
