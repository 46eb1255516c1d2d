// The outbox: bundles queued by export_bundle are delivered here, nothing lost and nothing
// twice. The bytes that go on the wire are made once per bundle (signed, sealed when the target
// says so) and stored, so every attempt sends exactly them. Every attempt is recorded; failures
// back off exponentially with jitter and honour the server's Retry-After; a bundle is claimed
// (with the claiming process) before its attempt so two runs never send it at once, and a
// crashed attempt shows as interrupted. A confirmation that keeps failing stops after
// kMaxConfirmations tries instead of piling copies up on the drop.
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

inline constexpr int kMaxConfirmations = 5;

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
    bool stopped = false;                     // this attempt used up the confirmations: no more tries
};

struct RunReport {
    std::vector<AttemptLine> attempts;
    int delivered = 0;
    int still_pending = 0;                    // after this run, due later, failed or stopped
    std::optional<Instant> next_due;          // earliest next try among bundles still tried automatically
    std::vector<std::string> waiting;         // why pending bundles were not tried in this run (plain text)
};

// One pass over the due bundles. Blocking (network): call it from a worker or the CLI.
RunReport run_outbox(db::Db& db, const UploadTarget& target, Instant now, const OutboxOptions& options = {});

// How long a claim lasts: longer than the longest attempt (total_timeout_seconds, shared by all
// of an attempt's requests) plus time to prepare and record it.
int64_t claim_seconds(const UploadTarget& target);

// Makes (once) and stores the bytes a bundle is sent as; later calls return the stored ones.
// Export calls it when an upload config is at hand; otherwise the first attempt does.
struct Wire {
    std::string bytes;
    std::string sha256;
    std::string file_name;
};
Wire prepare_wire(db::Db& db, const UploadTarget& target, const std::string& bundle_id, Instant now);

// The centre's signing key file: the config's "signing_key", else signing.key beside the database.
std::string signing_key_path(const db::Db& db, const UploadTarget* target);

// A stopped bundle is tried again (after the person has fixed what the status said).
// Returns false for an unknown id or a bundle that is not stopped.
bool resume_bundle(db::Db& db, const std::string& bundle_id, Instant now);

struct BundleStatus {
    std::string id;
    Id site_id = 0;
    std::string period;
    std::string sha256;                       // of the archive (what open-bundle unpacks)
    std::string wire_sha256;                  // of the file sent (receipts show this); empty until made
    std::string file_name;                    // on the drop; empty until made
    int64_t size = 0;
    // "pending", "sending", "interrupted", "confirming", "failed" (needs a person, tried again),
    // "stopped" (needs a person, not tried again), "delivered", "delivered-unverified"
    std::string state;
    int attempts = 0;
    int unconfirmed = 0;
    Instant created_at = 0;
    Instant next_attempt_at = 0;
    std::optional<Instant> delivered_at;
    std::optional<Instant> claimed_until;
    int64_t claim_pid = 0;
    std::string last_message;
    std::optional<std::string> receipt;
};

// Every bundle, newest first.
std::vector<BundleStatus> outbox_status(db::Db& db, Instant now);

// One plain sentence for staff: what the state means and what, if anything, to do.
// `at` formats an instant in the reader's time zone.
std::string explain(const BundleStatus& s, const std::function<std::string(Instant)>& at);

struct AttemptRecord {
    Instant at = 0;
    std::string target;
    std::string outcome;                      // delivered | delivered-unverified | retry | failed | sending | interrupted
    std::optional<int64_t> http_status;
    std::string message;
};
std::vector<AttemptRecord> attempts_of(db::Db& db, const std::string& bundle_id);

// When to try again after `attempts` failed tries: 1 min doubling up to 6 h, with "equal
// jitter" (half fixed, half random) so many kiosks do not retry in step; never before the
// server's Retry-After (capped at a day). `random01` in [0, 1) comes from the caller.
Instant next_attempt_time(int attempts, Instant now, std::optional<long> retry_after_seconds, double random01);

// Removes the target's secrets (the bearer token) from a message, whatever produced it.
std::string scrub(std::string message, const UploadTarget& target);

}  // namespace indgang::upload
