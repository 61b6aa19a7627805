// The schema, as a list of migrations applied in order by PRAGMA user_version.
#pragma once

#include <vector>

namespace carers::store {

// migrations()[i] takes a database from user_version i to i + 1. Append only: never edit a
// migration that has shipped.
const std::vector<const char*>& migrations();

}  // namespace carers::store
