// Where the monthly extract goes: the municipality's upload target, read from a config file
// that holds secrets and is therefore refused when anyone but its owner can read it.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>

namespace indgang::upload {

// A config file that is missing, malformed, or too open. The message says how to fix it.
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

enum class Protocol { HttpsPut, HttpsPost, Sftp };

struct UploadTarget {
    Protocol protocol = Protocol::HttpsPut;
    std::string url;                          // https://…/dir/ (PUT), https://…/endpoint (POST), sftp://user@host:port/dir/
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
    std::string known_hosts;                  // required: the server's host key must be listed
    // Sealing: when set, every payload is sealed (crypto_box_seal) to this key before it leaves.
    std::string municipality_public_key;      // base64 (32 bytes)
    // Timeouts: a dead network must never hang a run.
    long connect_timeout_seconds = 20;
    long stall_timeout_seconds = 60;          // abort when below stall_bytes_per_second this long
    long stall_bytes_per_second = 1;
    long total_timeout_seconds = 900;         // backstop for a transfer that trickles forever
};

// Reads a JSON config (see docs/upload.md). Throws ConfigError when the file, or a private key
// file it names, is readable or writable by group or others, or belongs to another user.
UploadTarget load_target(const std::string& path);

// Parses the JSON text without touching the file system (key files are still checked).
UploadTarget parse_target(const std::string& json_text, const std::string& origin);

// Throws ConfigError unless `path` exists, is a regular file, is owned by us and has no
// group/other permission bits. `what` names the file in the message ("upload config").
void require_private_file(const std::string& path, const std::string& what);

// The URL without user info, for logs and the attempt table (never a secret).
std::string describe(const UploadTarget& target);

}  // namespace indgang::upload
