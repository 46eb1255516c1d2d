// [SECTION] curl handle and common options
// [SECTION] error classification
// [SECTION] read-back and marker
// [SECTION] HTTPS PUT (file drop, WebDAV)
// [SECTION] HTTPS POST (API) with receipt check
// [SECTION] SFTP: temp name, rename, confirm
#include "core/upload/transport.hpp"

#include "core/export/digest.hpp"
#include "core/text/staff_text.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <mutex>

namespace indgang::upload {

using exporting::sha256_hex;
using Clock = std::chrono::steady_clock;

const char* to_string(Outcome o) {
    switch (o) {
        case Outcome::Delivered: return "delivered";
        case Outcome::Unverified: return "delivered-unverified";
        case Outcome::Retry: return "retry";
        case Outcome::Failed: return "failed";
    }
    return "?";
}

namespace {

// -------------------------------------------------------------------------------------------
// [SECTION] curl handle and common options
// -------------------------------------------------------------------------------------------

void global_init() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Easy {
    CURL* h = nullptr;
    curl_slist* headers = nullptr;
    curl_slist* postquote = nullptr;
    char error[CURL_ERROR_SIZE] = {};
    std::string body;                         // response body (capped)
    size_t body_cap = 1 << 20;
    bool body_overflow = false;
    std::string_view upload;                  // request body for PUT / SFTP
    size_t upload_pos = 0;
    int host_key_match = -1;                  // curl_khmatch seen by the SSH key callback

    Easy() {
        global_init();
        h = curl_easy_init();
        if (!h) throw std::runtime_error("curl_easy_init failed");
    }
    ~Easy() {
        curl_slist_free_all(headers);
        curl_slist_free_all(postquote);
        curl_easy_cleanup(h);
    }
    Easy(const Easy&) = delete;
    Easy& operator=(const Easy&) = delete;

    void header(const std::string& line) { headers = curl_slist_append(headers, line.c_str()); }
    long status() const {
        long code = 0;
        curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
        return code;
    }
    long proxy_status() const {
        long code = 0;
        curl_easy_getinfo(h, CURLINFO_HTTP_CONNECTCODE, &code);
        return code;
    }
    std::optional<long> retry_after() const {
        curl_off_t secs = 0;
        if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &secs) == CURLE_OK && secs > 0)
            return static_cast<long>(secs);
        return std::nullopt;
    }
    std::string location() const {
        char* where = nullptr;
        curl_easy_getinfo(h, CURLINFO_REDIRECT_URL, &where);
        return where ? where : "";
    }
};

// All requests of one attempt share one deadline, so the claim on a bundle (total timeout plus a
// margin) always outlives the attempt: a second run can never send it in parallel.
struct Attempt {
    const UploadTarget& t;
    const Payload& p;
    Clock::time_point deadline;
    long remaining_ms() const {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        return std::max<long>(1, static_cast<long>(left));
    }
};

size_t on_write(char* data, size_t size, size_t n, void* user) {
    auto* e = static_cast<Easy*>(user);
    const size_t len = size * n;
    if (e->body.size() + len > e->body_cap) {
        e->body_overflow = true;
        return 0;                             // stops the transfer: more than we can ever expect
    }
    e->body.append(data, len);
    return len;
}

size_t on_read(char* buffer, size_t size, size_t n, void* user) {
    auto* e = static_cast<Easy*>(user);
    const size_t len = std::min(size * n, e->upload.size() - e->upload_pos);
    std::memcpy(buffer, e->upload.data() + e->upload_pos, len);
    e->upload_pos += len;
    return len;
}

int on_ssh_key(CURL*, const curl_khkey*, const curl_khkey*, enum curl_khmatch match, void* user) {
    static_cast<Easy*>(user)->host_key_match = match;
    // Only a key already listed in known_hosts is accepted; nothing is ever added automatically.
    return match == CURLKHMATCH_OK ? CURLKHSTAT_FINE : CURLKHSTAT_REJECT;
}

