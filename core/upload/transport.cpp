// [SECTION] curl handle and common options
// [SECTION] error classification
// [SECTION] HTTPS PUT (file drop, WebDAV) with read-back
// [SECTION] HTTPS POST (API) with receipt check
// [SECTION] SFTP: temp name, rename, read-back
#include "core/upload/transport.hpp"

#include "core/export/digest.hpp"

#include <curl/curl.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace indgang::upload {

using exporting::sha256_hex;

const char* to_string(Outcome o) {
    switch (o) {
        case Outcome::Delivered: return "delivered";
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
    std::optional<long> retry_after() const {
        curl_off_t secs = 0;
        if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &secs) == CURLE_OK && secs > 0)
            return static_cast<long>(secs);
        return std::nullopt;
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

void common_options(Easy& e, const UploadTarget& t, const std::string& url) {
    CURL* h = e.h;
    curl_easy_setopt(h, CURLOPT_URL, url.c_str());
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "https,sftp");
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);           // safe on worker threads
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, e.error);
    curl_easy_setopt(h, CURLOPT_USERAGENT, "indgang/" INDGANG_VERSION);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, t.connect_timeout_seconds);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_LIMIT, t.stall_bytes_per_second);
    curl_easy_setopt(h, CURLOPT_LOW_SPEED_TIME, t.stall_timeout_seconds);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, t.total_timeout_seconds);
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
    if (!t.bearer_token.empty()) e.header("Authorization: Bearer " + t.bearer_token);
}

// -------------------------------------------------------------------------------------------
// [SECTION] error classification
// -------------------------------------------------------------------------------------------

AttemptResult transport_error(const Easy& e, CURLcode rc, const std::string& what) {
    AttemptResult r;
    const std::string detail = e.error[0] ? std::string(e.error) : curl_easy_strerror(rc);
    switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY:
            r.outcome = Outcome::Retry;
            r.message = what + ": the server's name could not be looked up (offline?): " + detail;
            break;
        case CURLE_COULDNT_CONNECT:
            r.outcome = Outcome::Retry;
            r.message = what + ": could not connect; the server is down or unreachable: " + detail;
            break;
        case CURLE_OPERATION_TIMEDOUT:
            r.outcome = Outcome::Retry;
            r.message = what + ": timed out; the server stopped answering or the line stalled: " + detail;
            break;
        case CURLE_SEND_ERROR:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING:
        case CURLE_PARTIAL_FILE:
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_UPLOAD_FAILED:
            r.outcome = Outcome::Retry;
            r.message = what + ": the connection was cut before the transfer finished: " + detail;
            break;
        case CURLE_PEER_FAILED_VERIFICATION:
            r.outcome = Outcome::Failed;
            if (e.host_key_match == CURLKHMATCH_MISMATCH)
                r.message = what + ": the SFTP server's host key does NOT match known_hosts; refusing "
                                   "(interception, or a rebuilt server: confirm the new key with the municipality)";
            else if (e.host_key_match == CURLKHMATCH_MISSING)
                r.message = what + ": the SFTP server's host key is not in known_hosts; refusing "
                                   "(add the key the municipality gave you)";
            else
                r.message = what + ": the server's certificate is not trusted (wrong host name, "
                                   "self-signed or unknown CA): " + detail;
            break;
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            r.outcome = Outcome::Failed;
            r.message = what + ": the server's public key does not match the pinned key: " + detail;
            break;
        case CURLE_SSH:
            // libssh2 reports a dropped connection this way; host key and login have their own codes.
            r.outcome = Outcome::Retry;
            r.message = what + ": the SSH connection failed or was cut: " + detail;
            break;
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_LOGIN_DENIED:
        case CURLE_REMOTE_ACCESS_DENIED:
        case CURLE_REMOTE_FILE_NOT_FOUND:
        case CURLE_QUOTE_ERROR:
            r.outcome = Outcome::Failed;
            r.message = what + ": " + detail;
            break;
        default:
            r.outcome = Outcome::Retry;
            r.message = what + ": " + detail;
    }
    return r;
}

AttemptResult http_error(const Easy& e, const std::string& what) {
    AttemptResult r;
    r.http_status = e.status();
    r.retry_after_seconds = e.retry_after();
    const long s = r.http_status;
    if (s == 401 || s == 403) {
        r.outcome = Outcome::Failed;
        r.message = what + ": the server refused our credentials (HTTP " + std::to_string(s) +
                    "); check the token or client certificate";
    } else if (s >= 500 || s == 408 || s == 429) {
        r.outcome = Outcome::Retry;
        r.message = what + ": the server is busy or failing (HTTP " + std::to_string(s) + ")";
        if (r.retry_after_seconds)
            r.message += "; it asked us to wait " + std::to_string(*r.retry_after_seconds) + " s";
    } else if (s >= 300 && s < 400) {
        r.outcome = Outcome::Retry;
        r.message = what + ": the server redirected us (HTTP " + std::to_string(s) +
                    "); a captive portal or proxy may be in the way";
    } else {
        r.outcome = Outcome::Failed;
        r.message = what + ": the server rejected the upload (HTTP " + std::to_string(s) + ")";
    }
    return r;
}

