#include "redis_store.h"

#include "platform/error.h"

namespace platform::kv {

namespace {

// KEYS[1]: the key; ARGV: expected version, value, time to live (ms).
constexpr std::string_view kPutIfVersion = R"lua(
local current = redis.call('HGET', KEYS[1], 'v')
local expected = tonumber(ARGV[1])
if current then
  if tonumber(current) ~= expected then return -1 end
elseif expected ~= 0 then
  return -1
end
local next = expected + 1
redis.call('HSET', KEYS[1], 'v', next, 'd', ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return next
)lua";

[[noreturn]] void refused(const RedisValue& answer) {
  throw unavailable("key-value-store-unavailable", "Redis answered: " + answer.text);
}

RedisValue checked(RedisValue answer) {
  if (answer.type == RedisValue::Type::error) refused(answer);
  return answer;
}

}  // namespace

RedisStore::RedisStore(RedisAddress address, KeyValueOptions options)
    : address_(std::move(address)), options_(options) {}

std::unique_ptr<RedisConnection> RedisStore::take() {
  std::unique_lock lock(mutex_);
  const bool available = returned_.wait_for(
      lock, options_.timeout, [&] { return !idle_.empty() || open_ < options_.pool_size; });
  if (!available) {
    throw unavailable("key-value-store-unavailable", "no Redis connection free in time");
  }
  if (!idle_.empty()) {
    auto connection = std::move(idle_.back());
    idle_.pop_back();
    return connection;
  }
  ++open_;
  lock.unlock();
  try {
    return std::make_unique<RedisConnection>(address_, options_.timeout);
  } catch (...) {
    lock.lock();
    --open_;
    returned_.notify_one();
    throw;
  }
}

void RedisStore::give_back(std::unique_ptr<RedisConnection> connection) {
  {
    std::lock_guard lock(mutex_);
    if (connection && !connection->broken()) {
      idle_.push_back(std::move(connection));
    } else {
      --open_;
    }
  }
  returned_.notify_one();
}

RedisValue RedisStore::run(const std::vector<std::string_view>& arguments) {
  for (int attempt = 1;; ++attempt) {
    auto connection = take();
    try {
      auto answer = connection->command(arguments);
      give_back(std::move(connection));
      return answer;
    } catch (const Error&) {
      give_back(nullptr);  // the connection is broken: drop it
      if (attempt == 2) throw;
    }
  }
}

std::optional<KeyValueStore::Entry> RedisStore::get(std::string_view key) {
  const auto answer = checked(run({"HMGET", key, "v", "d"}));
  if (answer.items.size() != 2 || answer.items[0].type != RedisValue::Type::string) {
    return std::nullopt;
  }
  return Entry{answer.items[1].text, std::stoll(answer.items[0].text)};
}

std::optional<std::int64_t> RedisStore::put_if_version(std::string_view key, std::string_view value,
                                                       std::int64_t expected,
                                                       std::chrono::milliseconds ttl) {
  const auto expected_text = std::to_string(expected);
  const auto ttl_text = std::to_string(std::max<std::int64_t>(ttl.count(), 1));
  const auto answer =
      checked(run({"EVAL", kPutIfVersion, "1", key, expected_text, value, ttl_text}));
  if (answer.type != RedisValue::Type::integer || answer.integer < 0) return std::nullopt;
  return answer.integer;
}

bool RedisStore::remove(std::string_view key) { return checked(run({"DEL", key})).integer == 1; }

bool RedisStore::touch(std::string_view key, std::chrono::milliseconds ttl) {
  const auto ttl_text = std::to_string(std::max<std::int64_t>(ttl.count(), 1));
  return checked(run({"PEXPIRE", key, ttl_text})).integer == 1;
}

bool RedisStore::ping() {
  try {
    return run({"PING"}).text == "PONG";
  } catch (const Error&) {
    return false;
  }
}

}  // namespace platform::kv