void common_options(Easy& e, const Attempt& a, const std::string& url) {
    const UploadTarget& t = a.t;
    CURL* h = e.h;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,sftp");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);           // safe on worker threads
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, e.error);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "indgang/" INDGANG_VERSION);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, std::min(t.connect_timeout_seconds * 1000, a.remaining_ms()));
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, t.stall_bytes_per_second);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, t.stall_timeout_seconds);
    curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, a.remaining_ms());
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);     // a redirect is a portal or a mistake, never a delivery
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_write);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &e);
    // Verification stays on whatever the config says; these only narrow it.
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
    if (!t.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, t.ca_file.c_str());
    if (!t.pinned_public_key.empty()) curl_easy_setopt(h, CURLOPT_PINNEDPUBLICKEY, t.pinned_public_key.c_str());
    if (!t.client_certificate.empty()) {
        curl_easy_setopt(h, CURLOPT_SSLCERT, t.client_certificate.c_str());
        curl_easy_setopt(h, CURLOPT_SSLKEY, t.client_key.c_str());
    }
    if (t.protocol == Protocol::Sftp) {
        curl_easy_setopt(h, CURLOPT_SSH_AUTH_TYPES, static_cast<long>(CURLSSH_AUTH_PUBLICKEY));
        curl_easy_setopt(h, CURLOPT_SSH_PRIVATE_KEYFILE, t.ssh_private_key.c_str());
        if (!t.ssh_public_key.empty()) curl_easy_setopt(h, CURLOPT_SSH_PUBLIC_KEYFILE, t.ssh_public_key.c_str());
        curl_easy_setopt(h, CURLOPT_SSH_KNOWNHOSTS, t.known_hosts.c_str());
        curl_easy_setopt(h, CURLOPT_SSH_KEYFUNCTION, on_ssh_key);
        curl_easy_setopt(h, CURLOPT_SSH_KEYDATA, &e);
    }
    // The token was checked for control characters when the config loaded.
    if (!t.bearer_token.empty()) e.header("Authorization: Bearer " + t.bearer_token);
}

void upload_body(Easy& e, std::string_view bytes) {
    curl_easy_setopt(e.h, CURLOPT_UPLOAD, 1L);
    e.upload = bytes;
    curl_easy_setopt(e.h, CURLOPT_READFUNCTION, on_read);
    curl_easy_setopt(e.h, CURLOPT_READDATA, &e);
    curl_easy_setopt(e.h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(bytes.size()));
}

// -------------------------------------------------------------------------------------------
// [SECTION] error classification
// -------------------------------------------------------------------------------------------

bool mentions(const std::string& text, std::initializer_list<const char*> words) {
    return std::any_of(words.begin(), words.end(), [&](const char* w) { return text.find(w) != std::string::npos; });
}

