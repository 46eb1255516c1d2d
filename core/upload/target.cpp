#include "core/upload/target.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace indgang::upload {

void require_private_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw ConfigError(what + " " + path + " cannot be read: it does not exist or is not accessible");
    if (!S_ISREG(st.st_mode)) throw ConfigError(what + " " + path + " is not a regular file");
    if (st.st_uid != ::geteuid())
        throw ConfigError(what + " " + path + " belongs to another user (uid " +
                          std::to_string(st.st_uid) + "); it holds secrets, so it must be ours");
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw ConfigError(what + " " + path + " can be read or changed by other users (mode " + mode +
                          "); refusing to use it. Fix with: chmod 600 " + path);
    }
}

namespace {

std::string str(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string()) throw ConfigError(std::string("upload config: \"") + key + "\" must be a string");
    return it->get<std::string>();
}

long num(const nlohmann::json& j, const char* key, long fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number_integer() || it->get<long>() <= 0)
        throw ConfigError(std::string("upload config: \"") + key + "\" must be a positive whole number");
    return it->get<long>();
}

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

}  // namespace

UploadTarget parse_target(const std::string& json_text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        throw ConfigError(origin + " is not valid JSON: " + e.what());
    }
    if (!j.is_object()) throw ConfigError(origin + " must hold a JSON object");
    try {
        UploadTarget t;
        t.url = str(j, "url");
        const std::string method = str(j, "method");
        t.bearer_token = str(j, "bearer_token");
        t.client_certificate = str(j, "client_certificate");
        t.client_key = str(j, "client_key");
        t.ca_file = str(j, "ca_file");
        t.pinned_public_key = str(j, "pinned_public_key");
        t.ssh_private_key = str(j, "ssh_private_key");
        t.ssh_public_key = str(j, "ssh_public_key");
        t.known_hosts = str(j, "known_hosts");
        t.municipality_public_key = str(j, "municipality_public_key");
        t.connect_timeout_seconds = num(j, "connect_timeout_seconds", t.connect_timeout_seconds);
        t.stall_timeout_seconds = num(j, "stall_timeout_seconds", t.stall_timeout_seconds);
        t.stall_bytes_per_second = num(j, "stall_bytes_per_second", t.stall_bytes_per_second);
        t.total_timeout_seconds = num(j, "total_timeout_seconds", t.total_timeout_seconds);

        if (starts_with(t.url, "https://")) {
            if (method.empty() || method == "PUT" || method == "put") t.protocol = Protocol::HttpsPut;
            else if (method == "POST" || method == "post") t.protocol = Protocol::HttpsPost;
            else throw ConfigError(origin + ": \"method\" must be PUT (file drop, WebDAV) or POST (API)");
            if (t.protocol == Protocol::HttpsPut && t.url.back() != '/')
                throw ConfigError(origin + ": a PUT url names a folder and must end with '/'");
            if (!t.client_certificate.empty() && t.client_key.empty())
                throw ConfigError(origin + ": \"client_certificate\" needs \"client_key\"");
        } else if (starts_with(t.url, "sftp://")) {
            t.protocol = Protocol::Sftp;
            if (t.url.back() != '/') throw ConfigError(origin + ": an sftp url names a folder and must end with '/'");
            if (t.ssh_private_key.empty()) throw ConfigError(origin + ": sftp needs \"ssh_private_key\"");
            if (t.known_hosts.empty())
                throw ConfigError(origin + ": sftp needs \"known_hosts\" listing the server's host key");
        } else if (t.url.empty()) {
            throw ConfigError(origin + ": \"url\" is missing");
        } else {
            // Plain http, ftp and friends would send the extract and the token in the clear.
            throw ConfigError(origin + ": \"url\" must start with https:// or sftp://");
        }
        if (!t.client_key.empty()) require_private_file(t.client_key, "client key");
        if (!t.ssh_private_key.empty()) require_private_file(t.ssh_private_key, "ssh private key");
        return t;
    } catch (const nlohmann::json::exception& e) {
        throw ConfigError(origin + ": " + e.what());
    }
}

UploadTarget load_target(const std::string& path) {
    require_private_file(path, "upload config");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError("upload config " + path + " cannot be opened");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_target(text.str(), "upload config " + path);
}

std::string describe(const UploadTarget& target) {
    std::string url = target.url;
    // Drop "user:password@" so a password typed into the URL never reaches a log.
    auto scheme_end = url.find("://");
    if (scheme_end != std::string::npos) {
        auto host_start = scheme_end + 3;
        auto slash = url.find('/', host_start);
        auto at = url.rfind('@', slash == std::string::npos ? url.size() : slash);
        if (at != std::string::npos && at >= host_start) {
            std::string user = url.substr(host_start, at - host_start);
            auto colon = user.find(':');
            if (colon != std::string::npos) user = user.substr(0, colon);
            url = url.substr(0, host_start) + user + "@" + url.substr(at + 1);
        }
    }
    const char* kind = target.protocol == Protocol::HttpsPost ? "POST " :
                       target.protocol == Protocol::HttpsPut  ? "PUT "  : "SFTP ";
    return kind + url + (target.municipality_public_key.empty() ? "" : " (sealed)");
}

}  // namespace indgang::upload
