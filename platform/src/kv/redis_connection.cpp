#include "redis_connection.h"

#include <charconv>

#include "platform/error.h"

namespace platform::kv {

namespace {

struct ReplyDeleter {
  void operator()(redisReply* reply) const { freeReplyObject(reply); }
};

RedisValue copy(const redisReply& reply) {
  RedisValue value;
  switch (reply.type) {
    case REDIS_REPLY_STRING:
      value.type = RedisValue::Type::string;
      value.text.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_STATUS:
      value.type = RedisValue::Type::status;
      value.text.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_ERROR:
      value.type = RedisValue::Type::error;
      value.text.assign(reply.str, reply.len);
      break;
    case REDIS_REPLY_INTEGER:
      value.type = RedisValue::Type::integer;
      value.integer = reply.integer;
      break;
    case REDIS_REPLY_ARRAY:
      value.type = RedisValue::Type::array;
      for (std::size_t i = 0; i < reply.elements; ++i)
        value.items.push_back(copy(*reply.element[i]));
      break;
    default:
      value.type = RedisValue::Type::nil;
  }
  return value;
}

timeval to_timeval(std::chrono::milliseconds timeout) {
  return {static_cast<time_t>(timeout.count() / 1000),
          static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
}

int parse_number(std::string_view text, int fallback) {
  int value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  return error == std::errc() && end == text.data() + text.size() ? value : fallback;
}

}  // namespace

std::optional<RedisAddress> parse_redis_url(std::string_view url) {
  constexpr std::string_view kScheme = "redis://";
  if (!url.starts_with(kScheme)) return std::nullopt;
  url.remove_prefix(kScheme.size());
  RedisAddress address;
  if (const auto at = url.rfind('@'); at != std::string_view::npos) {
    auto credentials = url.substr(0, at);
    if (const auto colon = credentials.find(':'); colon != std::string_view::npos) {
      credentials.remove_prefix(colon + 1);  // the user name is not used
    }
    address.password = std::string(credentials);
    url.remove_prefix(at + 1);
  }
  if (const auto slash = url.find('/'); slash != std::string_view::npos) {
    const auto database = url.substr(slash + 1);
    if (!database.empty()) {
      address.database = parse_number(database, -1);
      if (address.database < 0) return std::nullopt;
    }
    url = url.substr(0, slash);
  }
  if (const auto colon = url.rfind(':'); colon != std::string_view::npos) {
    address.port = parse_number(url.substr(colon + 1), -1);
    if (address.port <= 0 || address.port > 65535) return std::nullopt;
    url = url.substr(0, colon);
  }
  if (url.empty()) return std::nullopt;
  address.host = std::string(url);
  return address;
}

RedisConnection::RedisConnection(const RedisAddress& address, std::chrono::milliseconds timeout)
    : context_(redisConnectWithTimeout(address.host.c_str(), address.port, to_timeval(timeout))) {
  const auto where = address.host + ":" + std::to_string(address.port);
  if (!context_ || context_->err != 0) {
    throw unavailable("key-value-store-unavailable",
                      "cannot connect to Redis at " + where + ": " +
                          (context_ ? context_->errstr : "out of memory"));
  }
  redisSetTimeout(context_.get(), to_timeval(timeout));
  if (!address.password.empty() &&
      command({"AUTH", address.password}).type == RedisValue::Type::error) {
    throw unavailable("key-value-store-unavailable", "Redis at " + where + " refused the password");
  }
  const auto database = std::to_string(address.database);
  if (address.database != 0 && command({"SELECT", database}).type == RedisValue::Type::error) {
    throw unavailable("key-value-store-unavailable",
                      "Redis at " + where + " refused database " + database);
  }
}

bool RedisConnection::broken() const { return context_->err != 0; }

RedisValue RedisConnection::command(const std::vector<std::string_view>& arguments) {
  std::vector<const char*> pointers;
  std::vector<std::size_t> lengths;
  pointers.reserve(arguments.size());
  lengths.reserve(arguments.size());
  for (const auto argument : arguments) {
    pointers.push_back(argument.data());
    lengths.push_back(argument.size());
  }
  std::unique_ptr<redisReply, ReplyDeleter> reply(static_cast<redisReply*>(redisCommandArgv(
      context_.get(), static_cast<int>(arguments.size()), pointers.data(), lengths.data())));
  if (!reply) {
    throw unavailable("key-value-store-unavailable",
                      std::string("Redis connection failed: ") + context_->errstr);
  }
  return copy(*reply);
}

}  // namespace platform::kv
