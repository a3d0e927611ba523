#include "config/gateway_config.h"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>
#include <set>

#include "platform/error.h"
#include "platform/json.h"

namespace gateway {
namespace {

using platform::json::ObjectReader;

std::chrono::milliseconds millis(ObjectReader& reader, std::string_view key,
                                 std::chrono::milliseconds fallback, std::int64_t maximum) {
  const auto value = reader.optional_integer(key, {.minimum = 1, .maximum = maximum});
  return value ? std::chrono::milliseconds(*value) : fallback;
}

std::int64_t nanos_of(std::chrono::milliseconds value) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(value).count();
}

HealthCheck read_health(ObjectReader reader) {
  HealthCheck health;
  health.enabled = reader.optional_bool("enabled").value_or(true);
  health.path = reader.optional_string("path", {1, 200}).value_or(health.path);
  health.interval = millis(reader, "interval_ms", health.interval, 600'000);
  health.timeout = millis(reader, "timeout_ms", health.timeout, 60'000);
  health.unhealthy_after =
      static_cast<int>(reader.optional_integer("unhealthy_after", {.minimum = 1, .maximum = 100})
                           .value_or(health.unhealthy_after));
  health.healthy_after =
      static_cast<int>(reader.optional_integer("healthy_after", {.minimum = 1, .maximum = 100})
                           .value_or(health.healthy_after));
  reader.finish();
  return health;
}

OutlierPolicy read_outlier(ObjectReader reader) {
  OutlierPolicy policy;
  policy.consecutive_failures = static_cast<int>(
      reader.optional_integer("consecutive_failures", {.minimum = 1, .maximum = 1000})
          .value_or(policy.consecutive_failures));
  if (auto ejection =
          reader.optional_integer("ejection_ms", {.minimum = 1, .maximum = 3'600'000})) {
    policy.ejection_nanos = nanos_of(std::chrono::milliseconds(*ejection));
  }
  if (auto share = reader.optional_integer("max_ejected_percent", {.minimum = 0, .maximum = 100})) {
    policy.max_ejected_share = static_cast<double>(*share) / 100.0;
  }
  reader.finish();
  return policy;
}

BreakerPolicy read_breaker(ObjectReader reader) {
  BreakerPolicy policy;
  if (auto percent = reader.optional_integer("failure_percent", {.minimum = 1, .maximum = 100})) {
    policy.failure_ratio = static_cast<double>(*percent) / 100.0;
  }
  policy.minimum_requests = static_cast<int>(
      reader.optional_integer("minimum_requests", {.minimum = 1, .maximum = 1'000'000})
          .value_or(policy.minimum_requests));
  if (auto window = reader.optional_integer("window_ms", {.minimum = 1, .maximum = 3'600'000})) {
    policy.window_nanos = nanos_of(std::chrono::milliseconds(*window));
  }
  if (auto open = reader.optional_integer("open_ms", {.minimum = 1, .maximum = 3'600'000})) {
    policy.open_nanos = nanos_of(std::chrono::milliseconds(*open));
  }
  policy.probes = static_cast<int>(
      reader.optional_integer("probes", {.minimum = 1, .maximum = 100}).value_or(policy.probes));
  reader.finish();
  return policy;
}

DiscoverySource read_discovery(ObjectReader& reader) {
  const int given = static_cast<int>(reader.contains("static")) +
                    static_cast<int>(reader.contains("dns")) +
                    static_cast<int>(reader.contains("file"));
  if (given != 1) {
    throw platform::invalid_field(reader.field_path("static"),
                                  "an upstream needs exactly one of static, dns or file");
  }
  if (reader.contains("static")) {
    StaticEndpoints endpoints{reader.string_array("static", {3, 300}, 1000)};
    for (const auto& endpoint : endpoints.endpoints) {
      if (!split_host_port(endpoint)) {
        throw platform::invalid_field(reader.field_path("static"), "not host:port: " + endpoint);
      }
    }
    return endpoints;
  }
  if (reader.contains("file")) return WatchedFile{reader.required_string("file", {1, 1000})};
  auto dns = reader.object("dns");
  DnsName name;
  name.host = dns.required_string("host", {1, 253});
  name.port =
      static_cast<std::uint16_t>(dns.required_integer("port", {.minimum = 1, .maximum = 65535}));
  name.server = dns.optional_string("server", {3, 300}).value_or("");
  if (!name.server.empty() && !split_host_port(name.server)) {
    throw platform::invalid_field(dns.field_path("server"), "not ip:port");
  }
  name.min_ttl = std::chrono::seconds(
      dns.optional_integer("min_ttl_seconds", {.minimum = 0, .maximum = 3600}).value_or(1));
  name.max_ttl = std::chrono::seconds(
      dns.optional_integer("max_ttl_seconds", {.minimum = 1, .maximum = 86400}).value_or(30));
  dns.finish();
  return name;
}

UpstreamConfig read_upstream(ObjectReader reader) {
  UpstreamConfig upstream;
  upstream.name = reader.required_string("name", {1, 64});
  upstream.discovery = read_discovery(reader);
  if (auto name = reader.optional_string("balancing", {1, 40})) {
    const auto balancing = balancing_named(*name);
    if (!balancing) {
      throw platform::invalid_field(reader.field_path("balancing"),
                                    "balancing is round_robin or least_outstanding");
    }
    upstream.balancing = *balancing;
  }
  if (auto health = reader.optional_object("health_check")) upstream.health = read_health(*health);
  if (auto outlier = reader.optional_object("outlier")) upstream.outlier = read_outlier(*outlier);
  if (auto breaker = reader.optional_object("breaker")) upstream.breaker = read_breaker(*breaker);
  upstream.connect_timeout = millis(reader, "connect_timeout_ms", upstream.connect_timeout, 60'000);
  upstream.response_timeout =
      millis(reader, "response_timeout_ms", upstream.response_timeout, 3'600'000);
  upstream.attempts =
      static_cast<int>(reader.optional_integer("attempts", {.minimum = 1, .maximum = 10})
                           .value_or(upstream.attempts));
  upstream.retry_budget = millis(reader, "retry_budget_ms", upstream.retry_budget, 3'600'000);
  upstream.max_connections_per_instance = static_cast<std::size_t>(
      reader.optional_integer("max_connections_per_instance", {.minimum = 1, .maximum = 100'000})
          .value_or(static_cast<std::int64_t>(upstream.max_connections_per_instance)));
  reader.finish();
  return upstream;
}

Route read_route(ObjectReader reader) {
  Route route;
  route.prefix = reader.required_string("prefix", {1, 200});
  if (route.prefix.front() != '/') {
    throw platform::invalid_field(reader.field_path("prefix"), "a prefix starts with /");
  }
  route.upstream = reader.required_string("upstream", {1, 64});
  route.replacement = reader.optional_string("replacement", {0, 200}).value_or("");
  if (auto auth = reader.optional_string("auth", {1, 20})) {
    const auto parsed = edge_auth_named(*auth);
    if (!parsed) {
      throw platform::invalid_field(reader.field_path("auth"),
                                    "auth is none, optional or required");
    }
    route.auth = *parsed;
  }
  route.max_body_bytes = static_cast<std::size_t>(
      reader.optional_integer("max_body_bytes", {.minimum = 0, .maximum = std::int64_t{1} << 34})
          .value_or(static_cast<std::int64_t>(route.max_body_bytes)));
  reader.finish();
  return route;
}

RateLimit read_rate(ObjectReader reader, RateLimit limit) {
  if (auto rate = reader.optional_integer("rate", {.minimum = 1, .maximum = 10'000'000})) {
    limit.rate = static_cast<double>(*rate);
  }
  if (auto burst = reader.optional_integer("burst", {.minimum = 1, .maximum = 10'000'000})) {
    limit.burst = static_cast<double>(*burst);
  }
  reader.finish();
  return limit;
}

template <class Read>
void for_each_object(const boost::json::value* array, const std::string& path, Read&& read) {
  if (array == nullptr) return;
  if (!array->is_array()) throw platform::invalid_field(path, path + " must be an array");
  for (std::size_t i = 0; i < array->get_array().size(); ++i) {
    const auto item_path = path + "[" + std::to_string(i) + "]";
    const auto& item = array->get_array()[i];
    if (!item.is_object())
      throw platform::invalid_field(item_path, item_path + " must be an object");
    read(ObjectReader(item.get_object(), item_path));
  }
}

}  // namespace

std::optional<std::pair<std::string, std::uint16_t>> split_host_port(std::string_view text) {
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 == text.size())
    return std::nullopt;
  auto host = text.substr(0, colon);
  if (host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
  unsigned port = 0;
  const auto digits = text.substr(colon + 1);
  const auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), port);
  if (error != std::errc{} || end != digits.data() + digits.size() || port == 0 || port > 65535) {
    return std::nullopt;
  }
  return std::pair{std::string(host), static_cast<std::uint16_t>(port)};
}

bool checks_tokens(const GatewayConfig& config) {
  return std::any_of(config.routes.begin(), config.routes.end(),
                     [](const Route& route) { return route.auth != EdgeAuth::none; });
}

GatewayConfig parse_gateway_config(std::string_view json) {
  const auto document = platform::json::parse_object(json);
  ObjectReader reader(document);
  GatewayConfig config;
  for_each_object(reader.raw("upstreams"), "upstreams", [&](ObjectReader upstream) {
    config.upstreams.push_back(read_upstream(std::move(upstream)));
  });
  std::set<std::string> names;
  for (const auto& upstream : config.upstreams) {
    if (!names.insert(upstream.name).second) {
      throw platform::invalid_field("upstreams", "upstream " + upstream.name + " is named twice");
    }
  }
  for_each_object(reader.raw("routes"), "routes", [&](ObjectReader route) {
    config.routes.push_back(read_route(std::move(route)));
    if (!names.contains(config.routes.back().upstream)) {
      throw platform::invalid_field("routes",
                                    "route to unknown upstream " + config.routes.back().upstream);
    }
  });
  if (auto limits = reader.optional_object("rate_limits")) {
    config.rate_limits = limits->optional_bool("enabled").value_or(true);
    if (auto client = limits->optional_object("per_client")) {
      config.per_client = read_rate(*client, config.per_client);
    }
    if (auto user = limits->optional_object("per_user")) {
      config.per_user = read_rate(*user, config.per_user);
    }
    limits->finish();
  }
  config.cors_allowed_origins = reader.string_array("cors_allowed_origins", {1, 300}, 100);
  config.trusted_proxies = reader.string_array("trusted_proxies", {1, 100}, 100);
  config.web_root = reader.optional_string("web_root", {1, 1000}).value_or("");
  config.access_log = reader.optional_bool("access_log").value_or(true);
  config.header_timeout = millis(reader, "header_timeout_ms", config.header_timeout, 600'000);
  config.idle_timeout = millis(reader, "idle_timeout_ms", config.idle_timeout, 3'600'000);
  config.body_timeout = millis(reader, "body_timeout_ms", config.body_timeout, 3'600'000);
  reader.finish();
  return config;
}

}  // namespace gateway
