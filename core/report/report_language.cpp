#include "core/report/report_language.hpp"

#include "core/text/catalog.hpp"

#include <filesystem>
#include <memory>

namespace indgang::report {

std::function<std::string(std::string_view)> report_translator(const std::string& i18n_dir, const std::string& lang) {
    if (lang == "en") return [](std::string_view id) { return std::string(id); };
    auto load = [&](const std::string& path) -> std::shared_ptr<const text::Catalog> {
        if (!std::filesystem::exists(path)) return nullptr;
        return std::make_shared<const text::Catalog>(text::Catalog::load_po(path));
    };
    const auto staff = load(i18n_dir + "/staff/" + lang + ".po");
    const auto visitor = load(i18n_dir + "/" + lang + ".po");
    return [staff, visitor](std::string_view id) {
        for (const auto& cat : {staff, visitor}) {
            if (!cat) continue;
            const std::string& t = cat->get(id);
            if (t != id) return t;
        }
        return std::string(id);
    };
}

}  // namespace indgang::report
