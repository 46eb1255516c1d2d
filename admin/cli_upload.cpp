#include "commands.hpp"

namespace indgang::admin {

// Not built yet: the upload commands arrive with their issue.
void add_upload_commands(CLI::App&, Context&) {}

}  // namespace indgang::admin
