#include "core/text/staff_text.hpp"

#include "core/text/catalog.hpp"
#include "core/text/placeholders.hpp"

#include <fstream>
#include <memory>
#include <stdexcept>

namespace indgang::text {

namespace {
// One staff language per process: the admin tool and the kiosk's staff mode are one person's.
struct StaffText {
    std::string language = "en";
    std::unique_ptr<Catalog> catalog;
};
StaffText& staff() {
    static StaffText s;
    return s;
}
}  // namespace

void init_staff_text(const std::string& i18n_dir, const std::string& lang) {
    StaffText& s = staff();
    s.language = lang;
    s.catalog.reset();
    if (lang == "en") return;
    const std::string path = i18n_dir + "/staff/" + lang + ".po";
    if (!std::ifstream(path)) throw std::runtime_error("the staff catalog " + path + " is missing");
    s.catalog = std::make_unique<Catalog>(Catalog::load_po(path));
}

const std::string& staff_language() { return staff().language; }

const char* st(const char* msgid) {
    const StaffText& s = staff();
    if (!s.catalog) return msgid;
    // Read the entries directly (not Catalog::get, which records misses): st() is also called
    // from the upload worker thread.
    const auto& entries = s.catalog->entries();
    auto it = entries.find(std::string_view(msgid));
    if (it == entries.end() || it->second.empty() || it->second[0].empty()) return msgid;
    return it->second[0].c_str();
}

std::string st_fill(const char* msgid, const std::map<std::string, std::string>& values) {
    return fill(st(msgid), values);
}

}  // namespace indgang::text
