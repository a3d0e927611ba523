#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <unordered_map>

#include "db/backends.h"
#include "db/connection_pool.h"
#include "db/retry.h"
#include "platform/error.h"

namespace platform::db {
namespace {

struct StatementCloser {
  void operator()(sqlite3_stmt* statement) const { sqlite3_finalize(statement); }
};
struct DatabaseCloser {
  void operator()(sqlite3* database) const { sqlite3_close_v2(database); }
};
using StatementHandle = std::unique_ptr<sqlite3_stmt, StatementCloser>;

// Maps a SQLite failure to the platform's errors; busy and locked become
// retryable so that transact() starts the transaction again.
[[noreturn]] void fail(sqlite3* database, int code) {
  const int extended = sqlite3_extended_errcode(database);
  const std::string message = sqlite3_errmsg(database);
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED) throw RetryableError("sqlite busy: " + message);
  if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
    throw Error(ErrorKind::conflict, "duplicate", "already exists: " + message);
  }
  if (extended == SQLITE_CONSTRAINT_CHECK) {
    throw Error(ErrorKind::conflict, "constraint-violated",
                "a database rule was violated: " + message);
  }
  if (extended == SQLITE_CONSTRAINT_FOREIGNKEY) {
    throw Error(ErrorKind::conflict, "reference-violated",
                "a referenced row is missing or still used");
  }
  throw Error(ErrorKind::internal, "database-error", "sqlite: " + message);
}

class SqliteConnection {
 public:
  explicit SqliteConnection(const std::string& path, bool memory) {
    sqlite3* raw = nullptr;
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX |
                      (memory ? SQLITE_OPEN_URI : 0);
    const int code = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    database_.reset(raw);
    if (code != SQLITE_OK) {
      throw Error(ErrorKind::unavailable, "database-unavailable",
                  "cannot open sqlite database " + path + ": " + sqlite3_errstr(code));
    }
    sqlite3_busy_timeout(database_.get(), 5000);
    sqlite3_extended_result_codes(database_.get(), 1);
    execute_script(memory ? "PRAGMA foreign_keys = ON;"
                          : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; "
                            "PRAGMA foreign_keys = ON;");
  }

  void execute_script(std::string_view sql) {
    char* message = nullptr;
    const int code =
        sqlite3_exec(database_.get(), std::string(sql).c_str(), nullptr, nullptr, &message);
    if (message != nullptr) sqlite3_free(message);
    if (code != SQLITE_OK) fail(database_.get(), code);
  }

  Result execute(std::string_view sql, std::span<const Value> params) {
    sqlite3_stmt* statement = prepared(sql);
    // Reset even when stepping throws, so the cached statement stays usable.
    struct Reset {
      sqlite3_stmt* statement;
      ~Reset() {
        sqlite3_reset(statement);
        sqlite3_clear_bindings(statement);
      }
    } reset{statement};
    bind(statement, params);
    std::vector<Row> rows;
    const int columns = sqlite3_column_count(statement);
    while (true) {
      const int code = sqlite3_step(statement);
      if (code == SQLITE_DONE) break;
      if (code != SQLITE_ROW) fail(database_.get(), code);
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) values.push_back(read(statement, column));
      rows.emplace_back(std::move(values));
    }
    const std::int64_t affected =
        sqlite3_stmt_readonly(statement) ? 0 : sqlite3_changes64(database_.get());
    return Result(std::move(rows), affected);
  }

 private:
  sqlite3_stmt* prepared(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second.get();
    sqlite3_stmt* raw = nullptr;
    const int code = sqlite3_prepare_v3(database_.get(), sql.data(), static_cast<int>(sql.size()),
                                        SQLITE_PREPARE_PERSISTENT, &raw, nullptr);
    if (code != SQLITE_OK) fail(database_.get(), code);
    return statements_.emplace(std::string(sql), StatementHandle(raw)).first->second.get();
  }

  void bind(sqlite3_stmt* statement, std::span<const Value> params) {
    const int count = sqlite3_bind_parameter_count(statement);
    for (int index = 1; index <= count; ++index) {
      const char* name = sqlite3_bind_parameter_name(statement, index);
      // "$7" is the 7th value, wherever and however often it appears.
      const std::size_t position = name != nullptr && name[0] == '$' ? std::stoul(name + 1) : 0;
      if (position == 0 || position > params.size()) {
        throw Error(ErrorKind::internal, "database-parameters",
                    "statement parameter " + std::string(name ? name : "?") + " has no value");
      }
      const Value& value = params[position - 1];
      int code = SQLITE_OK;
      if (std::holds_alternative<std::nullptr_t>(value)) {
        code = sqlite3_bind_null(statement, index);
      } else if (const auto* number = std::get_if<std::int64_t>(&value)) {
        code = sqlite3_bind_int64(statement, index, *number);
      } else if (const auto* real = std::get_if<double>(&value)) {
        code = sqlite3_bind_double(statement, index, *real);
      } else if (const auto* flag = std::get_if<bool>(&value)) {
        code = sqlite3_bind_int(statement, index, *flag ? 1 : 0);
      } else {
        const auto& text = std::get<std::string>(value);
        code = sqlite3_bind_text64(statement, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
      }
      if (code != SQLITE_OK) fail(database_.get(), code);
    }
  }

  static Value read(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
      case SQLITE_INTEGER:
        return static_cast<std::int64_t>(sqlite3_column_int64(statement, column));
      case SQLITE_FLOAT:
        return sqlite3_column_double(statement, column);
      case SQLITE_NULL:
        return nullptr;
      default: {
        const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, column));
        const auto size = static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
        return std::string(text, size);
      }
    }
  }

  std::unique_ptr<sqlite3, DatabaseCloser> database_;
  std::unordered_map<std::string, StatementHandle> statements_;
};

