// A reporting period: one calendar month ("2026-11") or one quarter ("2026-Q4").
#pragma once

#include "core/domain/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace indgang::report {

struct Period {
    std::string label;                 // "2026-11" or "2026-Q4", as given
    Date first{};                      // first and last local date, inclusive
    Date last{};
    std::vector<std::string> months;   // "2026-10", "2026-11", "2026-12"
};

// Throws DomainError::Invalid with an example of the expected form.
Period parse_period(std::string_view text);
// The month containing `day`.
Period month_of(Date day);

}  // namespace indgang::report
