// [SECTION] backoff and claims
// [SECTION] the bytes on the wire, made once
// [SECTION] one run
// [SECTION] status in plain words
#include "core/upload/outbox.hpp"

#include "core/domain/settings.hpp"
#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/seal.hpp"
#include "core/upload/signature.hpp"
#include "core/text/staff_text.hpp"

#include <sodium.h>

#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <filesystem>

namespace indgang::upload {

namespace {

constexpr int64_t kBaseDelay = 60;            // first retry after about a minute
constexpr int64_t kMaxDelay = 6 * 3600;       // never wait longer than six hours between tries
constexpr int64_t kMaxRetryAfter = 24 * 3600; // a server cannot park us for more than a day
constexpr int64_t kClaimMargin = 120;         // preparing and recording an attempt, generously

double random01() {
    if (sodium_init() < 0) return 0.5;
    return static_cast<double>(randombytes_uniform(1000000)) / 1000000.0;
}

// A claim from a process that no longer exists was left by a crash (or a kill): it is no claim.
bool process_alive(int64_t pid) {
    if (pid <= 0) return false;
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

bool claim_live(std::optional<int64_t> until, int64_t pid, Instant now) {
    return until && *until > now && process_alive(pid);
}

}  // namespace

// -------------------------------------------------------------------------------------------
// [SECTION] backoff and claims
// -------------------------------------------------------------------------------------------

Instant next_attempt_time(int attempts, Instant now, std::optional<long> retry_after, double r) {
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const int64_t delay = std::min<int64_t>(kMaxDelay, kBaseDelay << doublings);
    int64_t wait = delay / 2 + static_cast<int64_t>(std::floor(static_cast<double>(delay - delay / 2) * r));
    if (retry_after) wait = std::max<int64_t>(wait, std::min<int64_t>(*retry_after, kMaxRetryAfter));
    return now + std::max<int64_t>(wait, 1);
}

int64_t claim_seconds(const UploadTarget& target) { return target.total_timeout_seconds + kClaimMargin; }

std::string scrub(std::string message, const UploadTarget& target) {
    for (const std::string* secret : {&target.bearer_token}) {
        if (secret->size() < 4) continue;     // too short to find without damaging ordinary words
        for (auto pos = message.find(*secret); pos != std::string::npos; pos = message.find(*secret, pos))
            message.replace(pos, secret->size(), "[secret]");
    }
    return message;
}

// -------------------------------------------------------------------------------------------
// [SECTION] the bytes on the wire, made once
// -------------------------------------------------------------------------------------------

std::string signing_key_path(const db::Db& db, const UploadTarget* target) {
    if (target && !target->signing_key.empty()) return target->signing_key;
    return (std::filesystem::absolute(db.path()).parent_path() / "signing.key").string();
}

Wire prepare_wire(db::Db& db, const UploadTarget& target, const std::string& bundle_id, Instant now) {
    db::Transaction tx(db);
    auto& get = db.cached(
        "SELECT site_id, period, content, wire, wire_sha256, wire_name, sealed_to, signed_by, attempts, sent_at, "
        // Finished or interrupted attempts; the one being made right now is still 'sending'.
        "(SELECT count(*) FROM upload_attempt a WHERE a.bundle_id = bundle.id AND a.outcome <> 'sending') "
        "FROM bundle WHERE id = ?");
    get.bind(bundle_id);
    if (!get.step()) {
        get.reset();
        throw std::runtime_error("no bundle " + bundle_id);
    }
    const Id site_id = get.int64(0);
    const std::string period = get.text(1);
    const std::string content = get.blob(2);
    Wire stored;
    const bool made = !get.is_null(3);
    if (made) stored = {get.blob(3), get.text(4), get.text(5)};
    const std::string sealed_to = get.opt_text(6).value_or("");
    const std::string signed_by = get.opt_text(7).value_or("");
    const bool may_have_left = get.integer(8) > 0 || !get.is_null(9) || get.int64(10) > 0;
    get.reset();

    bool created = false;
    const std::string key_path = signing_key_path(db, &target);
    const SigningKey key = load_or_create_signing_key(key_path, &created);
    if (created)
        log_event(db, now, "upload",
                  text::st_fill("made the centre's signing key {path}; give the municipality its public key {key} (indgang-admin "
                      "signing-key prints it)",
                      {{"path", key_path}, {"key", key.public_key_base64}}));
    // Once an attempt may have reached the municipality, the bytes never change again (a retry
    // with a changed body under the same Idempotency-Key is refused, or worse, half-accepted).
    // Before that, a changed municipality or signing key applies.
    if (made && (may_have_left || (sealed_to == target.municipality_public_key && signed_by == key.public_key_base64)))
        return stored;

    Wire w;
    const std::string signed_bytes = sign_bundle(content, key);
    w.file_name = exporting::bundle_file_name(site_id, period, bundle_id);
    if (target.municipality_public_key.empty()) {
        w.bytes = signed_bytes;
        w.file_name += ".signed";
    } else {
        w.bytes = seal(signed_bytes, target.municipality_public_key);
        w.file_name += ".sealed";
    }
    w.sha256 = exporting::sha256_hex(w.bytes);
    db.cached("UPDATE bundle SET wire = ?, wire_sha256 = ?, wire_name = ?, sealed_to = ?, signed_by = ? WHERE id = ?")
        .bind(db::Blob{w.bytes}, w.sha256, w.file_name, target.municipality_public_key, key.public_key_base64, bundle_id)
        .exec();
    tx.commit();
    return w;
}

bool resume_bundle(db::Db& db, const std::string& bundle_id, Instant now) {
    db::Transaction tx(db);
    db.cached("UPDATE bundle SET stopped_at = NULL, unconfirmed = 0, next_attempt_at = ? "
              "WHERE id = ? AND status = 'pending' AND stopped_at IS NOT NULL")
        .bind(now, bundle_id)
        .exec();
    const bool changed = db.changes() > 0;
    if (changed) log_event(db, now, "upload", "bundle " + bundle_id + " resumed by staff");
    tx.commit();
    return changed;
}

// -------------------------------------------------------------------------------------------
// [SECTION] one run
// -------------------------------------------------------------------------------------------

namespace {

struct Claimed {
    std::string id;
    int attempts = 0;
    bool sent_before = false;
    int unconfirmed = 0;
    int64_t attempt_row = 0;
    bool tried_before = false;                // any earlier attempt, finished or not, may have landed
};

// Claims the bundle for this process when it is due and nobody else holds it. One IMMEDIATE
// transaction: reading and claiming cannot interleave with another run's.
std::optional<Claimed> claim(db::Db& db, const std::string& id, Instant now, const UploadTarget& target,
                             const OutboxOptions& options, std::vector<std::string>& waiting) {
    db::Transaction tx(db);
    auto& q = db.cached("SELECT attempts, sent_at, unconfirmed, next_attempt_at, stopped_at, claimed_until, claim_pid, "
                        "wire_name FROM bundle WHERE id = ? AND status = 'pending'");
    q.bind(id);
    if (!q.step()) {
        q.reset();
        return std::nullopt;
    }
    Claimed c{id, q.integer(0), !q.is_null(1), q.integer(2), 0};
    const Instant next = q.int64(3);
    const bool stopped = !q.is_null(4);
    const auto until = q.opt_int64(5);
    const int64_t pid = q.int64(6);
    const std::string name = q.opt_text(7).value_or(id);
    q.reset();
    if (stopped) {
        if (options.ignore_schedule)
            waiting.push_back(text::st_fill("{name}: stopped after {n} failed confirmations; it is not sent again by itself, so "
                                  "no copies pile up. Fix what its last message says, then resume it "
                                  "(indgang-admin upload --resume {id})",
                                  {{"name", name}, {"n", std::to_string(c.unconfirmed)}, {"id", id}}));
        return std::nullopt;
    }
    if (claim_live(until, pid, now)) {
        if (options.ignore_schedule)
            waiting.push_back(text::st_fill("{name}: being sent right now by another run (process {pid}); it finishes or gives "
                                  "up within {secs} s",
                                  {{"name", name}, {"pid", std::to_string(pid)}, {"secs", std::to_string(*until - now)}}));
        return std::nullopt;
    }
    if (!options.ignore_schedule && next > now) return std::nullopt;
    auto& earlier = db.cached("SELECT count(*) FROM upload_attempt WHERE bundle_id = ?");
    earlier.bind(id);
    c.tried_before = earlier.step() && earlier.int64(0) > 0;
    earlier.reset();
    // An attempt row still "sending" belongs to a run that died: say so in the log.
    db.cached("UPDATE upload_attempt SET outcome = 'interrupted', message = ? WHERE bundle_id = ? AND outcome = 'sending'")
        .bind(text::st_fill("this attempt did not finish: the program stopped during it (crash, power cut or kill); nothing "
                  "was lost, the bundle is tried again", {}),
              id)
        .exec();
    db.cached("UPDATE bundle SET claimed_until = ?, claim_pid = ? WHERE id = ?")
        .bind(now + claim_seconds(target), static_cast<int64_t>(::getpid()), id)
        .exec();
    db.cached("INSERT INTO upload_attempt (bundle_id, at, target, outcome, message) VALUES (?, ?, ?, 'sending', ?)")
        .bind(id, now, describe(target), text::st_fill("attempt started", {}))
        .exec();
    c.attempt_row = db.last_insert_id();
    tx.commit();
    return c;
}

std::string stop_advice(const UploadTarget& target, bool sent) {
    if (target.confirm == Confirm::Receipt)
        return text::st_fill("The API took the bundle but its receipt never matched what was sent; ask the municipality to "
                   "check their API, then resume it.", {});
    if (sent)
        return text::st_fill("The drop took the file but never let us read it back. If it is write-only or moves files away on "
                   "arrival, set \"confirm\": \"marker\" in the upload config, then resume it: the bundle is not sent "
                   "again, only the marker is written.", {});
    return text::st_fill("What was read back never matched what was sent (a proxy or portal in the way?); check the network, "
               "then resume it.", {});
}

}  // namespace

RunReport run_outbox(db::Db& db, const UploadTarget& target, Instant now, const OutboxOptions& options) {
    RunReport report;
    const std::string where = describe(target);
    const auto send = options.deliver ? options.deliver : deliver;

    std::vector<std::string> ids;
    {
        auto& q = db.cached("SELECT id FROM bundle WHERE status = 'pending' ORDER BY created_at, id");
        q.bind();
        while (q.step()) ids.push_back(q.text(0));
        q.reset();
    }
    std::string target_fault;                 // set once a bundle failed because of the target
    int not_tried = 0;
    for (const std::string& id : ids) {
        if (!target_fault.empty()) {
            ++not_tried;
            continue;
        }
        const auto c = claim(db, id, now, target, options, report.waiting);
        if (!c) continue;

        AttemptLine line;
        line.bundle_id = id;
        AttemptResult r;
        try {
            const Wire w = prepare_wire(db, target, id, now);
            line.file_name = w.file_name;
            Payload p{id, w.file_name, w.bytes, w.sha256, c->sent_before, c->tried_before};
            r = send(target, p);
        } catch (const std::exception& e) {
            r = AttemptResult{};
            r.outcome = Outcome::Failed;   // a bad key or key file: a person must fix it
            r.message = e.what();
        }
        r.message = scrub(r.message, target);
        const bool delivered = r.outcome == Outcome::Delivered || r.outcome == Outcome::Unverified;
        const int unconfirmed = c->unconfirmed + (r.unconfirmed ? 1 : 0);
        line.stopped = !delivered && unconfirmed >= kMaxConfirmations;
        if (line.stopped)
            r.message += " " + text::st_fill("Stopped after {n} failed confirmations.", {{"n", std::to_string(unconfirmed)}}) +
                         " " + stop_advice(target, r.sent);
        line.outcome = r.outcome;
        line.message = r.message;

        db::Transaction tx(db);
        db.cached("UPDATE upload_attempt SET outcome = ?, http_status = ?, message = ? WHERE id = ?")
            .bind(to_string(r.outcome), r.http_status ? std::optional<int64_t>(r.http_status) : std::nullopt,
                  r.message, c->attempt_row)
            .exec();
        if (delivered) {
            const char* how = r.outcome == Outcome::Unverified ? "marker" : to_string(target.confirm);
            db.cached("UPDATE bundle SET status = 'delivered', attempts = attempts + 1, receipt = ?, delivered_at = ?, "
                      "next_attempt_at = 0, confirmation = ?, sent_at = coalesce(sent_at, ?), claimed_until = NULL, "
                      "claim_pid = NULL WHERE id = ?")
                .bind(r.receipt, now, how, now, id)
                .exec();
            log_event(db, now, "upload", "bundle " + id + " delivered (" + how + "): " + where);
            ++report.delivered;
        } else {
            line.next_attempt_at = next_attempt_time(c->attempts + 1, now, r.retry_after_seconds, random01());
            db.cached("UPDATE bundle SET attempts = attempts + 1, next_attempt_at = ?, unconfirmed = ?, "
                      "sent_at = CASE WHEN ? THEN coalesce(sent_at, ?) ELSE NULL END, stopped_at = ?, "
                      "claimed_until = NULL, claim_pid = NULL WHERE id = ?")
                .bind(line.next_attempt_at, unconfirmed, r.sent, now,
                      line.stopped ? std::optional<int64_t>(now) : std::nullopt, id)
                .exec();
            if (line.stopped) log_event(db, now, "upload", "bundle " + id + " stopped: " + r.message);
        }
        tx.commit();
        if (r.outcome == Outcome::Failed && r.target_fault) target_fault = r.message;
        report.attempts.push_back(std::move(line));
    }
    if (not_tried > 0)
        report.waiting.push_back(text::st_fill("{n} more bundle(s) not tried in this run: the fault above is in the upload target, "
                                     "so they would fail the same way. They are tried once it is fixed.",
                                     {{"n", std::to_string(not_tried)}}));

    auto& pending = db.cached("SELECT count(*), min(CASE WHEN stopped_at IS NULL THEN next_attempt_at END) "
                              "FROM bundle WHERE status = 'pending'");
    pending.bind();
    if (pending.step()) {
        report.still_pending = pending.integer(0);
        report.next_due = pending.opt_int64(1);
    }
    pending.reset();
    if (options.ignore_schedule && report.attempts.empty() && report.waiting.empty())
        report.waiting.push_back(report.still_pending ? text::st_fill("nothing could be tried now", {})
                                                      : text::st_fill("nothing to send: every bundle is delivered", {}));
    return report;
}

// -------------------------------------------------------------------------------------------
// [SECTION] status in plain words
// -------------------------------------------------------------------------------------------

std::vector<BundleStatus> outbox_status(db::Db& db, Instant now) {
    std::vector<BundleStatus> out;
    auto& q = db.cached(
        "SELECT b.id, b.site_id, b.period, b.sha256, length(b.content), b.status, b.attempts, b.created_at, "
        "b.next_attempt_at, b.delivered_at, b.receipt, "
        "(SELECT outcome FROM upload_attempt a WHERE a.bundle_id = b.id ORDER BY a.id DESC LIMIT 1), "
        "(SELECT message FROM upload_attempt a WHERE a.bundle_id = b.id AND a.outcome <> 'sending' "
        " ORDER BY a.id DESC LIMIT 1), "
        "b.wire_sha256, b.wire_name, b.confirmation, b.stopped_at, b.claimed_until, b.claim_pid, b.sent_at, "
        "b.unconfirmed "
        "FROM bundle b ORDER BY b.created_at DESC, b.id");
    q.bind();
    while (q.step()) {
        BundleStatus s;
        s.id = q.text(0);
        s.site_id = q.int64(1);
        s.period = q.text(2);
        s.sha256 = q.text(3);
        s.size = q.int64(4);
        s.attempts = q.integer(6);
        s.created_at = q.int64(7);
        s.next_attempt_at = q.int64(8);
        s.delivered_at = q.opt_int64(9);
        s.receipt = q.opt_text(10);
        const std::string last = q.opt_text(11).value_or("");
        s.last_message = q.opt_text(12).value_or("");
        s.wire_sha256 = q.opt_text(13).value_or("");
        s.file_name = q.opt_text(14).value_or("");
        const std::string confirmation = q.opt_text(15).value_or("");
        const bool stopped = !q.is_null(16);
        s.claimed_until = q.opt_int64(17);
        s.claim_pid = q.int64(18);
        const bool sent = !q.is_null(19);
        s.unconfirmed = q.integer(20);
        if (q.text(5) == "delivered") s.state = confirmation == "marker" ? "delivered-unverified" : "delivered";
        else if (stopped) s.state = "stopped";
        else if (claim_live(s.claimed_until, s.claim_pid, now)) s.state = "sending";
        else if (last == "sending" || last == "interrupted") s.state = "interrupted";
        else if (last == "failed") s.state = "failed";
        else if (sent) s.state = "confirming";
        else s.state = "pending";
        out.push_back(std::move(s));
    }
    q.reset();
    return out;
}

std::string explain(const BundleStatus& s, const std::function<std::string(Instant)>& at) {
    const std::string next = at(s.next_attempt_at);
    if (s.state == "delivered")
        return text::st_fill("Delivered {time} and confirmed; nothing to do.", {{"time", at(s.delivered_at.value_or(0))}});
    if (s.state == "delivered-unverified")
        return text::st_fill("Delivered {time} to a write-only drop (marker written). It cannot be checked from here and is "
                   "never sent again; nothing to do.",
                   {{"time", at(s.delivered_at.value_or(0))}});
    if (s.state == "stopped")
        return text::st_fill("Stopped: it is not sent again by itself, so no copies pile up. Read the last message, fix the "
                   "cause, then press Try again (or: indgang-admin upload --resume {id}).",
                   {{"id", s.id}});
    if (s.state == "sending")
        return text::st_fill("Being sent right now (process {pid}).", {{"pid", std::to_string(s.claim_pid)}});
    if (s.state == "interrupted")
        return text::st_fill("The last try stopped without finishing (the program was stopped or crashed). Nothing was lost; it "
                   "is tried again {time}, or press Send now.",
                   {{"time", next}});
    if (s.state == "failed")
        return text::st_fill("Needs a person: the last message says what to fix. After that it is tried again {time}, or press "
                   "Send now.",
                   {{"time", next}});
    if (s.state == "confirming")
        return text::st_fill("The server took the file; confirming it (check {n} of {max}) {time}. It is not sent again.",
                   {{"n", std::to_string(s.unconfirmed + 1)}, {"max", std::to_string(kMaxConfirmations)}, {"time", next}});
    if (s.attempts == 0) return text::st_fill("Waiting for its first try {time}.", {{"time", next}});
    return text::st_fill("Not delivered yet; the last try failed for a passing reason. Next try {time}; nothing to do.",
               {{"time", next}});
}

std::vector<AttemptRecord> attempts_of(db::Db& db, const std::string& bundle_id) {
    std::vector<AttemptRecord> out;
    auto& q = db.cached("SELECT at, target, outcome, http_status, message FROM upload_attempt "
                        "WHERE bundle_id = ? ORDER BY id");
    q.bind(bundle_id);
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.opt_int64(3), q.text(4)});
    q.reset();
    return out;
}

}  // namespace indgang::upload
