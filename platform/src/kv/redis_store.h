#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "platform/kv/key_value_store.h"
#include "redis_connection.h"

namespace platform::kv {

// The key-value store on Redis: each key a hash of its version and value;
// conditional writes are a Lua script, atomic on the server.
class RedisStore final : public KeyValueStore {
 public:
  RedisStore(RedisAddress address, KeyValueOptions options);

  std::optional<Entry> get(std::string_view key) override;
  std::optional<std::int64_t> put_if_version(std::string_view key, std::string_view value,
                                             std::int64_t expected,
                                             std::chrono::milliseconds ttl) override;
  bool remove(std::string_view key) override;
  bool touch(std::string_view key, std::chrono::milliseconds ttl) override;
  bool ping() override;

 private:
  // Runs one command on a pooled connection. A connection that breaks is
  // dropped and the command sent once more on a fresh one: every command
  // here is safe to repeat (a conditional write that did happen is refused
  // the second time, and the caller reads again).
  RedisValue run(const std::vector<std::string_view>& arguments);
  std::unique_ptr<RedisConnection> take();
  void give_back(std::unique_ptr<RedisConnection> connection);

  RedisAddress address_;
  KeyValueOptions options_;
  std::mutex mutex_;
  std::condition_variable returned_;
  std::vector<std::unique_ptr<RedisConnection>> idle_;
  int open_ = 0;
};

}  // namespace platform::kv
