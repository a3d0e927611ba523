#include <libpq-fe.h>

#include <charconv>
#include <cstring>
#include <unordered_map>
#include <utility>

#include "db/backends.h"
#include "db/connection_pool.h"
#include "db/retry.h"
#include "platform/error.h"
#include "platform/log.h"

namespace platform::db {
namespace {

struct ConnectionCloser {
  void operator()(PGconn* connection) const { PQfinish(connection); }
};
struct ResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using ResultHandle = std::unique_ptr<PGresult, ResultClearer>;

// Type OIDs from pg_type.h; fixed since PostgreSQL 7.
constexpr Oid kBool = 16, kInt8 = 20, kInt2 = 21, kInt4 = 23, kFloat4 = 700, kFloat8 = 701,
              kNumeric = 1700;

// Thrown when the connection itself is gone: the pool must not reuse it.
class ConnectionLost : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class PostgresConnection {
 public:
  explicit PostgresConnection(const std::string& url) : connection_(PQconnectdb(url.c_str())) {
    if (!connection_ || PQstatus(connection_.get()) != CONNECTION_OK) {
      throw Error(ErrorKind::unavailable, "database-unavailable",
                  std::string("cannot connect to PostgreSQL: ") +
                      (connection_ ? PQerrorMessage(connection_.get()) : "out of memory"));
    }
    // Server notices ("relation already exists, skipping") go to the log at
    // debug level instead of libpq's default of raw lines on stderr.
    PQsetNoticeProcessor(
        connection_.get(),
        [](void*, const char* message) {
          log::debug("postgres notice", {{"notice", message}});
        },
        nullptr);
  }

  bool healthy() const { return PQstatus(connection_.get()) == CONNECTION_OK; }

  // BEGIN is not sent on its own: it travels with the transaction's first
  // statement in one round trip (a pipeline), which saves a round trip per
  // transaction; a transaction that runs no statement sends neither BEGIN
  // nor COMMIT.
  void begin(Access access) {
    pending_begin_ = access == Access::read_write ? "BEGIN" : "BEGIN READ ONLY";
    open_ = false;
  }
  // Whether BEGIN reached the server: until then a lost connection lost
  // nothing.
  bool transaction_open() const noexcept { return open_; }
  void commit() { finish("COMMIT"); }
  void rollback() { finish("ROLLBACK"); }

  void execute_script(std::string_view sql) {
    send_pending_begin();
    ResultHandle result(PQexec(connection_.get(), std::string(sql).c_str()));
    check(result.get());
  }

  Result execute(std::string_view sql, std::span<const Value> params) {
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      if (std::holds_alternative<std::nullptr_t>(params[i])) continue;
      texts[i] = to_text(params[i]);
      values[i] = texts[i].c_str();
    }
    if (pending_begin_ != nullptr) return execute_after_begin(sql, values);
    const std::string& name = prepared(sql);
    ResultHandle result(PQexecPrepared(connection_.get(), name.c_str(),
                                       static_cast<int>(values.size()), values.data(), nullptr,
                                       nullptr, 0));
    check(result.get());
    return convert(result.get());
  }

 private:
  const std::string& prepared(std::string_view sql) {
    auto found = statements_.find(std::string(sql));
    if (found != statements_.end()) return found->second;
    std::string name = next_statement_name();
    ResultHandle result(
        PQprepare(connection_.get(), name.c_str(), std::string(sql).c_str(), 0, nullptr));
    check(result.get());
    return statements_.emplace(std::string(sql), std::move(name)).first->second;
  }

  std::string next_statement_name() const { return "s" + std::to_string(statements_.size() + 1); }

