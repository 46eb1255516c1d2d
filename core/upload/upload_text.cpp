#include "core/upload/upload_text.hpp"

#include "core/text/placeholders.hpp"

namespace indgang::upload {

std::string say(const char* msgid, const std::map<std::string, std::string>& values) {
    return text::fill(msgid, values);
}

}  // namespace indgang::upload
