#include "platform/error.h"
#include "platform/kv/key_value_store.h"
#include "redis_store.h"
#include "sql_store.h"

namespace platform::kv {

std::unique_ptr<KeyValueStore> open_key_value_store(const std::string& url,
                                                    const KeyValueOptions& options) {
  if (url.starts_with("redis://")) {
    auto address = parse_redis_url(url);
    if (!address) throw invalid_field("url", "not a Redis URL: " + url);
    return std::make_unique<RedisStore>(std::move(*address), options);
  }
  if (url.starts_with("sqlite:")) {
    db::DatabaseOptions database_options;
    database_options.pool_size = options.pool_size;
    database_options.acquire_timeout = options.timeout;
    return std::make_unique<SqlStore>(db::open_database(url, database_options));
  }
  throw invalid_field("url", "a key-value store URL is redis://... or sqlite:...: " + url);
}

}  // namespace platform::kv
