// Presenting a Report: a self-contained HTML page (inline SVG charts, screen and print CSS, no
// scripts, no external files), CSV for spreadsheets and JSON for scripts. Same report in, same
// bytes out: nothing here reads the clock.
#pragma once

#include "core/report/aggregate.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace indgang::report {

struct RenderOptions {
    // Translates an English msgid; the admin tool passes the staff language's catalog.
    std::function<std::string(std::string_view)> tr;
    std::string lang = "en";           // <html lang>
    bool decimal_comma = false;        // Danish: 4,2 and 14,3 %
};

std::string render_html(const Report& report, const RenderOptions& options = {});
// RFC 4180, UTF-8, comma-separated, '.' decimals, one table in long form:
// section,period,site,question,group,answer,value,hidden. With options.tr (the staff window, the
// CLI in the staff language) the column names, sections, measures, questions and answers are in
// that language; without it they are the stable keys above.
std::string render_csv(const Report& report, const RenderOptions& options = {});
std::string render_json(const Report& report);

// One CSV field for every CSV Indgang writes (report and extract): RFC 4180 quoting, and a leading
// ' on anything a spreadsheet would run as a formula — '=', '+', '-', '@', tab, CR, their
// fullwidth forms (＝ ＋ － ＠, which Excel folds to ASCII) and any of them after leading spaces.
std::string csv_cell(std::string_view s);

// Text for HTML: & < > " ' escaped (reports here, and the staff window's print pages).
std::string html_escape(std::string_view s);

// "<5" for a small hidden count, "×" for a complementary one, else the number.
std::string format_count(const Count& c, int min_cell);

}  // namespace indgang::report
