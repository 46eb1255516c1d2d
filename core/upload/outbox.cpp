#include "core/upload/outbox.hpp"

#include "core/domain/settings.hpp"
#include "core/export/bundle.hpp"
#include "core/export/digest.hpp"
#include "core/upload/seal.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace indgang::upload {

namespace {

constexpr int64_t kBaseDelay = 60;            // first retry after about a minute
constexpr int64_t kMaxDelay = 6 * 3600;       // never wait longer than six hours between tries
constexpr int64_t kMaxRetryAfter = 24 * 3600; // a server cannot park us for more than a day

double random01() {
    if (sodium_init() < 0) return 0.5;
    return static_cast<double>(randombytes_uniform(1000000)) / 1000000.0;
}

struct Due {
    std::string id;
    Id site_id = 0;
    std::string period;
    int attempts = 0;
};

}  // namespace

Instant next_attempt_time(int attempts, Instant now, std::optional<long> retry_after, double r) {
    const int doublings = std::clamp(attempts - 1, 0, 20);
    const int64_t delay = std::min<int64_t>(kMaxDelay, kBaseDelay << doublings);
    int64_t wait = delay / 2 + static_cast<int64_t>(std::floor(static_cast<double>(delay - delay / 2) * r));
    if (retry_after) wait = std::max<int64_t>(wait, std::min<int64_t>(*retry_after, kMaxRetryAfter));
    return now + std::max<int64_t>(wait, 1);
}

Payload make_payload(const UploadTarget& target, const std::string& bundle_id, Id site_id,
                     const std::string& period, const std::string& content) {
    Payload p;
    p.bundle_id = bundle_id;
    p.file_name = exporting::bundle_file_name(site_id, period, bundle_id);
    if (target.municipality_public_key.empty()) {
        p.bytes = content;
    } else {
        // Sealed afresh for each attempt (crypto_box_seal is randomised); the file name stays the
        // same, so a retry replaces an earlier copy instead of adding one.
        p.bytes = seal(content, target.municipality_public_key);
        p.file_name += ".sealed";
    }
    p.sha256 = exporting::sha256_hex(p.bytes);
    return p;
}

