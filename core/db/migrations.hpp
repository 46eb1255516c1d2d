#pragma once
#include <vector>

namespace indgang::db {
// The SQL of each schema migration; entry i brings user_version from i to i + 1.
const std::vector<const char*>& migrations();
}