AttemptResult transport_error(const Easy& e, CURLcode rc, const std::string& what) {
    AttemptResult r;
    const std::string detail = e.error[0] ? std::string(e.error) : curl_easy_strerror(rc);
    const std::map<std::string, std::string> v = {{"what", what}, {"detail", detail}};
    const long proxy = e.proxy_status();
    if (proxy == 407) {
        r.outcome = Outcome::Failed;
        r.target_fault = true;
        r.message = text::st_fill("{what}: the proxy between us and the municipality wants a login (HTTP 407); ask the IT "
                        "department to let this machine through the proxy",
                        v);
        return r;
    }
    if (proxy >= 400) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the proxy refused the connection (HTTP {status})", {{"what", what}, {"status", std::to_string(proxy)}});
        return r;
    }
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: the server's name could not be looked up (offline?): {detail}", v);
            break;
        case CURLE_COULDNT_CONNECT:
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: could not connect; the server is down or unreachable: {detail}", v);
            break;
        case CURLE_OPERATION_TIMEDOUT:
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: timed out; the server stopped answering or the line stalled: {detail}", v);
            break;
        case CURLE_SSL_CONNECT_ERROR:
            // OpenSSL names an outdated server this way; retrying cannot help, the server must change.
            if (mentions(detail, {"unsupported protocol", "protocol version", "legacy sigalg", "no protocols available",
                                  "sslv3 alert handshake failure", "no shared cipher", "dh key too small",
                                  "ee key too small", "ca md too weak"})) {
                r.outcome = Outcome::Failed;
                r.message = text::st_fill("{what}: the server only speaks an outdated, insecure TLS version or cipher; the "
                                "municipality must update it (TLS 1.2 or newer). Technical detail: {detail}",
                                v);
                break;
            }
            [[fallthrough]];
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_UPLOAD_FAILED:
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: the connection was cut before the transfer finished: {detail}", v);
            break;
        case CURLE_PEER_FAILED_VERIFICATION:
            r.outcome = Outcome::Failed;
            if (e.host_key_match == CURLKHMATCH_MISMATCH)
                r.message = text::st_fill("{what}: the SFTP server's host key does NOT match known_hosts; refusing "
                                "(interception, or a rebuilt server: confirm the new key with the municipality)",
                                v);
            else if (e.host_key_match == CURLKHMATCH_MISSING)
                r.message = text::st_fill("{what}: the SFTP server's host key is not in known_hosts; refusing "
                                "(add the key the municipality gave you)",
                                v);
            else
                r.message = text::st_fill("{what}: the server's certificate is not trusted (wrong host name, "
                                "self-signed or unknown CA): {detail}",
                                v);
            break;
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            r.outcome = Outcome::Failed;
            r.message = text::st_fill("{what}: the server's public key does not match the pinned key: {detail}", v);
            break;
        case CURLE_SSH:
            // libssh2 reports a dropped connection and a refused write alike; sftp() looks closer.
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: the SSH connection failed or was cut: {detail}", v);
            break;
        case CURLE_LOGIN_DENIED:
            r.outcome = Outcome::Failed;
            r.message = text::st_fill("{what}: the server refused our login (key or user name); check the config: {detail}", v);
            break;
        case CURLE_URL_MALFORMAT:
            r.outcome = Outcome::Failed;
            r.message = text::st_fill("{what}: the url is not valid; check \"url\" in the upload config: {detail}", v);
            break;
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_REMOTE_ACCESS_DENIED:
        case CURLE_REMOTE_FILE_NOT_FOUND:
        case CURLE_QUOTE_ERROR:
            r.outcome = Outcome::Failed;
            r.message = text::st_fill("{what}: {detail}", v);
            break;
        default:
            r.outcome = Outcome::Retry;
            r.message = text::st_fill("{what}: {detail}", v);
    }
    r.target_fault = r.outcome == Outcome::Failed;   // no Failed case above depends on the bundle
    return r;
}

AttemptResult http_error(const Easy& e, const std::string& what) {
    AttemptResult r;
    r.http_status = e.status();
    r.retry_after_seconds = e.retry_after();
    const long s = r.http_status;
    const std::map<std::string, std::string> v = {{"what", what}, {"status", std::to_string(s)}};
    if (s == 401 || s == 403) {
        r.outcome = Outcome::Failed;
        r.message = text::st_fill("{what}: the server refused our credentials (HTTP {status}); check the token or client "
                        "certificate",
                        v);
    } else if (s >= 500 || s == 408 || s == 429) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the server is busy or failing (HTTP {status})", v);
        if (r.retry_after_seconds)
            r.message += text::st_fill("; it asked us to wait {secs} s", {{"secs", std::to_string(*r.retry_after_seconds)}});
    } else if (s == 301 || s == 308) {
        // Moved for good: retrying for days cannot help, the config must change.
        r.outcome = Outcome::Failed;
        r.message = text::st_fill("{what}: the server says the drop has moved for good (HTTP {status}) to {location}; check "
                        "the new address with the municipality and change \"url\"",
                        {{"what", what}, {"status", std::to_string(s)}, {"location", e.location().empty() ? "?" : e.location()}});
    } else if (s >= 300 && s < 400) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the server redirected us (HTTP {status}); a captive portal or proxy may be in the way", v);
    } else {
        r.outcome = Outcome::Failed;
        r.message = text::st_fill("{what}: the server rejected the upload (HTTP {status})", v);
    }
    // Credentials and a moved drop concern the target; another 4xx may be about this bundle.
    r.target_fault = s == 401 || s == 403 || s == 301 || s == 308;
    return r;
}

// -------------------------------------------------------------------------------------------
// [SECTION] read-back and marker
// -------------------------------------------------------------------------------------------

enum class Seen { Same, Missing, Different, Error };

