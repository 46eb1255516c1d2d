// Text that staff and project leads read (the staff window, the report, CLI and upload
// messages) comes from a catalog of its own, i18n/staff/<lang>.po, so visitor translators only
// see visitor text. Danish is the staff language; English is the msgid and the fallback.
// Mark strings with st("…") or st_fill("… {name} …", {{"name", v}}); scripts/extract-pot.sh
// collects them into i18n/staff/indgang-staff.pot.
#pragma once

#include <map>
#include <string>

namespace indgang::text {

// Loads i18n_dir/staff/<lang>.po (lang "en" needs no file). Throws std::runtime_error with
// file:line on a malformed catalog. Until called, st() returns the English msgid.
void init_staff_text(const std::string& i18n_dir, const std::string& lang = "da");
const std::string& staff_language();

// The translation of `msgid` in the staff language; a stable pointer.
const char* st(const char* msgid);
// st() with named placeholders filled, see placeholders.hpp.
std::string st_fill(const char* msgid, const std::map<std::string, std::string>& values);

}  // namespace indgang::text
