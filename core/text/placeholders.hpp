// Named placeholders in translated strings: "Your code is {code}". Translators may move a
// placeholder but must keep its name; `indgang-admin i18n check` enforces that.
// Why names and not printf's %s/%d: a translator cannot reorder %s safely, and "{time}" tells
// them what goes there. Digits-only names ("{0}") are not used.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace indgang::text {

// The placeholder names in a string, in order of appearance, e.g. {"name", "time"}.
// A name is [a-z_][a-z0-9_]*; "{{" and "}}" are literal braces.
std::vector<std::string> placeholders(std::string_view pattern);

// Replaces each {name} with values.at(name); unknown names are left as written so a missing
// value shows up on screen rather than crashing the kiosk. When `isolate` is true (RTL
// languages), each value is wrapped in FSI..PDI (U+2068/U+2069) so a Latin nickname or a
// time keeps its own direction inside an Arabic sentence; visual_line() removes the marks.
std::string fill(std::string_view pattern, const std::map<std::string, std::string>& values,
                 bool isolate = false);

}  // namespace indgang::text