// Fetches `url` and compares it with the payload; on anything but Same, `r` says why.
Seen read_back(const Attempt& a, const std::string& url, const std::string& shown, AttemptResult& r) {
    Easy e;
    common_options(e, a, url);
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);   // the same credentials as the upload
    e.body_cap = a.p.bytes.size() + 1;        // one byte more proves it is too long
    const CURLcode rc = curl_easy_perform(e.h);
    const std::map<std::string, std::string> v = {{"what", shown}};
    if (rc == CURLE_REMOTE_FILE_NOT_FOUND || rc == CURLE_REMOTE_ACCESS_DENIED) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the server took the file but does not let us read it back (it may be write-only "
                        "or move files away on arrival)",
                        v);
        return Seen::Missing;
    }
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && e.body_overflow)) {
        r = transport_error(e, rc, text::st_fill("reading {what} back", v));
        r.outcome = Outcome::Retry;
        return Seen::Error;
    }
    if (a.t.protocol != Protocol::Sftp && e.status() != 200) {
        r.outcome = Outcome::Retry;
        r.http_status = e.status();
        const bool hidden = e.status() == 403 || e.status() == 404 || e.status() == 405 || e.status() == 410;
        const std::map<std::string, std::string> vs = {{"what", shown}, {"status", std::to_string(e.status())}};
        r.message = hidden ? text::st_fill("{what}: the server took the file but answers HTTP {status} when we read it back (it "
                                 "may be write-only or move files away on arrival)",
                                 vs)
                           : text::st_fill("{what}: reading it back gave HTTP {status}; not counted as delivered yet", vs);
        return hidden ? Seen::Missing : Seen::Error;
    }
    if (e.body_overflow || e.body.size() != a.p.bytes.size() || sha256_hex(e.body) != a.p.sha256) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the file read back differs from what was sent ({got} bytes, expected {want}); a "
                        "captive portal or proxy may have answered, so it is not counted as delivered",
                        {{"what", shown},
                         {"got", e.body_overflow ? "> " + std::to_string(a.p.bytes.size()) : std::to_string(e.body.size())},
                         {"want", std::to_string(a.p.bytes.size())}});
        return Seen::Different;
    }
    return Seen::Same;
}

std::string verified_receipt(const std::string& url, long status, const Payload& p, const char* how) {
    nlohmann::json j = {{"url", url}, {"verified", how}, {"size", p.bytes.size()}, {"sha256", p.sha256}};
    if (status) j["http_status"] = status;
    return j.dump();
}

// The last step of a write-only delivery: `<sha256>  <name>` (sha256sum -c reads it), under
// the marker name. The drop's processor takes the bundle only once this exists.
bool write_marker(const Attempt& a, AttemptResult& r) {
    const std::string name = a.p.file_name + a.t.marker_suffix;
    const std::string url = file_url(a.t, name);
    const std::string body = a.p.sha256 + "  " + a.p.file_name + "\n";
    Easy e;
    common_options(e, a, url);
    if (a.t.protocol != Protocol::Sftp) {
        e.header("Idempotency-Key: " + a.p.bundle_id + "-marker");
        e.header("Content-Type: text/plain");
        e.header("Expect:");
    }
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
    upload_body(e, body);
    const CURLcode rc = curl_easy_perform(e.h);
    const std::string what = text::st_fill("writing the marker {name}", {{"name", name}});
    if (rc != CURLE_OK) {
        r = transport_error(e, rc, what);
        r.sent = true;
        return false;
    }
    if (a.t.protocol != Protocol::Sftp) {
        const long s = e.status();
        if (s != 200 && s != 201 && s != 202 && s != 204) {
            r = http_error(e, what);
            r.sent = true;
            return false;
        }
    }
    r.outcome = Outcome::Unverified;
    r.sent = true;
    r.message = text::st_fill("stored as {name} and the marker {marker} written after it; the drop is write-only, so it "
                    "cannot be read back (delivered, unverified)",
                    {{"name", a.p.file_name}, {"marker", name}});
    r.receipt = verified_receipt(file_url(a.t, a.p.file_name), 0, a.p, "marker");
    return true;
}

