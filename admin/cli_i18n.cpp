#include "commands.hpp"

namespace indgang::admin {

// Not built yet: the i18n commands arrive with their issue.
void add_i18n_commands(CLI::App&, Context&) {}

}  // namespace indgang::admin
