// [SECTION] private files
// [SECTION] URLs: parsed once, decoded once, encoded once
// [SECTION] the config file
#include "core/upload/target.hpp"

#include "core/text/staff_text.hpp"

#include <nlohmann/json.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace indgang::upload {

namespace fs = std::filesystem;

// -------------------------------------------------------------------------------------------
// [SECTION] private files
// -------------------------------------------------------------------------------------------

void require_private_file(const std::string& path, const std::string& what) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0)
        throw ConfigError(text::st_fill("{what} {path} cannot be read: it does not exist or is not accessible",
                              {{"what", what}, {"path", path}}));
    if (!S_ISREG(st.st_mode))
        throw ConfigError(text::st_fill("{what} {path} is not a regular file", {{"what", what}, {"path", path}}));
    if (st.st_uid != ::geteuid())
        throw ConfigError(text::st_fill("{what} {path} belongs to another user (uid {uid}); it must belong to the user "
                              "that runs the upload",
                              {{"what", what}, {"path", path}, {"uid", std::to_string(st.st_uid)}}));
    if ((st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        throw ConfigError(text::st_fill("{what} {path} can be read or changed by other users (mode {mode}); refusing to use "
                              "it. Fix with: chmod 600 {path}",
                              {{"what", what}, {"path", path}, {"mode", mode}}));
    }
}

// -------------------------------------------------------------------------------------------
// [SECTION] URLs: parsed once, decoded once, encoded once
// -------------------------------------------------------------------------------------------

