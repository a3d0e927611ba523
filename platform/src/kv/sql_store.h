#pragma once

#include <atomic>
#include <memory>

#include "platform/db/database.h"
#include "platform/kv/key_value_store.h"

namespace platform::kv {

// The key-value store as a table (SQLite in embedded mode), with the same
// behaviour as on Redis: versions, conditional writes, expiry.
class SqlStore final : public KeyValueStore {
 public:
  explicit SqlStore(std::unique_ptr<db::Database> database);

  std::optional<Entry> get(std::string_view key) override;
  std::optional<std::int64_t> put_if_version(std::string_view key, std::string_view value,
                                             std::int64_t expected,
                                             std::chrono::milliseconds ttl) override;
  bool remove(std::string_view key) override;
  bool touch(std::string_view key, std::chrono::milliseconds ttl) override;
  bool ping() override;

 private:
  std::unique_ptr<db::Database> database_;
  std::atomic<std::uint64_t> writes_{0};
};

}  // namespace platform::kv
