// One delivery attempt of one bundle to the municipality's target, through libcurl, confirmed
// the way the target declares: read back, a receipt, or (write-only drops) a marker file
// written last. One attempt, all its requests together, ends within total_timeout_seconds.
// Blocking: run it on a worker thread, never on the GUI thread.
#pragma once

#include "core/upload/target.hpp"

#include <optional>
#include <string>

namespace indgang::upload {

struct Payload {
    std::string bundle_id;                    // travels as Idempotency-Key
    std::string file_name;                    // carries the bundle id, so a retry overwrites, never duplicates
    std::string bytes;                        // what goes on the wire: made once, the same in every attempt
    std::string sha256;                       // lowercase hex of `bytes`
    bool sent_before = false;                 // an earlier attempt's upload was taken: only confirm now
    bool tried_before = false;                // an earlier attempt may have landed (lost reply): look first
};

enum class Outcome {
    Delivered,   // stored and confirmed (read back or receipt)
    Unverified,  // write-only drop: the server took it and the marker is written; never sent again
    Retry,       // transient: network, timeout, 5xx, cut transfer, not yet confirmed
    Failed,      // needs a person (credentials, certificate, host key, config); said plainly
};

struct AttemptResult {
    Outcome outcome = Outcome::Retry;
    long http_status = 0;                     // 0 when no HTTP answer (or SFTP)
    std::optional<long> retry_after_seconds;  // the server's Retry-After, when it sent one
    std::string message;                      // one clear line for staff and the attempt log
    std::string receipt;                      // Delivered: the server's receipt or our read-back record
    bool sent = false;                        // the server has taken the file (now or before)
    bool unconfirmed = false;                 // taken, but the confirmation failed: counts towards the limit
    // Failed because of the target (config, credentials, certificate, an outdated or moved
    // server), not this bundle: every other bundle would fail the same way, so it is said once.
    bool target_fault = false;
};

AttemptResult deliver(const UploadTarget& target, const Payload& payload);

// "Test the connection" (the staff window's upload form): one small request to the target's
// folder or endpoint with exactly the checks a delivery makes (the server's certificate or SSH
// host key always verified, pins and client certificates as configured, the token sent), and
// nothing uploaded. Delivered when the server was reached and did not refuse us; otherwise the
// same plain message a delivery would give. Ends within the connect timeout plus 30 s.
AttemptResult test_connection(const UploadTarget& target);

const char* to_string(Outcome o);

}  // namespace indgang::upload