// After the bundle is on the server: read it back or write the marker, as the target says.
AttemptResult confirm(const Attempt& a, AttemptResult r) {
    r.sent = true;
    const std::string url = file_url(a.t, a.p.file_name);
    if (a.t.confirm == Confirm::Marker) {
        write_marker(a, r);
        return r;
    }
    const Seen seen = read_back(a, url, a.p.file_name, r);
    if (seen != Seen::Same) {
        r.unconfirmed = seen == Seen::Missing || seen == Seen::Different;
        // Different bytes there: the upload did not land as sent, so the next attempt sends again.
        if (seen == Seen::Different) r.sent = false;
        return r;
    }
    r.outcome = Outcome::Delivered;
    r.message = text::st_fill("stored as {name} and read back ({size} bytes, sha256 matches)",
                    {{"name", a.p.file_name}, {"size", std::to_string(a.p.bytes.size())}});
    r.receipt = verified_receipt(url, r.http_status, a.p, "read-back");
    return r;
}

// A retry after a lost reply: when the file is already there with exactly our bytes (they are
// made once), it was delivered and nothing is sent again.
std::optional<AttemptResult> already_there(const Attempt& a) {
    if (!a.p.tried_before || a.t.confirm != Confirm::ReadBack) return std::nullopt;
    AttemptResult r;
    const std::string url = file_url(a.t, a.p.file_name);
    if (read_back(a, url, a.p.file_name, r) != Seen::Same) return std::nullopt;
    r = AttemptResult{};
    r.outcome = Outcome::Delivered;
    r.sent = true;
    r.message = text::st_fill("{name} was already stored by an earlier attempt whose reply was lost; read back, sha256 "
                    "matches, not sent again",
                    {{"name", a.p.file_name}});
    r.receipt = verified_receipt(url, 0, a.p, "read-back");
    return r;
}

// -------------------------------------------------------------------------------------------
// [SECTION] HTTPS PUT (file drop, WebDAV)
// -------------------------------------------------------------------------------------------

AttemptResult put(const Attempt& a) {
    if (a.p.sent_before) return confirm(a, {});
    if (auto done = already_there(a)) return *done;
    const std::string url = file_url(a.t, a.p.file_name);
    const std::string what = "PUT " + url;
    AttemptResult r;
    {
        Easy e;
        common_options(e, a, url);
        e.header("Idempotency-Key: " + a.p.bundle_id);
        e.header("Content-Type: application/octet-stream");
        e.header("X-Content-SHA256: " + a.p.sha256);
        e.header("Expect:");                  // no 100-continue round trip
        curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
        upload_body(e, a.p.bytes);
        const CURLcode rc = curl_easy_perform(e.h);
        if (rc != CURLE_OK) return transport_error(e, rc, what);
        r.http_status = e.status();
        // 202 is "accepted for processing", as OpenRosa servers answer: the confirmation decides.
        if (r.http_status != 200 && r.http_status != 201 && r.http_status != 202 && r.http_status != 204)
            return http_error(e, what);
    }
    return confirm(a, r);
}

// -------------------------------------------------------------------------------------------
// [SECTION] HTTPS POST (API) with receipt check
// -------------------------------------------------------------------------------------------

AttemptResult post(const Attempt& a) {
    Easy e;
    common_options(e, a, a.t.url);
    e.header("Idempotency-Key: " + a.p.bundle_id);
    e.header("Content-Type: application/octet-stream");
    e.header("X-Content-SHA256: " + a.p.sha256);
    e.header("X-File-Name: " + a.p.file_name);
    e.header("Expect:");
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
    curl_easy_setopt(e.h, CURLOPT_POST, 1L);
    curl_easy_setopt(e.h, CURLOPT_POSTFIELDS, a.p.bytes.data());
    curl_easy_setopt(e.h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(a.p.bytes.size()));
    const std::string what = "POST " + a.t.url;
    const CURLcode rc = curl_easy_perform(e.h);
    if (rc != CURLE_OK) return transport_error(e, rc, what);
    const long s = e.status();
    if (s != 200 && s != 201 && s != 202) return http_error(e, what);
    AttemptResult r;
    r.http_status = s;
    r.sent = true;
    // The receipt must be JSON echoing our digest: anything else (an HTML login page, an empty
    // 200 from a proxy) proves nothing about what the municipality holds.
    nlohmann::json receipt = nlohmann::json::parse(e.body, nullptr, false);
    if (receipt.is_discarded() || !receipt.is_object()) {
        r.outcome = Outcome::Retry;
        r.unconfirmed = true;
        r.message = text::st_fill("{what}: HTTP {status} but the answer is not a JSON receipt (a captive portal or proxy?); "
                        "not counted as delivered",
                        {{"what", what}, {"status", std::to_string(s)}});
        return r;
    }
    auto digest = receipt.find("sha256");
    std::string echoed = digest != receipt.end() && digest->is_string() ? digest->get<std::string>() : "";
    std::transform(echoed.begin(), echoed.end(), echoed.begin(), [](unsigned char c) { return std::tolower(c); });
    if (echoed != a.p.sha256) {
        r.outcome = Outcome::Retry;
        r.unconfirmed = true;
        r.message = text::st_fill("{what}: the receipt's sha256 ({echoed}) does not match what was sent ({sent}); not counted "
                        "as delivered",
                        {{"what", what}, {"echoed", echoed.empty() ? "missing" : echoed}, {"sent", a.p.sha256}});
        return r;
    }
    r.outcome = Outcome::Delivered;
    r.message = text::st_fill("accepted by the API; its receipt echoes the digest", {});
    r.receipt = e.body;
    return r;
}