  // BEGIN, the statement's preparation when this connection has not seen it
  // yet, and the statement itself, as one pipeline.
  Result execute_after_begin(std::string_view sql, const std::vector<const char*>& values) {
    PGconn* connection = connection_.get();
    const std::string text(sql);
    const auto found = statements_.find(text);
    const bool prepare = found == statements_.end();
    const std::string name = prepare ? next_statement_name() : found->second;
    const char* begin = std::exchange(pending_begin_, nullptr);
    const bool sent =
        PQenterPipelineMode(connection) == 1 &&
        PQsendQueryParams(connection, begin, 0, nullptr, nullptr, nullptr, nullptr, 0) == 1 &&
        (!prepare || PQsendPrepare(connection, name.c_str(), text.c_str(), 0, nullptr) == 1) &&
        PQsendQueryPrepared(connection, name.c_str(), static_cast<int>(values.size()),
                            values.data(), nullptr, nullptr, 0) == 1 &&
        PQpipelineSync(connection) == 1;
    std::vector<ResultHandle> results;
    if (sent) {
      // Each command's result is followed by a null; the pipeline ends with
      // its synchronisation point.
      for (int command = 0; command < (prepare ? 3 : 2); ++command) {
        ResultHandle result(PQgetResult(connection));
        if (!result) break;
        while (PGresult* extra = PQgetResult(connection)) PQclear(extra);
        results.push_back(std::move(result));
      }
      ResultHandle end(PQgetResult(connection));
      if (!end || PQresultStatus(end.get()) != PGRES_PIPELINE_SYNC) results.clear();
    }
    if (results.size() != (prepare ? 3u : 2u) || PQexitPipelineMode(connection) != 1) {
      throw ConnectionLost(std::string("pipeline failed: ") + PQerrorMessage(connection));
    }
    check(results[0].get());
    open_ = true;
    if (prepare) {
      check(results[1].get());
      statements_.emplace(text, name);
    }
    check(results.back().get());
    return convert(results.back().get());
  }

  void send_pending_begin() {
    if (pending_begin_ == nullptr) return;
    ResultHandle result(PQexec(connection_.get(), std::exchange(pending_begin_, nullptr)));
    check(result.get());
    open_ = true;
  }

  // A COMMIT whose answer was lost leaves the transaction open as far as
  // transact() knows: it may have committed, so it is not retried.
  void finish(const char* command) {
    pending_begin_ = nullptr;
    if (!open_) return;
    ResultHandle result(PQexec(connection_.get(), command));
    check(result.get());
    open_ = false;
  }

  static std::string to_text(const Value& value) {
    if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
    if (const auto* flag = std::get_if<bool>(&value)) return *flag ? "true" : "false";
    if (const auto* real = std::get_if<double>(&value)) {
      char buffer[32];
      auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, *real);
      (void)error;  // 32 characters always hold a double's shortest form
      return std::string(buffer, end);
    }
    return std::get<std::string>(value);
  }

  void check(PGresult* result) {
    const auto status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    if (!healthy()) throw ConnectionLost(PQerrorMessage(connection_.get()));
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    const std::string code = state ? state : "";
    const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    const std::string message = primary ? primary : PQerrorMessage(connection_.get());
    if (code == "40001" || code == "40P01") throw RetryableError("postgres: " + message);
    if (code == "23505")
      throw Error(ErrorKind::conflict, "duplicate", "already exists: " + message);
    if (code == "23514")
      throw Error(ErrorKind::conflict, "constraint-violated",
                  "a database rule was violated: " + message);
    if (code == "23503")
      throw Error(ErrorKind::conflict, "reference-violated",
                  "a referenced row is missing or still used");
    if (code.starts_with("08") || code == "57P01" || code == "57P03") throw ConnectionLost(message);
    throw Error(ErrorKind::internal, "database-error", "postgres " + code + ": " + message);
  }

