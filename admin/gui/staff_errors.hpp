// What went wrong, in the staff language. The core's messages are English sentences for the CLI
// and the logs; the window shows the catalog's translation of a fixed message, or a sentence for
// the error's code when the message carries values (a key, an id) that no catalog can hold.
#pragma once

#include "core/domain/civil_time.hpp"

#include <exception>
#include <string>

#include "core/domain/model.hpp"

namespace indgang::admin::gui {

// A refusal the window itself words, already in the staff language.
class StaffError : public DomainError {
public:
    explicit StaffError(const std::string& what) : DomainError(ErrorCode::Invalid, what) {}
};

std::string error_text(const std::exception& e, const TimeZone& tz);
// A warning from check_session() (English, may carry times): translated when fixed, else the
// generic note about opening hours.
std::string warning_text(const std::string& warning);

}  // namespace indgang::admin::gui
