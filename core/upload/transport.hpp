// One delivery attempt of one payload to the municipality's target, through libcurl, with the
// delivery verified (a file drop is read back, an API receipt must echo the digest).
// Blocking: run it on a worker thread, never on the GUI thread.
#pragma once

#include "core/upload/target.hpp"

#include <optional>
#include <string>

namespace indgang::upload {

struct Payload {
    std::string bundle_id;                    // travels as Idempotency-Key
    std::string file_name;                    // carries the bundle id, so a retry overwrites, never duplicates
    std::string bytes;                        // what goes on the wire (sealed when the target says so)
    std::string sha256;                       // lowercase hex of `bytes`
};

enum class Outcome {
    Delivered,   // stored and verified
    Retry,       // transient: network, timeout, 5xx, cut transfer, unverified delivery
    Failed,      // needs a person (credentials, certificate, host key, config); retried on schedule anyway
};

struct AttemptResult {
    Outcome outcome = Outcome::Retry;
    long http_status = 0;                     // 0 when no HTTP answer (or SFTP)
    std::optional<long> retry_after_seconds;  // the server's Retry-After, when it sent one
    std::string message;                      // one clear line for staff and the attempt log
    std::string receipt;                      // Delivered: the server's receipt or our read-back record
};

AttemptResult deliver(const UploadTarget& target, const Payload& payload);

const char* to_string(Outcome o);

}  // namespace indgang::upload
