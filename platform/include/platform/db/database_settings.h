#pragma once

#include <string>
#include <string_view>

#include "platform/config.h"
#include "platform/db/database.h"

namespace platform::db {

struct DatabaseSettings {
  std::string url;
  DatabaseOptions options;
};

// <PREFIX>_DATABASE_URL (default: sqlite:data/<name>.db) and
// <PREFIX>_DATABASE_POOL, read the same way by every service.
DatabaseSettings read_database_settings(Config& config, std::string_view prefix,
                                        std::string_view name);

}  // namespace platform::db
