#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace platform::kv {

// Values under keys that expire when left alone, changed with optimistic
// concurrency: every value has a version, and a write says which version it
// replaces. What the cart needs, and what Redis does well. Errors reaching
// the store throw Error(unavailable).
class KeyValueStore {
 public:
  struct Entry {
    std::string value;
    std::int64_t version = 0;  // 1 for a value written once, then 2, 3, ...
  };

  virtual ~KeyValueStore() = default;

  virtual std::optional<Entry> get(std::string_view key) = 0;
  // Writes `value` if the key's version is still `expected` (0: the key
  // holds nothing), and makes the key expire `ttl` from now. Returns the new
  // version, or nullopt when another writer came first: read and try again.
  virtual std::optional<std::int64_t> put_if_version(std::string_view key, std::string_view value,
                                                     std::int64_t expected,
                                                     std::chrono::milliseconds ttl) = 0;
  // Whether there was something to remove.
  virtual bool remove(std::string_view key) = 0;
  // Pushes the key's expiry to `ttl` from now; false when it holds nothing.
  virtual bool touch(std::string_view key, std::chrono::milliseconds ttl) = 0;
  // Whether the store answers (for /readyz).
  virtual bool ping() = 0;
};

struct KeyValueOptions {
  int pool_size = 8;                        // connections kept open
  std::chrono::milliseconds timeout{2000};  // per command, and to get a connection
};

// "redis://[:password@]host:port[/database]" (distributed mode), or
// "sqlite:path" / "sqlite::memory:" (embedded mode: a table in SQLite with
// the same behaviour). Throws Error(invalid_argument) for another URL.
std::unique_ptr<KeyValueStore> open_key_value_store(const std::string& url,
                                                    const KeyValueOptions& options = {});

}  // namespace platform::kv
