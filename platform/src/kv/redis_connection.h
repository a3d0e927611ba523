#pragma once

#include <hiredis/hiredis.h>

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace platform::kv {

// Where a Redis server is, from "redis://[:password@]host:port[/database]".
struct RedisAddress {
  std::string host;
  int port = 6379;
  std::string password;
  int database = 0;
};

// nullopt for a URL that is not of that form.
std::optional<RedisAddress> parse_redis_url(std::string_view url);

// One answer of Redis, copied out of hiredis' reply.
struct RedisValue {
  enum class Type { nil, string, integer, array, status, error };
  Type type = Type::nil;
  std::string text;  // string, status, error
  std::int64_t integer = 0;
  std::vector<RedisValue> items;  // array
};

// One connection, for one thread at a time. Throws Error(unavailable) when
// the server cannot be reached or the connection breaks; broken() then says
// it must not be used again.
class RedisConnection {
 public:
  RedisConnection(const RedisAddress& address, std::chrono::milliseconds timeout);
  RedisConnection(const RedisConnection&) = delete;
  RedisConnection& operator=(const RedisConnection&) = delete;

  // Sends one command (binary-safe arguments) and returns its answer; a
  // Redis error answer is a value of type error, not an exception.
  RedisValue command(const std::vector<std::string_view>& arguments);
  bool broken() const;

 private:
  struct ContextDeleter {
    void operator()(redisContext* context) const { redisFree(context); }
  };
  std::unique_ptr<redisContext, ContextDeleter> context_;
};

}  // namespace platform::kv