class SqliteSession final : public Session {
 public:
  explicit SqliteSession(SqliteConnection& connection) : connection_(connection) {}
  Dialect dialect() const override { return Dialect::sqlite; }
  Result execute(std::string_view sql, std::span<const Value> params) override {
    return connection_.execute(sql, params);
  }
  void execute_script(std::string_view sql) override { connection_.execute_script(sql); }

 private:
  SqliteConnection& connection_;
};

class SqliteDatabase final : public Database {
 public:
  SqliteDatabase(std::string path, bool memory, const DatabaseOptions& options)
      : pool_([path, memory] { return std::make_unique<SqliteConnection>(path, memory); },
              // A shared-cache memory database locks whole tables; one
              // connection avoids spurious "locked" errors in tests.
              memory ? 1 : options.pool_size, options.acquire_timeout),
        keep_alive_(memory ? pool_.acquire() : std::optional<Pool::Lease>()) {}

  Dialect dialect() const override { return Dialect::sqlite; }

  void transact(Access access, const std::function<void(Session&)>& work) override {
    for (int attempt = 0;; ++attempt) {
      // The memory database's only connection is held by keep_alive_.
      auto lease =
          keep_alive_ ? std::optional<Pool::Lease>() : std::optional<Pool::Lease>(pool_.acquire());
      SqliteConnection& connection = lease ? **lease : **keep_alive_;
      std::unique_lock<std::mutex> memory_lock;
      if (keep_alive_) memory_lock = std::unique_lock(memory_mutex_);
      try {
        connection.execute_script(access == Access::read_write ? "BEGIN IMMEDIATE" : "BEGIN");
      } catch (const RetryableError&) {
        if (attempt + 1 >= kTransactionAttempts) throw busy();
        backoff(attempt);
        continue;
      }
      try {
        SqliteSession session(connection);
        work(session);
        connection.execute_script("COMMIT");
        return;
      } catch (const RetryableError&) {
        rollback(connection);
        if (attempt + 1 >= kTransactionAttempts) throw busy();
      } catch (...) {
        rollback(connection);
        throw;
      }
      memory_lock = {};
      backoff(attempt);
    }
  }

 private:
  using Pool = ConnectionPool<SqliteConnection>;

  static Error busy() {
    return Error(ErrorKind::unavailable, "database-unavailable", "sqlite database stayed busy");
  }

  static void rollback(SqliteConnection& connection) {
    try {
      connection.execute_script("ROLLBACK");
    } catch (const std::exception&) {
      // SQLite rolls back by itself after some errors; then there is no
      // transaction left to roll back, and that is fine.
    }
  }

  Pool pool_;
  std::optional<Pool::Lease> keep_alive_;
  std::mutex memory_mutex_;
};

}  // namespace

std::unique_ptr<Database> open_sqlite(const std::string& location, const DatabaseOptions& options) {
  if (location == ":memory:") {
    static std::atomic<int> counter{0};
    return std::make_unique<SqliteDatabase>(
        "file:memory-" + std::to_string(++counter) + "?mode=memory&cache=shared", true, options);
  }
  const std::filesystem::path path(location);
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path());
  return std::make_unique<SqliteDatabase>(location, false, options);
}

}  // namespace platform::db
