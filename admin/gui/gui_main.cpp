#include "commands.hpp"

#include <cstdio>

namespace indgang::admin {

// The staff GUI arrives with the admin-tool issue; until then say so plainly.
int run_gui(Context&) {
    std::fprintf(stderr, "indgang-admin: the staff window is not built yet; use a subcommand "
                         "(see --help)\n");
    return 2;
}

}  // namespace indgang::admin
