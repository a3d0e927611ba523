#pragma once

#include <memory>
#include <string>

#include "platform/db/database.h"

namespace platform::db {

std::unique_ptr<Database> open_sqlite(const std::string& location, const DatabaseOptions& options);
std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options);

}  // namespace platform::db
