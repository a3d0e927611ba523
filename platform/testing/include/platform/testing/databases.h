#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "platform/db/database.h"
#include "platform/testing/environment.h"

namespace platform::testing {

enum class DatabaseBackend { sqlite, postgres };

// Every backend a store test runs on. PostgreSQL cases skip when
// SHOP_TEST_POSTGRES_URL is unset, and fail then if SHOP_TEST_REQUIRE_INFRA=1.
std::vector<DatabaseBackend> database_backends();
std::string backend_name(const ::testing::TestParamInfo<DatabaseBackend>& info);

// An empty database of its own for one test: a SQLite file in a temporary
// directory, or a PostgreSQL database created for it and dropped afterwards.
class FreshDatabase {
 public:
  virtual ~FreshDatabase() = default;
  platform::db::Database& database() { return *database_; }
  const std::string& url() const { return url_; }

 protected:
  std::unique_ptr<platform::db::Database> database_;
  std::string url_;
};

// nullptr when the backend is not configured (the caller skips); throws when
// it is configured but unusable.
std::unique_ptr<FreshDatabase> open_fresh_database(
    DatabaseBackend backend, const platform::db::DatabaseOptions& options = {});

}  // namespace platform::testing
