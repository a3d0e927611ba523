#include "db/backends.h"
#include "platform/error.h"

namespace platform::db {

std::unique_ptr<Database> open_database(const std::string& url, const DatabaseOptions& options) {
  if (url.starts_with("sqlite:")) return open_sqlite(url.substr(7), options);
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres(url, options);
  throw Error(ErrorKind::invalid_argument, "bad-database-url",
              "database URL must start with postgresql:// or sqlite:");
}

}  // namespace platform::db