RunReport run_outbox(db::Db& db, const UploadTarget& target, Instant now, const OutboxOptions& options) {
    RunReport report;
    const std::string where = describe(target);
    const auto send = options.deliver ? options.deliver : deliver;
    // A claimed bundle is invisible to other runs, even "send now" ones, until the attempt is
    // recorded: the claim is stored as a negative next_attempt_at (minus its expiry), so should
    // this process die mid-attempt, the claim simply runs out.
    const Instant lease = -(now + target.total_timeout_seconds + target.connect_timeout_seconds + 60);
    const char* is_due = "((next_attempt_at >= 0 AND (? OR next_attempt_at <= ?)) OR (next_attempt_at < 0 AND -next_attempt_at <= ?))";

    std::vector<Due> due;
    {
        db::Stmt q = db.prepare(std::string("SELECT id, site_id, period, attempts FROM bundle WHERE status = 'pending' AND ") +
                                is_due + " ORDER BY created_at, id");
        q.bind(options.ignore_schedule, now, now);
        while (q.step()) due.push_back({q.text(0), q.int64(1), q.text(2), q.integer(3)});
    }
    for (const Due& d : due) {
        std::string content;
        {
            db::Transaction tx(db);
            db::Stmt claim = db.prepare(std::string("UPDATE bundle SET next_attempt_at = ? WHERE id = ? AND status = 'pending' AND ") + is_due);
            claim.bind(lease, d.id, options.ignore_schedule, now, now).exec();
            if (db.changes() == 0) continue;  // another run took it, or it was delivered meanwhile
            auto& get = db.cached("SELECT content FROM bundle WHERE id = ?");
            get.bind(d.id);
            if (get.step()) content = get.blob(0);
            get.reset();
            tx.commit();
        }

        AttemptLine line;
        line.bundle_id = d.id;
        AttemptResult r;
        try {
            const Payload p = make_payload(target, d.id, d.site_id, d.period, content);
            line.file_name = p.file_name;
            r = send(target, p);
        } catch (const std::exception& e) {
            r.outcome = Outcome::Failed;   // a bad key in the config: a person must fix it
            r.message = e.what();
        }
        line.outcome = r.outcome;
        line.message = r.message;

        db::Transaction tx(db);
        db.cached("INSERT INTO upload_attempt (bundle_id, at, target, outcome, http_status, message) "
                  "VALUES (?, ?, ?, ?, ?, ?)")
            .bind(d.id, now, where, to_string(r.outcome),
                  r.http_status ? std::optional<int64_t>(r.http_status) : std::nullopt, r.message)
            .exec();
        if (r.outcome == Outcome::Delivered) {
            db.cached("UPDATE bundle SET status = 'delivered', attempts = attempts + 1, receipt = ?, "
                      "delivered_at = ?, next_attempt_at = 0 WHERE id = ?")
                .bind(r.receipt, now, d.id)
                .exec();
            log_event(db, now, "upload", "bundle " + d.id + " (" + d.period + ") delivered: " + where);
            ++report.delivered;
        } else {
            line.next_attempt_at = next_attempt_time(d.attempts + 1, now, r.retry_after_seconds, random01());
            db.cached("UPDATE bundle SET attempts = attempts + 1, next_attempt_at = ? WHERE id = ?")
                .bind(line.next_attempt_at, d.id)
                .exec();
        }
        tx.commit();
        report.attempts.push_back(std::move(line));
    }

    auto& pending = db.cached("SELECT count(*), min(abs(next_attempt_at)) FROM bundle WHERE status = 'pending'");
    pending.bind();
    if (pending.step()) {
        report.still_pending = pending.integer(0);
        report.next_due = pending.opt_int64(1);
    }
    pending.reset();
    return report;
}

std::vector<BundleStatus> outbox_status(db::Db& db) {
    std::vector<BundleStatus> out;
    auto& q = db.cached(
        "SELECT b.id, b.site_id, b.period, b.sha256, length(b.content), b.status, b.attempts, b.created_at, "
        "b.next_attempt_at, b.delivered_at, b.receipt, "
        "(SELECT outcome FROM upload_attempt a WHERE a.bundle_id = b.id ORDER BY a.id DESC LIMIT 1), "
        "(SELECT message FROM upload_attempt a WHERE a.bundle_id = b.id ORDER BY a.id DESC LIMIT 1) "
        "FROM bundle b ORDER BY b.created_at DESC, b.id");
    q.bind();
    while (q.step()) {
        BundleStatus s;
        s.id = q.text(0);
        s.site_id = q.int64(1);
        s.period = q.text(2);
        s.sha256 = q.text(3);
        s.size = q.int64(4);
        s.state = q.text(5);
        if (s.state == "pending" && q.opt_text(11).value_or("") == "failed") s.state = "failed";
        if (s.state != "delivered" && q.int64(8) < 0) s.state = "sending";   // claimed by a run right now
        s.attempts = q.integer(6);
        s.created_at = q.int64(7);
        s.next_attempt_at = std::abs(q.int64(8));
        s.delivered_at = q.opt_int64(9);
        s.receipt = q.opt_text(10);
        s.last_message = q.opt_text(12).value_or("");
        out.push_back(std::move(s));
    }
    return out;
}

std::vector<AttemptRecord> attempts_of(db::Db& db, const std::string& bundle_id) {
    std::vector<AttemptRecord> out;
    auto& q = db.cached("SELECT at, target, outcome, http_status, message FROM upload_attempt "
                        "WHERE bundle_id = ? ORDER BY id");
    q.bind(bundle_id);
    while (q.step()) out.push_back({q.int64(0), q.text(1), q.text(2), q.opt_int64(3), q.text(4)});
    return out;
}

}  // namespace indgang::upload
