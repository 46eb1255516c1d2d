// Every upload message staff read (attempt log, --status, the staff window, config refusals) is
// an English msgid with {named} placeholders, filled here. Keeping them behind one function
// means the staff catalog (st_fill from core/text/staff_text.hpp) wraps them all in one edit.
#pragma once

#include <map>
#include <string>

namespace indgang::upload {

std::string say(const char* msgid, const std::map<std::string, std::string>& values = {});

}  // namespace indgang::upload