namespace {

bool starts_with(const std::string& s, const char* p) { return s.rfind(p, 0) == 0; }

bool has_control(const std::string& s) {
    return std::any_of(s.begin(), s.end(), [](unsigned char c) { return c < 0x20 || c == 0x7f; });
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string url_encode_path(const std::string& decoded) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : decoded) {
        const bool keep = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '.' || c == '_' || c == '~' || c == '/';
        if (keep) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

void set_url(UploadTarget& t, const std::string& typed, const std::string& where) {
    if (has_control(typed))
        throw ConfigError(text::st_fill("{where}: \"url\" holds a line break or other control character", {{"where", where}}));
    const auto scheme_end = typed.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : typed.substr(0, scheme_end);
    const auto host_start = scheme_end == std::string::npos ? 0 : scheme_end + 3;
    const auto path_start = std::min(typed.find('/', host_start), typed.size());
    std::string authority = typed.substr(host_start, path_start - host_start);
    const auto at = authority.rfind('@');
    std::string user = at == std::string::npos ? "" : authority.substr(0, at);
    const std::string hostport = at == std::string::npos ? authority : authority.substr(at + 1);
    if (user.find(':') != std::string::npos)
        // The password itself is never repeated: this message reaches logs and the staff window.
        throw ConfigError(text::st_fill("{where}: \"url\" holds a password; remove it from the url. HTTPS logs in with "
                              "\"bearer_token\" or a client certificate, SFTP with \"ssh_private_key\"",
                              {{"where", where}}));
    if (scheme == "https" && !user.empty())
        throw ConfigError(text::st_fill("{where}: an https \"url\" cannot name a user; HTTPS logs in with \"bearer_token\" "
                              "or a client certificate",
                              {{"where", where}}));
    if (hostport.empty() || hostport.find(' ') != std::string::npos)
        throw ConfigError(text::st_fill("{where}: \"url\" has no valid host name", {{"where", where}}));

    std::string rest = typed.substr(path_start);
    if (rest.empty()) rest = "/";
    const auto fragment = rest.find('#');
    if (fragment != std::string::npos)
        throw ConfigError(text::st_fill("{where}: \"url\" cannot hold a '#' part", {{"where", where}}));
    const auto q = rest.find('?');
    std::string raw_path = rest.substr(0, q);
    t.query = q == std::string::npos ? "" : rest.substr(q + 1);
    if (!t.query.empty() && (t.query.find(' ') != std::string::npos))
        throw ConfigError(text::st_fill("{where}: the \"url\" query must be percent-encoded (it holds a space)", {{"where", where}}));

    // Decode once: "Kilden%20K%C3%B8" and "Kilden Kø" are the same folder.
    std::string path;
    for (size_t i = 0; i < raw_path.size(); ++i) {
        if (raw_path[i] != '%') {
            path += raw_path[i];
            continue;
        }
        const bool two = i + 2 < raw_path.size();
        const int hi = two ? hex_value(raw_path[i + 1]) : -1;
        const int lo = two ? hex_value(raw_path[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            throw ConfigError(text::st_fill("{where}: \"url\" has a '%' that is not followed by two hex digits; write a "
                                  "literal % as %25",
                                  {{"where", where}}));
        const char c = static_cast<char>(hi * 16 + lo);
        if (c == '/' || static_cast<unsigned char>(c) < 0x20)
            throw ConfigError(text::st_fill("{where}: \"url\" encodes a '/' or a control character in its path",
                                  {{"where", where}}));
        path += c;
        i += 2;
    }
    t.origin = scheme + "://" + (user.empty() ? "" : user + "@") + hostport;
    t.path = path;
    t.url = t.origin + url_encode_path(path) + (t.query.empty() ? "" : "?" + t.query);
}

std::string file_url(const UploadTarget& t, const std::string& file_name) {
    return t.origin + url_encode_path(t.path + file_name);
}

const char* to_string(Confirm c) {
    switch (c) {
        case Confirm::ReadBack: return "read-back";
        case Confirm::Receipt: return "receipt";
        case Confirm::Marker: return "marker";
    }
    return "?";
}

std::string describe(const UploadTarget& target) {
    // Built from the parsed parts: a password was refused at load and so cannot be in `url`.
    const char* kind = target.protocol == Protocol::HttpsPost ? "POST " :
                       target.protocol == Protocol::HttpsPut  ? "PUT "  : "SFTP ";
    return kind + target.url + (target.municipality_public_key.empty() ? "" : " (sealed)");
}

// -------------------------------------------------------------------------------------------
// [SECTION] the config file
// -------------------------------------------------------------------------------------------

const std::vector<std::string>& known_config_keys() {
    static const std::vector<std::string> keys = {
        "url", "method", "confirm", "bearer_token", "client_certificate", "client_key", "ca_file",
        "pinned_public_key", "ssh_private_key", "ssh_public_key", "known_hosts", "municipality_public_key",
        "signing_key", "marker_suffix", "connect_timeout_seconds", "stall_timeout_seconds",
        "stall_bytes_per_second", "total_timeout_seconds"};
    return keys;
}

namespace {

std::string str(const nlohmann::json& j, const char* key, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return {};
    if (!it->is_string())
        throw ConfigError(text::st_fill("{where}: \"{key}\" must be a string", {{"where", where}, {"key", key}}));
    std::string v = it->get<std::string>();
    // A token pasted with its newline would inject a header or give a 500 forever; refuse it
    // here, without repeating the value.
    if (has_control(v))
        throw ConfigError(text::st_fill("{where}: \"{key}\" holds a line break or other control character (often a newline "
                              "pasted with it); remove it",
                              {{"where", where}, {"key", key}}));
    return v;
}

long num(const nlohmann::json& j, const char* key, long fallback, const std::string& where) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if (!it->is_number_integer() || it->get<long>() <= 0)
        throw ConfigError(text::st_fill("{where}: \"{key}\" must be a positive whole number", {{"where", where}, {"key", key}}));
    return it->get<long>();
}

std::string resolved(const std::string& file, const std::string& base_dir) {
    if (file.empty() || fs::path(file).is_absolute()) return file;
    const fs::path base = base_dir.empty() ? fs::current_path() : fs::path(base_dir);
    return (base / file).lexically_normal().string();
}

std::string line_column(const std::string& text, size_t byte) {
    size_t line = 1, column = 1;
    for (size_t i = 0; i + 1 < byte && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return std::to_string(line) + ":" + std::to_string(column);
}

}  // namespace

UploadTarget parse_target(const std::string& json_text, const std::string& where, const std::string& base_dir) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(json_text);
    } catch (const nlohmann::json::parse_error& e) {
        // Only the position: nlohmann's own message quotes the text around it, maybe a token.
        throw ConfigError(text::st_fill("{where} is not valid JSON (near line:column {pos})",
                              {{"where", where}, {"pos", line_column(json_text, e.byte)}}));
    }
    if (!j.is_object()) throw ConfigError(text::st_fill("{where} must hold a JSON object", {{"where", where}}));
    const auto& known = known_config_keys();
    for (const auto& [key, value] : j.items()) {
        if (std::find(known.begin(), known.end(), key) != known.end()) continue;
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        // A misspelt "pinned_public_key" would otherwise switch pinning off without a word.
        throw ConfigError(text::st_fill("{where}: unknown key \"{key}\" (keys are case-sensitive). Known keys: {list}",
                              {{"where", where}, {"key", key}, {"list", list}}));
    }
    UploadTarget t;
    const std::string typed_url = str(j, "url", where);
    if (typed_url.empty()) throw ConfigError(text::st_fill("{where}: \"url\" is missing", {{"where", where}}));
    if (!starts_with(typed_url, "https://") && !starts_with(typed_url, "sftp://"))
        // Plain http, ftp and friends would send the extract and the token in the clear.
        throw ConfigError(text::st_fill("{where}: \"url\" must start with https:// or sftp://", {{"where", where}}));
    set_url(t, typed_url, where);
    std::string method = str(j, "method", where);
    std::transform(method.begin(), method.end(), method.begin(), [](unsigned char c) { return std::toupper(c); });
    const std::string confirm = str(j, "confirm", where);
    t.bearer_token = str(j, "bearer_token", where);
    t.client_certificate = resolved(str(j, "client_certificate", where), base_dir);
    t.client_key = resolved(str(j, "client_key", where), base_dir);
    t.ca_file = resolved(str(j, "ca_file", where), base_dir);
    t.pinned_public_key = str(j, "pinned_public_key", where);
    if (!t.pinned_public_key.empty() && !starts_with(t.pinned_public_key, "sha256//"))
        t.pinned_public_key = resolved(t.pinned_public_key, base_dir);
    t.ssh_private_key = resolved(str(j, "ssh_private_key", where), base_dir);
    t.ssh_public_key = resolved(str(j, "ssh_public_key", where), base_dir);
    t.known_hosts = resolved(str(j, "known_hosts", where), base_dir);
    t.municipality_public_key = str(j, "municipality_public_key", where);
    t.signing_key = resolved(str(j, "signing_key", where), base_dir);
    if (j.contains("marker_suffix")) t.marker_suffix = str(j, "marker_suffix", where);
    t.connect_timeout_seconds = num(j, "connect_timeout_seconds", t.connect_timeout_seconds, where);
    t.stall_timeout_seconds = num(j, "stall_timeout_seconds", t.stall_timeout_seconds, where);
    t.stall_bytes_per_second = num(j, "stall_bytes_per_second", t.stall_bytes_per_second, where);
    t.total_timeout_seconds = num(j, "total_timeout_seconds", t.total_timeout_seconds, where);

    if (!t.bearer_token.empty() &&
        std::any_of(t.bearer_token.begin(), t.bearer_token.end(), [](unsigned char c) { return c <= ' ' || c > '~'; }))
        throw ConfigError(text::st_fill("{where}: \"bearer_token\" may hold only visible ASCII characters (no spaces)",
                              {{"where", where}}));
    if (t.marker_suffix.empty() || t.marker_suffix.find('/') != std::string::npos)
        throw ConfigError(text::st_fill("{where}: \"marker_suffix\" must be a non-empty file name ending without '/'",
                              {{"where", where}}));

    if (starts_with(typed_url, "https://")) {
        if (method.empty() || method == "PUT") t.protocol = Protocol::HttpsPut;
        else if (method == "POST") t.protocol = Protocol::HttpsPost;
        else throw ConfigError(text::st_fill("{where}: \"method\" must be PUT (file drop, WebDAV) or POST (API)", {{"where", where}}));
        if (t.protocol == Protocol::HttpsPut && t.path.back() != '/')
            throw ConfigError(text::st_fill("{where}: a PUT url names a folder and must end with '/'", {{"where", where}}));
        if (t.protocol == Protocol::HttpsPut && !t.query.empty())
            throw ConfigError(text::st_fill("{where}: a PUT url cannot have a '?' part", {{"where", where}}));
        if (!t.client_certificate.empty() && t.client_key.empty())
            throw ConfigError(text::st_fill("{where}: \"client_certificate\" needs \"client_key\"", {{"where", where}}));
    } else {
        t.protocol = Protocol::Sftp;
        if (!method.empty()) throw ConfigError(text::st_fill("{where}: \"method\" is for https urls only", {{"where", where}}));
        if (t.path.back() != '/' || !t.query.empty())
            throw ConfigError(text::st_fill("{where}: an sftp url names a folder and must end with '/'", {{"where", where}}));
        if (t.ssh_private_key.empty()) throw ConfigError(text::st_fill("{where}: sftp needs \"ssh_private_key\"", {{"where", where}}));
        if (t.known_hosts.empty())
            throw ConfigError(text::st_fill("{where}: sftp needs \"known_hosts\" listing the server's host key", {{"where", where}}));
    }

    const bool post = t.protocol == Protocol::HttpsPost;
    if (confirm.empty()) t.confirm = post ? Confirm::Receipt : Confirm::ReadBack;
    else if (confirm == "read-back" && !post) t.confirm = Confirm::ReadBack;
    else if (confirm == "marker" && !post) t.confirm = Confirm::Marker;
    else if (confirm == "receipt" && post) t.confirm = Confirm::Receipt;
    else
        throw ConfigError(post ? text::st_fill("{where}: \"confirm\" for a POST API can only be \"receipt\"", {{"where", where}})
                               : text::st_fill("{where}: \"confirm\" must be \"read-back\" (the drop lets us read our file) or "
                                     "\"marker\" (a write-only drop: a marker file is written after the bundle)",
                                     {{"where", where}}));

    if (!t.client_key.empty()) require_private_file(t.client_key, "client key");
    if (!t.ssh_private_key.empty()) require_private_file(t.ssh_private_key, "ssh private key");
    // Whoever can write known_hosts can let a server impersonate the municipality.
    if (!t.known_hosts.empty()) require_private_file(t.known_hosts, "known_hosts");
    if (!t.signing_key.empty() && fs::exists(t.signing_key)) require_private_file(t.signing_key, "signing key");
    return t;
}

UploadTarget load_target(const std::string& path) {
    const std::string where = text::st_fill("upload config {path}", {{"path", path}});
    require_private_file(path, text::st_fill("upload config", {}));
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ConfigError(text::st_fill("upload config {path} cannot be opened", {{"path", path}}));
    std::ostringstream text;
    text << in.rdbuf();
    return parse_target(text.str(), where, fs::absolute(path).parent_path().string());
}

}  // namespace indgang::upload

namespace indgang::upload {

std::string config_problem(const std::string& path) {
    if (path.empty()) return text::st_fill("No upload target yet: set the upload config file on the Settings tab.", {});
    try {
        load_target(path);
        return {};
    } catch (const ConfigError& e) {
        return text::st_fill("The upload config is refused, so nothing can be sent until it is fixed: {why}", {{"why", e.what()}});
    }
}

}  // namespace indgang::upload
