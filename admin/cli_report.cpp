#include "commands.hpp"

namespace indgang::admin {

// Not built yet: the report commands arrive with their issue.
void add_report_commands(CLI::App&, Context&) {}

}  // namespace indgang::admin
