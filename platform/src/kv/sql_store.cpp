#include "sql_store.h"

#include "platform/clock.h"
#include "platform/embedded_file.h"

namespace platform::kv {

std::vector<EmbeddedFile> key_value_migrations();

namespace {

constexpr std::uint64_t kSweepEvery = 1000;  // writes between sweeps of expired keys

}  // namespace

SqlStore::SqlStore(std::unique_ptr<db::Database> database) : database_(std::move(database)) {
  db::migrate(*database_, {{"platform-key-values", key_value_migrations()}});
}

std::optional<KeyValueStore::Entry> SqlStore::get(std::string_view key) {
  return database_->read([&](db::Session& session) -> std::optional<Entry> {
    const auto rows =
        session.run("SELECT value, version FROM key_values WHERE key = $1 AND expires_at > $2", key,
                    now_unix_millis());
    if (rows.empty()) return std::nullopt;
    return Entry{rows.front().get<std::string>(0), rows.front().get<std::int64_t>(1)};
  });
}

std::optional<std::int64_t> SqlStore::put_if_version(std::string_view key, std::string_view value,
                                                     std::int64_t expected,
                                                     std::chrono::milliseconds ttl) {
  const bool sweep = writes_.fetch_add(1) % kSweepEvery == 0;
  return database_->write([&](db::Session& session) -> std::optional<std::int64_t> {
    const auto now = now_unix_millis();
    const auto expires_at = now + ttl.count();
    if (sweep) session.run("DELETE FROM key_values WHERE expires_at <= $1", now);
    if (expected == 0) {
      // Absent, or present but expired (which counts as absent).
      const auto written = session.run(
          "INSERT INTO key_values (key, value, version, expires_at) VALUES ($1, $2, 1, $3) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value, version = 1, "
          "expires_at = excluded.expires_at WHERE key_values.expires_at <= $4",
          key, value, expires_at, now);
      if (written.affected_rows() == 1) return 1;
      return std::nullopt;
    }
    const auto written = session.run(
        "UPDATE key_values SET value = $2, version = version + 1, expires_at = $3 "
        "WHERE key = $1 AND version = $4 AND expires_at > $5",
        key, value, expires_at, expected, now);
    if (written.affected_rows() == 1) return expected + 1;
    return std::nullopt;
  });
}

bool SqlStore::remove(std::string_view key) {
  return database_->write([&](db::Session& session) {
    return session
               .run("DELETE FROM key_values WHERE key = $1 AND expires_at > $2", key,
                    now_unix_millis())
               .affected_rows() == 1;
  });
}

bool SqlStore::touch(std::string_view key, std::chrono::milliseconds ttl) {
  return database_->write([&](db::Session& session) {
    const auto now = now_unix_millis();
    return session
               .run("UPDATE key_values SET expires_at = $2 WHERE key = $1 AND expires_at > $3", key,
                    now + ttl.count(), now)
               .affected_rows() == 1;
  });
}

bool SqlStore::ping() { return database_->ping(); }

}  // namespace platform::kv