// Fetches `url` and checks that it holds exactly `expected`; fills `r` on failure.
bool read_back(const UploadTarget& t, const std::string& url, const Payload& p, AttemptResult& r) {
    Easy e;
    common_options(e, t, url);
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);   // the same credentials as the upload
    e.body_cap = p.bytes.size() + 1;          // one byte more proves it is too long
    const CURLcode rc = curl_easy_perform(e.h);
    if (rc != CURLE_OK && !(rc == CURLE_WRITE_ERROR && e.body_overflow)) {
        r = transport_error(e, rc, "reading the upload back");
        if (r.outcome == Outcome::Failed && rc == CURLE_REMOTE_FILE_NOT_FOUND) r.outcome = Outcome::Retry;
        return false;
    }
    if (t.protocol != Protocol::Sftp && e.status() != 200) {
        r.outcome = Outcome::Retry;
        r.http_status = e.status();
        r.message = "reading the upload back: HTTP " + std::to_string(e.status()) +
                    "; the server accepted the file but does not show it, so it is not counted as delivered";
        return false;
    }
    if (e.body_overflow || e.body.size() != p.bytes.size() || sha256_hex(e.body) != p.sha256) {
        r.outcome = Outcome::Retry;
        r.message = "the file read back differs from what was sent (" +
                    (e.body_overflow ? std::string("more than ") + std::to_string(p.bytes.size())
                                     : std::to_string(e.body.size())) +
                    " bytes, expected " + std::to_string(p.bytes.size()) +
                    "); a captive portal or proxy may have answered, so it is not counted as delivered";
        return false;
    }
    return true;
}

std::string verified_receipt(const std::string& url, long status, const Payload& p) {
    nlohmann::json j = {{"url", url}, {"verified", "read-back"}, {"size", p.bytes.size()},
                        {"sha256", p.sha256}};
    if (status) j["http_status"] = status;
    return j.dump();
}

// -------------------------------------------------------------------------------------------
// [SECTION] HTTPS PUT (file drop, WebDAV) with read-back
// -------------------------------------------------------------------------------------------

AttemptResult put(const UploadTarget& t, const Payload& p) {
    const std::string url = t.url + p.file_name;
    AttemptResult r;
    {
        Easy e;
        common_options(e, t, url);
        e.header("Idempotency-Key: " + p.bundle_id);
        e.header("Content-Type: application/octet-stream");
        e.header("X-Content-SHA256: " + p.sha256);
        e.header("Expect:");                  // no 100-continue round trip
        curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
        curl_easy_setopt(e.h, CURLOPT_UPLOAD, 1L);
        e.upload = p.bytes;
        curl_easy_setopt(e.h, CURLOPT_READFUNCTION, on_read);
        curl_easy_setopt(e.h, CURLOPT_READDATA, &e);
        curl_easy_setopt(e.h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(p.bytes.size()));
        const CURLcode rc = curl_easy_perform(e.h);
        if (rc != CURLE_OK) return transport_error(e, rc, "PUT " + url);
        r.http_status = e.status();
        if (r.http_status != 200 && r.http_status != 201 && r.http_status != 204)
            return http_error(e, "PUT " + url);
    }
    if (!read_back(t, url, p, r)) return r;
    r.outcome = Outcome::Delivered;
    r.message = "stored as " + p.file_name + " and read back (" + std::to_string(p.bytes.size()) + " bytes, sha256 matches)";
    r.receipt = verified_receipt(url, r.http_status, p);
    return r;
}

// -------------------------------------------------------------------------------------------
// [SECTION] HTTPS POST (API) with receipt check
// -------------------------------------------------------------------------------------------

