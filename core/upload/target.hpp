// Where the monthly extract goes: the municipality's upload target, read from a config file
// that holds secrets and is therefore refused when anyone but its owner can read it. The config
// is strict: unknown keys, passwords in URLs and tokens with control characters are refused when
// it loads, so a typo can never silently switch a protection off.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace indgang::upload {

// A config file that is missing, malformed, or too open. The message says how to fix it and
// never repeats a secret.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Protocol { HttpsPut, HttpsPost, Sftp };

// How the tool knows the municipality holds the file.
enum class Confirm {
    ReadBack,   // PUT/SFTP default: fetch the file back and compare size and SHA-256
    Receipt,    // POST: the API's JSON receipt echoes the digest
    Marker,     // write-only drops: a success reply, then a marker file written last
};

struct UploadTarget {
    Protocol protocol = Protocol::HttpsPut;
    Confirm confirm = Confirm::ReadBack;
    // scheme://[user@]host[:port] and the folder (PUT, SFTP) or endpoint (POST) path, decoded:
    // the path is kept as the server means it and encoded once, by file_url(), for curl.
    std::string origin;                       // "https://filer.kommune.dk" or "sftp://indgang@h:22"
    std::string path;                         // "/indgang/Kilden Kø/" (decoded)
    std::string query;                        // POST only, kept as written ("tenant=4")
    std::string url;                          // origin + encoded path (+ ?query): never a password
    // HTTPS authentication (either or both).
    std::string bearer_token;                 // sent as "Authorization: Bearer …"
    std::string client_certificate;           // PEM file
    std::string client_key;                   // PEM file, owner-only
    // Server verification is always on; these narrow it further.
    std::string ca_file;                      // trust only this CA bundle instead of the system's
    std::string pinned_public_key;            // "sha256//base64…" (or a PEM/DER public key file)
    // SFTP.
    std::string ssh_private_key;              // owner-only
    std::string ssh_public_key;               // optional; libssh2 derives it when empty
    std::string known_hosts;                  // required, owner-only: the server's host key must be listed
    // Sealing: when set, every bundle is sealed (crypto_box_seal) to this key, once.
    std::string municipality_public_key;      // base64 (32 bytes)
    // The centre's Ed25519 signing key (owner-only); empty: signing.key beside the database.
    std::string signing_key;
    // Marker mode: "<file name><marker_suffix>" is written after the bundle.
    std::string marker_suffix = ".klar_til_processering";
    // Timeouts: a dead network must never hang a run.
    long connect_timeout_seconds = 20;
    long stall_timeout_seconds = 60;          // abort when below stall_bytes_per_second this long
    long stall_bytes_per_second = 1;
    long total_timeout_seconds = 900;         // one whole attempt (upload, read-back, marker) together
};

// The config keys, in the order docs/upload.md lists them.
const std::vector<std::string>& known_config_keys();

// Reads a JSON config (see docs/upload.md). Throws ConfigError when the file, or a private key
// or known_hosts file it names, is readable or writable by group or others, or belongs to
// another user. Relative file names are taken relative to the config file's folder.
UploadTarget load_target(const std::string& path);

// Why the config at `path` cannot be used, in plain words for staff; empty when it loads.
std::string config_problem(const std::string& path);

// Parses the JSON text; relative file names resolve against `base_dir` (empty: the working
// directory). Key and known_hosts files are still checked.
UploadTarget parse_target(const std::string& json_text, const std::string& origin,
                          const std::string& base_dir = {});

// Sets origin/path/query/url from a URL as typed into a config (raw "ø" and spaces, or %-encoded,
// both mean the same). Throws ConfigError for a password, a stray '%' or control characters.
void set_url(UploadTarget& target, const std::string& typed_url, const std::string& where);

// Throws ConfigError unless `path` exists, is a regular file, is owned by us and has no
// group/other permission bits. `what` names the file in the message ("upload config").
void require_private_file(const std::string& path, const std::string& what);

// The encoded URL of `file_name` in the target's folder (PUT, SFTP).
std::string file_url(const UploadTarget& target, const std::string& file_name);
// Percent-encodes everything but RFC 3986 unreserved characters and '/'.
std::string url_encode_path(const std::string& decoded);

// "PUT https://host/dir/ (sealed)": for logs and the attempt table (never a secret).
std::string describe(const UploadTarget& target);
const char* to_string(Confirm c);

}  // namespace indgang::upload
