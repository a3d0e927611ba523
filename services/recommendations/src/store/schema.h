#pragma once

#include <vector>

#include "platform/db/database.h"
#include "platform/embedded_file.h"

namespace recommendations {

// migrations/*.sql, compiled in.
std::vector<platform::EmbeddedFile> migrations();

// The platform's tables (the inbox) and the interaction log.
void migrate(platform::db::Database& database);

}  // namespace recommendations
