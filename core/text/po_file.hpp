// One PO file read through libgettextpo (the parser msgfmt itself uses), with its problems
// collected instead of printed. The kiosk's catalog loader and `indgang-admin i18n check` both
// read catalogs this way.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace indgang::text {

struct PoEntry {
    std::string ctx, msgid, msgid_plural;
    std::vector<std::string> forms;                     // msgstr, or msgstr[0..n]
    bool fuzzy = false;
    std::vector<std::pair<std::string, size_t>> refs;  // source file, line
    std::string comments;                               // extracted (#.) comments
};

struct PoFile {
    bool read = false;                 // false: the file could not be opened or parsed at all
    std::vector<PoEntry> entries;      // without the header and obsolete (#~) entries
    std::string header;
    std::vector<std::string> errors;   // "file:line: message"; warnings are left out
};

// `msgfmt_checks` adds the checks `msgfmt --check` makes (format strings, header, plurals).
PoFile read_po(const std::string& path, bool msgfmt_checks);

// A header field ("Language", "Plural-Forms", …); empty when absent.
std::string po_header_value(const std::string& header, std::string_view field);

// The look-up key gettext uses: context, EOT, msgid (just msgid without a context).
std::string po_key(std::string_view ctx, std::string_view msgid);

}  // namespace indgang::text
