#include "core/text/placeholders.hpp"

namespace indgang::text {

namespace {

bool name_char(char c, bool first) {
    return c == '_' || (c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9');
}

// Length of a {name} token starting at pattern[i] == '{', or 0 if none.
size_t token_at(std::string_view p, size_t i) {
    size_t j = i + 1;
    while (j < p.size() && name_char(p[j], j == i + 1)) ++j;
    if (j == i + 1 || j >= p.size() || p[j] != '}') return 0;
    return j - i + 1;
}

}  // namespace

std::vector<std::string> placeholders(std::string_view p) {
    std::vector<std::string> out;
    for (size_t i = 0; i < p.size(); ++i) {
        if (p[i] != '{') continue;
        if (i + 1 < p.size() && p[i + 1] == '{') { ++i; continue; }
        if (size_t len = token_at(p, i)) {
            out.emplace_back(p.substr(i + 1, len - 2));
            i += len - 1;
        }
    }
    return out;
}

std::string fill(std::string_view p, const std::map<std::string, std::string>& values,
                 bool isolate) {
    std::string out;
    out.reserve(p.size() + 16);
    for (size_t i = 0; i < p.size(); ++i) {
        char c = p[i];
        if ((c == '{' || c == '}') && i + 1 < p.size() && p[i + 1] == c) {
            out += c;
            ++i;
            continue;
        }
        if (c == '{') {
            if (size_t len = token_at(p, i)) {
                auto it = values.find(std::string(p.substr(i + 1, len - 2)));
                if (it != values.end()) {
                    if (isolate) out += "\u2068";
                    out += it->second;
                    if (isolate) out += "\u2069";
                    i += len - 1;
                    continue;
                }
            }
        }
        out += c;
    }
    return out;
}

}  // namespace indgang::text
