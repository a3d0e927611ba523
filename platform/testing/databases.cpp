#include "platform/testing/databases.h"

#include <libpq-fe.h>

#include "platform/ids.h"

namespace platform::testing {
namespace {

class SqliteFile final : public FreshDatabase {
 public:
  explicit SqliteFile(const platform::db::DatabaseOptions& options) {
    url_ = "sqlite:" + (directory_.path() / "test.db").string();
    database_ = platform::db::open_database(url_, options);
  }

 private:
  TemporaryDirectory directory_;
};

// "postgresql://user@host:port/postgres" -> same server, database `name`.
std::string with_database(const std::string& url, const std::string& name) {
  const auto slash = url.find('/', url.find("://") + 3);
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name + (query == std::string::npos ? "" : url.substr(query));
}

// CREATE and DROP DATABASE refuse to run inside a transaction, which every
// platform::db call is; the admin connection talks libpq directly.
std::string run_admin(const std::string& url, const std::string& sql) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> connection(PQconnectdb(url.c_str()), &PQfinish);
  if (PQstatus(connection.get()) != CONNECTION_OK) return PQerrorMessage(connection.get());
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(connection.get(), sql.c_str()),
                                                       &PQclear);
  if (PQresultStatus(result.get()) != PGRES_COMMAND_OK) return PQerrorMessage(connection.get());
  return {};
}

class PostgresDatabase final : public FreshDatabase {
 public:
  PostgresDatabase(std::string admin_url, const platform::db::DatabaseOptions& options)
      : admin_url_(std::move(admin_url)), name_("test_" + random_hex(8)) {
    if (auto error = run_admin(admin_url_, "CREATE DATABASE " + name_); !error.empty()) {
      throw std::runtime_error("could not create test database: " + error);
    }
    url_ = with_database(admin_url_, name_);
    database_ = platform::db::open_database(url_, options);
  }

  ~PostgresDatabase() override {
    database_.reset();
    if (auto error = run_admin(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
        !error.empty()) {
      ADD_FAILURE() << "could not drop test database " << name_ << ": " << error;
    }
  }

 private:
  std::string admin_url_;
  std::string name_;
};

}  // namespace

std::vector<DatabaseBackend> database_backends() {
  return {DatabaseBackend::sqlite, DatabaseBackend::postgres};
}

std::string backend_name(const ::testing::TestParamInfo<DatabaseBackend>& info) {
  return info.param == DatabaseBackend::sqlite ? "SQLite" : "PostgreSQL";
}

std::unique_ptr<FreshDatabase> open_fresh_database(DatabaseBackend backend,
                                                   const platform::db::DatabaseOptions& options) {
  if (backend == DatabaseBackend::sqlite) return std::make_unique<SqliteFile>(options);
  const auto admin = postgres_admin_url();
  if (!admin) {
    if (infrastructure_required()) {
      ADD_FAILURE() << "PostgreSQL is required (SHOP_TEST_REQUIRE_INFRA=1) but "
                       "SHOP_TEST_POSTGRES_URL is not set";
    }
    return nullptr;
  }
  return std::make_unique<PostgresDatabase>(*admin, options);
}

}  // namespace platform::testing
