#include "platform/db/database_settings.h"

namespace platform::db {

DatabaseSettings read_database_settings(Config& config, std::string_view prefix,
                                        std::string_view name) {
  const std::string variable(prefix);
  DatabaseSettings settings;
  settings.url = config.text(variable + "_DATABASE_URL", "sqlite:data/" + std::string(name) + ".db",
                             "postgresql://... or sqlite:PATH");
  settings.options.pool_size =
      static_cast<int>(config.integer(variable + "_DATABASE_POOL", settings.options.pool_size,
                                      "database connections kept open", 1, 512));
  return settings;
}

}  // namespace platform::db