  static Result convert(PGresult* result) {
    const int rows = PQntuples(result);
    const int columns = PQnfields(result);
    std::vector<Oid> types(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column)
      types[static_cast<std::size_t>(column)] = PQftype(result, column);
    std::vector<Row> converted;
    converted.reserve(static_cast<std::size_t>(rows));
    for (int row = 0; row < rows; ++row) {
      std::vector<Value> values;
      values.reserve(static_cast<std::size_t>(columns));
      for (int column = 0; column < columns; ++column) {
        if (PQgetisnull(result, row, column)) {
          values.emplace_back(nullptr);
          continue;
        }
        const char* text = PQgetvalue(result, row, column);
        const auto length = static_cast<std::size_t>(PQgetlength(result, row, column));
        switch (types[static_cast<std::size_t>(column)]) {
          case kInt2:
          case kInt4:
          case kInt8: {
            std::int64_t number = 0;
            std::from_chars(text, text + length, number);
            values.emplace_back(number);
            break;
          }
          case kFloat4:
          case kFloat8:
          case kNumeric:
            values.emplace_back(std::strtod(text, nullptr));
            break;
          case kBool:
            values.emplace_back(text[0] == 't');
            break;
          default:
            values.emplace_back(std::string(text, length));
        }
      }
      converted.emplace_back(std::move(values));
    }
    const char* affected = PQcmdTuples(result);
    std::int64_t count = 0;
    if (affected != nullptr && *affected != '\0')
      std::from_chars(affected, affected + std::strlen(affected), count);
    return Result(std::move(converted), count);
  }

  std::unique_ptr<PGconn, ConnectionCloser> connection_;
  std::unordered_map<std::string, std::string> statements_;
  const char* pending_begin_ = nullptr;
  bool open_ = false;
};

class PostgresSession final : public Session {
 public:
  explicit PostgresSession(PostgresConnection& connection) : connection_(connection) {}
  Dialect dialect() const override { return Dialect::postgres; }
  Result execute(std::string_view sql, std::span<const Value> params) override {
    return connection_.execute(sql, params);
  }
  void execute_script(std::string_view sql) override { connection_.execute_script(sql); }

 private:
  PostgresConnection& connection_;
};

class PostgresDatabase final : public Database {
 public:
  PostgresDatabase(const std::string& url, const DatabaseOptions& options)
      : pool_([url] { return std::make_unique<PostgresConnection>(url); }, options.pool_size,
              options.acquire_timeout) {}

  Dialect dialect() const override { return Dialect::postgres; }

  void transact(Access access, const std::function<void(Session&)>& work) override {
    for (int attempt = 0;; ++attempt) {
      auto lease = pool_.acquire();
      try {
        lease->begin(access);
        PostgresSession session(*lease);
        work(session);
        lease->commit();
        return;
      } catch (const RetryableError&) {
        rollback(lease);
        if (attempt + 1 >= kTransactionAttempts) {
          throw Error(ErrorKind::unavailable, "database-unavailable",
                      "transaction kept conflicting");
        }
      } catch (const ConnectionLost& lost) {
        const bool begun = lease->transaction_open();
        lease.discard();
        // A pooled connection found dead at BEGIN (the server restarted while
        // it was idle) did nothing yet: try again on a fresh one. Once work
        // has started, whether it committed is unknown, so the caller decides.
        if (begun || attempt + 1 >= kTransactionAttempts) {
          throw Error(ErrorKind::unavailable, "database-unavailable",
                      std::string("lost the PostgreSQL connection: ") + lost.what());
        }
        continue;
      } catch (...) {
        rollback(lease);
        throw;
      }
      backoff(attempt);
    }
  }

 private:
  using Pool = ConnectionPool<PostgresConnection>;

  static void rollback(Pool::Lease& lease) {
    try {
      lease->rollback();
    } catch (const std::exception&) {
      // A connection that cannot even roll back is not fit for reuse.
      lease.discard();
    }
  }

  Pool pool_;
};

}  // namespace

std::unique_ptr<Database> open_postgres(const std::string& url, const DatabaseOptions& options) {
  auto database = std::make_unique<PostgresDatabase>(url, options);
  return database;
}

}  // namespace platform::db