AttemptResult post(const UploadTarget& t, const Payload& p) {
    Easy e;
    common_options(e, t, t.url);
    e.header("Idempotency-Key: " + p.bundle_id);
    e.header("Content-Type: application/octet-stream");
    e.header("X-Content-SHA256: " + p.sha256);
    e.header("X-File-Name: " + p.file_name);
    e.header("Expect:");
    curl_easy_setopt(e.h, CURLOPT_HTTPHEADER, e.headers);
    curl_easy_setopt(e.h, CURLOPT_POST, 1L);
    curl_easy_setopt(e.h, CURLOPT_POSTFIELDS, p.bytes.data());
    curl_easy_setopt(e.h, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(p.bytes.size()));
    const std::string what = "POST " + t.url;
    const CURLcode rc = curl_easy_perform(e.h);
    if (rc != CURLE_OK) return transport_error(e, rc, what);
    const long s = e.status();
    if (s != 200 && s != 201 && s != 202) return http_error(e, what);
    AttemptResult r;
    r.http_status = s;
    // The receipt must be JSON echoing our digest: anything else (an HTML login page, an empty
    // 200 from a proxy) proves nothing about what the municipality holds.
    nlohmann::json receipt = nlohmann::json::parse(e.body, nullptr, false);
    if (receipt.is_discarded() || !receipt.is_object()) {
        r.outcome = Outcome::Retry;
        r.message = what + ": HTTP " + std::to_string(s) +
                    " but the answer is not a JSON receipt (a captive portal or proxy?); not counted as delivered";
        return r;
    }
    auto digest = receipt.find("sha256");
    std::string echoed = digest != receipt.end() && digest->is_string() ? digest->get<std::string>() : "";
    std::transform(echoed.begin(), echoed.end(), echoed.begin(), [](unsigned char c) { return std::tolower(c); });
    if (echoed != p.sha256) {
        r.outcome = Outcome::Retry;
        r.message = what + ": the receipt's sha256 (" + (echoed.empty() ? "missing" : echoed) +
                    ") does not match what was sent (" + p.sha256 + "); not counted as delivered";
        return r;
    }
    r.outcome = Outcome::Delivered;
    r.message = "accepted by the API; its receipt echoes the digest";
    r.receipt = e.body;
    return r;
}

// -------------------------------------------------------------------------------------------
// [SECTION] SFTP: temp name, rename, read-back
// -------------------------------------------------------------------------------------------

// The folder of an sftp:// URL as the server sees it in quote commands: "/~/x/" is relative to
// the login's home ("x/"), anything else absolute.
std::string sftp_folder(const std::string& url) {
    const auto host_start = url.find("://") + 3;
    const auto slash = url.find('/', host_start);
    std::string path = slash == std::string::npos ? "/" : url.substr(slash);
    if (path.rfind("/~/", 0) == 0) path = path.substr(3);
    return path;
}

std::string quoted(const std::string& path) { return "\"" + path + "\""; }

AttemptResult sftp(const UploadTarget& t, const Payload& p) {
    const std::string temp_name = "." + p.file_name + ".part";
    const std::string folder = sftp_folder(t.url);
    const std::string what = "SFTP " + t.url + p.file_name;
    AttemptResult r;
    {
        Easy e;
        common_options(e, t, t.url + temp_name);
        curl_easy_setopt(e.h, CURLOPT_UPLOAD, 1L);
        e.upload = p.bytes;
        curl_easy_setopt(e.h, CURLOPT_READFUNCTION, on_read);
        curl_easy_setopt(e.h, CURLOPT_READDATA, &e);
        curl_easy_setopt(e.h, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(p.bytes.size()));
        // Only a complete file gets the final name. "*" lets the rm fail when there is nothing to
        // replace (SFTP rename will not overwrite an earlier copy of the same bundle).
        e.postquote = curl_slist_append(e.postquote, ("*rm " + quoted(folder + p.file_name)).c_str());
        e.postquote = curl_slist_append(
            e.postquote, ("rename " + quoted(folder + temp_name) + " " + quoted(folder + p.file_name)).c_str());
        curl_easy_setopt(e.h, CURLOPT_POSTQUOTE, e.postquote);
        const CURLcode rc = curl_easy_perform(e.h);
        if (rc != CURLE_OK) {
            r = transport_error(e, rc, what);
            // A failed rename means the complete file is there under its temp name: worth a retry.
            if (rc == CURLE_QUOTE_ERROR) r.outcome = Outcome::Retry;
            return r;
        }
    }
    if (!read_back(t, t.url + p.file_name, p, r)) return r;
    r.outcome = Outcome::Delivered;
    r.message = "stored as " + p.file_name + " and read back (" + std::to_string(p.bytes.size()) + " bytes, sha256 matches)";
    r.receipt = verified_receipt(t.url + p.file_name, 0, p);
    return r;
}

}  // namespace

AttemptResult deliver(const UploadTarget& target, const Payload& payload) {
    try {
        switch (target.protocol) {
            case Protocol::HttpsPut: return put(target, payload);
            case Protocol::HttpsPost: return post(target, payload);
            case Protocol::Sftp: return sftp(target, payload);
        }
    } catch (const std::exception& e) {
        AttemptResult r;
        r.outcome = Outcome::Retry;
        r.message = std::string("upload failed: ") + e.what();
        return r;
    }
    return {};
}

}  // namespace indgang::upload
