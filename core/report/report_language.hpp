// The report's words in one language, for RenderOptions::tr: the staff catalog first (the
// report's own labels: "Came (booked)", "All services", column names), then the visitor catalog
// (the feedback form's questions and answers are visitor msgids). One translator for the CLI's
// `report --lang` and the staff window's saved reports, so neither leaves English behind.
#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace indgang::report {

// For "en" (or a language without catalogs) the msgid itself. Throws std::runtime_error with
// file:line when a catalog that exists is malformed.
std::function<std::string(std::string_view)> report_translator(const std::string& i18n_dir, const std::string& lang);

}  // namespace indgang::report
