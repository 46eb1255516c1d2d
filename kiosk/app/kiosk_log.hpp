// The kiosk's log line (stderr, which the journal keeps): one place for its prefix.
#pragma once

#include <cstdio>
#include <string>

namespace indgang::kiosk {

inline void log_line(const std::string& s) { std::fprintf(stderr, "indgang-kiosk: %s\n", s.c_str()); }

}  // namespace indgang::kiosk
