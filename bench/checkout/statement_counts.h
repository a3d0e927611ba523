#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>

#include "platform/db/database.h"

namespace shop::bench {

// What each database of the PostgreSQL server ran, from pg_stat_statements:
// round trips, not execution time, are what a checkout's cost is made of
// (each costs the server a wake-up, a parse-bind-execute and a reply).
// Unavailable when the server was not started with the module preloaded
// (scripts/test-infra.sh preloads it).
class StatementCounts {
 public:
  struct Counts {
    std::int64_t statements = 0;
    std::int64_t transactions = 0;  // COMMITs
  };

  explicit StatementCounts(const std::string& admin_url);

  bool available() const noexcept { return available_; }
  void reset();
  // Keyed by database name.
  std::map<std::string, Counts> by_database();

 private:
  std::unique_ptr<platform::db::Database> admin_;
  bool available_ = false;
};

// The database name of a PostgreSQL URL ("postgresql://u@h:p/name?x" -> "name").
std::string database_name(const std::string& url);

}  // namespace shop::bench
