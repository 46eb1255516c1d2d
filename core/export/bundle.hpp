// The monthly extract for the municipality: per site and period a bundle (ustar archive) holding
// extract.json (described by docs/extract.schema.json), CSV files and SHA256SUMS. The same data
// always gives the same bytes and so the same SHA-256 digest. Exporting queues the bundle in the
// outbox in the same transaction that creates it.
#pragma once

#include "core/db/sqlite.hpp"
#include "core/domain/model.hpp"
#include "core/export/tar_archive.hpp"

#include <optional>
#include <string>
#include <vector>

namespace indgang::exporting {

inline constexpr int kExtractSchemaVersion = 1;

struct BuiltBundle {
    std::string folder;                       // "indgang-site1-2026-11": the archive's top folder
    std::vector<ArchiveFile> files;           // extract.json, activity.csv, feedback.csv, [comments.csv], SHA256SUMS
    std::string archive;                      // the ustar bytes
    std::string sha256;                       // of `archive`
};

// Builds without writing anything unless `record` (then the figures go into the publication
// ledger, docs/privacy.md). Throws DomainError (unknown site, bad period) with a clear message.
// `period` is a month ("2026-11") or a quarter ("2026-Q4").
BuiltBundle build_bundle(db::Db& db, Id site_id, const std::string& period, bool record = false);

struct QueuedBundle {
    std::string id;                           // UUID; the Idempotency-Key and part of the file name
    Id site_id = 0;
    std::string period;
    std::string sha256;
    size_t size = 0;
    Instant created_at = 0;
    bool reused = false;                      // the same content was already queued/delivered
};

// Settles past bookings (no-shows), builds the bundle and queues it, all in one transaction.
// Exporting unchanged data again returns the existing bundle instead of queuing a copy.
QueuedBundle export_bundle(db::Db& db, Id site_id, const std::string& period, Instant now);

// "indgang-site1-2026-11-<id>.tar": the name under which it is delivered.
std::string bundle_file_name(Id site_id, const std::string& period, const std::string& id);

// Checks an archive against its own SHA256SUMS; returns the files, or throws ArchiveError.
std::vector<ArchiveFile> verify_archive(std::string_view archive);

std::string new_bundle_id();                  // random UUID v4 (libsodium randombytes)

}  // namespace indgang::exporting
