#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "platform/db/result.h"
#include "platform/db/value.h"
#include "platform/embedded_file.h"

namespace platform::db {

enum class Dialect { postgres, sqlite };

// A connection inside a transaction. SQL uses $1, $2, ... placeholders in both
// dialects (SQLite binds them by name). Statements are prepared once per
// connection and cached by their text, so pass constant SQL, never SQL built
// from values.
class Session {
 public:
  virtual ~Session() = default;
  virtual Dialect dialect() const = 0;
  virtual Result execute(std::string_view sql, std::span<const Value> params) = 0;
  // Several statements separated by semicolons, without parameters or
  // results: what migrations need.
  virtual void execute_script(std::string_view sql) = 0;

  template <class... Args>
  Result run(std::string_view sql, Args&&... args) {
    if constexpr (sizeof...(Args) == 0) {
      return execute(sql, {});
    } else {
      const Value params[] = {to_value(std::forward<Args>(args))...};
      return execute(sql, params);
    }
  }
};

enum class Access { read_write, read_only };

class Database {
 public:
  virtual ~Database() = default;
  virtual Dialect dialect() const = 0;

  // Runs `work` in one transaction: commits when it returns, rolls back when
  // it throws (and rethrows). Serialization failures, deadlocks and SQLite
  // "busy" are retried a bounded number of times, so `work` must have no
  // effects outside the database. read_write transactions on SQLite take the
  // write lock up front (BEGIN IMMEDIATE) so they never fail on upgrade.
  virtual void transact(Access access, const std::function<void(Session&)>& work) = 0;

  // Whether a connection can be had and answers a trivial query (for /readyz).
  virtual bool ping();

  template <class Work>
  auto write(Work&& work) {
    return in_transaction(Access::read_write, std::forward<Work>(work));
  }
  template <class Work>
  auto read(Work&& work) {
    return in_transaction(Access::read_only, std::forward<Work>(work));
  }

 private:
  template <class Work>
  auto in_transaction(Access access, Work&& work) {
    using R = std::invoke_result_t<Work&, Session&>;
    if constexpr (std::is_void_v<R>) {
      transact(access, [&](Session& session) { work(session); });
    } else {
      std::optional<R> result;
      transact(access, [&](Session& session) { result.emplace(work(session)); });
      return std::move(*result);
    }
  }
};

struct DatabaseOptions {
  // Connections kept open; requests beyond that wait up to acquire_timeout.
  int pool_size = 8;
  std::chrono::milliseconds acquire_timeout{2000};
};

// "postgresql://user@host:port/dbname?..." (any libpq URI) or
// "sqlite:relative/or/absolute/path.db" or "sqlite::memory:" (tests).
std::unique_ptr<Database> open_database(const std::string& url,
                                        const DatabaseOptions& options = {});

// A named, ordered set of migrations (e.g. "platform", "catalog"). Files are
// named NNNN_description.sql for both dialects, or
// NNNN_description.postgres.sql / NNNN_description.sqlite.sql for one.
struct MigrationSet {
  std::string component;
  std::vector<EmbeddedFile> files;
};

// Applies the migrations not yet recorded in schema_migrations, each in its own
// transaction, holding a lock so that replicas starting together do not race.
// Returns how many were applied.
int migrate(Database& database, const std::vector<MigrationSet>& sets);

}  // namespace platform::db