// -------------------------------------------------------------------------------------------
// [SECTION] SFTP: temp name, rename, confirm
// -------------------------------------------------------------------------------------------

// The folder as the server sees it in quote commands (decoded, never %-encoded): "/~/x/" is
// relative to the login's home ("x/"), anything else absolute.
std::string sftp_folder(const UploadTarget& t) {
    std::string path = t.path;
    if (path.rfind("/~/", 0) == 0) path = path.substr(3);
    return path;
}

// curl's quote parser reads "…" with backslash escapes for '"' and '\'.
std::string quoted(const std::string& path) {
    std::string out = "\"";
    for (char c : path) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
    return out + "\"";
}

// After CURLE_SSH: is the server still there (then it refused the write: full, quota, no
// permission) or was the connection lost? A second, tiny connection tells.
bool server_answers(const Attempt& a) {
    Easy e;
    common_options(e, a, a.t.origin + url_encode_path(a.t.path));
    curl_easy_setopt(e.h, CURLOPT_NOBODY, 1L);
    curl_easy_setopt(e.h, CURLOPT_DIRLISTONLY, 1L);
    return curl_easy_perform(e.h) == CURLE_OK;
}

AttemptResult sftp(const Attempt& a) {
    if (a.p.sent_before) return confirm(a, {});
    if (auto done = already_there(a)) return *done;
    const std::string temp_name = "." + a.p.file_name + ".part";
    const std::string folder = sftp_folder(a.t);
    const std::string what = "SFTP " + file_url(a.t, a.p.file_name);
    AttemptResult r;
    Easy e;
    common_options(e, a, file_url(a.t, temp_name));
    upload_body(e, a.p.bytes);
    // Only a complete file gets the final name. "*" lets the rm fail when there is nothing to
    // replace (SFTP rename will not overwrite an earlier copy of the same bundle).
    e.postquote = curl_slist_append(e.postquote, ("*rm " + quoted(folder + a.p.file_name)).c_str());
    e.postquote = curl_slist_append(
        e.postquote, ("rename " + quoted(folder + temp_name) + " " + quoted(folder + a.p.file_name)).c_str());
    curl_easy_setopt(e.h, CURLOPT_POSTQUOTE, e.postquote);
    const CURLcode rc = curl_easy_perform(e.h);
    if (rc == CURLE_QUOTE_ERROR) {
        // The complete file is there under its temp name, but the final name is taken: an earlier
        // attempt (lost reply) put it there, and this drop does not let us delete it. The bytes
        // are the same in every attempt, so confirming the final name is enough.
        r.message = text::st_fill("{what}: the final name already exists and the drop does not let us replace it", {{"what", what}});
        AttemptResult c = confirm(a, r);
        if (c.outcome == Outcome::Delivered || c.outcome == Outcome::Unverified) {
            Easy cleanup;                     // best effort: the drop may refuse deletes altogether
            common_options(cleanup, a, a.t.origin + url_encode_path(a.t.path));
            cleanup.postquote = curl_slist_append(cleanup.postquote, ("*rm " + quoted(folder + temp_name)).c_str());
            curl_easy_setopt(cleanup.h, CURLOPT_NOBODY, 1L);
            curl_easy_setopt(cleanup.h, CURLOPT_POSTQUOTE, cleanup.postquote);
            curl_easy_perform(cleanup.h);
            c.message = text::st_fill("{name} was already there from an earlier attempt (the drop does not allow replacing "
                            "it); confirmed, not sent again. {detail}",
                            {{"name", a.p.file_name}, {"detail", c.message}});
        }
        return c;
    }
    if (rc == CURLE_SSH && e.upload_pos > 0 && server_answers(a)) {
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("{what}: the SFTP server refused to store the file: the drop is probably full or over its "
                        "quota, or the folder is not writable. Ask the municipality to check the drop",
                        {{"what", what}});
        return r;
    }
    if (rc != CURLE_OK) return transport_error(e, rc, what);
    return confirm(a, r);
}

AttemptResult probe(const Attempt& a) {
    const UploadTarget& t = a.t;
    const bool sftp = t.protocol == Protocol::Sftp;
    const std::string what = (sftp ? "SFTP " : "HTTPS ") + t.url;
    // A PUT drop is asked for a file that is never there: 404 means reached and let in (a folder
    // itself often answers 403 to a listing, which would read like refused credentials).
    const std::string url = sftp ? t.origin + url_encode_path(t.path)
                            : t.protocol == Protocol::HttpsPut ? file_url(t, ".indgang-connection-test")
                                                               : t.url;
    Easy e;
    common_options(e, a, url);
    curl_easy_setopt(e.h, CURLOPT_NOBODY, 1L);               // HEAD, or no file transfer on SFTP
    if (sftp) curl_easy_setopt(e.h, CURLOPT_DIRLISTONLY, 1L);
    else curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);   // the token, as a delivery sends it
    const CURLcode rc = curl_easy_perform(e.h);
    if (rc != CURLE_OK) return transport_error(e, rc, what);
    AttemptResult r;
    r.http_status = sftp ? 0 : e.status();
    // An API endpoint or a drop may not answer HEAD (404/405): the server was still reached,
    // verified and did not refuse our credentials, which is what the test is for.
    const long s = r.http_status;
    // A write-only drop (confirm: marker) refuses every read, by design.
    const bool write_only = t.confirm == Confirm::Marker && s == 403;
    if (!sftp && !write_only &&
        (s == 401 || s == 403 || s == 407 || (s >= 300 && s < 400) || s >= 500 || s == 408 || s == 429))
        return http_error(e, what);
    r.outcome = Outcome::Delivered;
    if (write_only) {
        r.message = text::st_fill("{what}: reached; the server's certificate is verified. The drop is write-only and "
                                  "refuses reads (HTTP {status}), so the token is proven only by the first upload",
                                  {{"what", what}, {"status", std::to_string(s)}});
        return r;
    }
    r.message = sftp ? text::st_fill("{what}: reached; the server's host key is the one in known_hosts and the folder "
                                     "can be read", {{"what", what}})
                     : text::st_fill("{what}: reached; the server's certificate is verified and it answered (HTTP {status})",
                                     {{"what", what}, {"status", std::to_string(s)}});
    return r;
}

}  // namespace

AttemptResult test_connection(const UploadTarget& target) {
    const Payload none;
    const long seconds = std::min<long>(target.total_timeout_seconds, target.connect_timeout_seconds + 30);
    const Attempt a{target, none, Clock::now() + std::chrono::seconds(seconds)};
    try {
        return probe(a);
    } catch (const std::exception& e) {
        AttemptResult r;
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("upload failed: {detail}", {{"detail", e.what()}});
        return r;
    }
}

AttemptResult deliver(const UploadTarget& target, const Payload& payload) {
    const Attempt a{target, payload, Clock::now() + std::chrono::seconds(target.total_timeout_seconds)};
    try {
        switch (target.protocol) {
            case Protocol::HttpsPut: return put(a);
            case Protocol::HttpsPost: return post(a);
            case Protocol::Sftp: return sftp(a);
        }
    } catch (const std::exception& e) {
        AttemptResult r;
        r.outcome = Outcome::Retry;
        r.message = text::st_fill("upload failed: {detail}", {{"detail", e.what()}});
        return r;
    }
    return {};
}

}  // namespace indgang::upload
