#include <gtest/gtest.h>

#include "config/gateway_config.h"
#include "dns/dns_message.h"
#include "platform/error.h"
#include "web/asset_policy.h"

namespace gateway {
namespace {

// A response to `query` (the same question) answering with `answers`, each
// a compressed pointer to the question's name.
std::string response_to(const std::string& query, std::uint16_t flags,
                        const std::vector<std::pair<std::uint16_t, std::string>>& answers,
                        std::uint32_t ttl = 30) {
  std::string message = query.substr(0, 12);
  message[2] = static_cast<char>(flags >> 8);
  message[3] = static_cast<char>(flags & 0xff);
  message[6] = 0;
  message[7] = static_cast<char>(answers.size());
  message[10] = 0;
  message[11] = 0;                              // no additional records
  const auto question_end = query.size() - 11;  // the OPT record is 11 bytes
  message += query.substr(12, question_end - 12);
  for (const auto& [type, data] : answers) {
    message += "\xc0\x0c";
    message += static_cast<char>(type >> 8);
    message += static_cast<char>(type & 0xff);
    message += std::string("\x00\x01", 2);
    for (int shift = 24; shift >= 0; shift -= 8)
      message += static_cast<char>((ttl >> shift) & 0xff);
    message += static_cast<char>(data.size() >> 8);
    message += static_cast<char>(data.size() & 0xff);
    message += data;
  }
  return message;
}

TEST(DnsMessage, AnswersSayTheAddressesOnlyWhenTheyAreWhole) {
  using Status = dns::Answer::Status;
  const dns::Answer two_a{Status::ok, {{"10.0.0.1", 5}, {"10.0.0.2", 5}}};
  const dns::Answer empty_aaaa{Status::ok, {}};
  const dns::Answer refused{Status::server_failure, {}};
  const dns::Answer truncated{Status::truncated, {{"10.0.0.1", 5}}};
  const dns::Answer unknown{Status::no_such_name, {}};
  const auto addresses = [](std::vector<dns::Answer> answers) {
    return dns::addresses_of(answers);
  };
  EXPECT_EQ(addresses({two_a, empty_aaaa})->size(), 2u);
  EXPECT_EQ(addresses({two_a, refused})->size(), 2u) << "an AAAA refusal does not matter";
  EXPECT_TRUE(addresses({unknown, unknown})->empty()) << "no such name: no instances";
  EXPECT_FALSE(addresses({refused, refused})) << "nothing known";
  EXPECT_FALSE(addresses({truncated, empty_aaaa}))
      << "a truncated A answer beside an empty AAAA one is not 'no instances'";
}

TEST(DnsMessage, EncodesAQueryWithEdns) {
  const auto query = dns::encode_query(0x1234, "catalog.shop.svc", dns::RecordType::a);
  ASSERT_TRUE(query);
  EXPECT_EQ(query->substr(0, 2), "\x12\x34");
  EXPECT_NE(query->find("\x07"
                        "catalog\x04shop\x03svc"),
            std::string::npos);
  EXPECT_EQ(query->size(), 12u + 18u + 4u + 11u);
  EXPECT_FALSE(dns::encode_query(1, "", dns::RecordType::a));
  EXPECT_FALSE(dns::encode_query(1, std::string(64, 'a') + ".com", dns::RecordType::a));
  EXPECT_FALSE(dns::encode_query(1, "a..b", dns::RecordType::a));
}

TEST(DnsMessage, ReadsAddressesAndTheirTtl) {
  const auto query = *dns::encode_query(7, "catalog", dns::RecordType::a);
  const auto answer = dns::decode_response(response_to(query, 0x8180,
                                                       {{5, std::string("\x03"
                                                                        "www\x00",
                                                                        5)},
                                                        {1, std::string("\x0a\x00\x00\x05", 4)},
                                                        {1, std::string("\x0a\x00\x00\x06", 4)}},
                                                       12),
                                           7, dns::RecordType::a);
  ASSERT_EQ(answer.status, dns::Answer::Status::ok);
  ASSERT_EQ(answer.addresses.size(), 2u) << "the CNAME is skipped";
  EXPECT_EQ(answer.addresses[0].ip, "10.0.0.5");
  EXPECT_EQ(answer.addresses[1].ip, "10.0.0.6");
  EXPECT_EQ(answer.addresses[0].ttl, 12u);

  const auto v6 = *dns::encode_query(8, "catalog", dns::RecordType::aaaa);
  std::string address(16, '\0');
  address[15] = 1;
  const auto six =
      dns::decode_response(response_to(v6, 0x8180, {{28, address}}), 8, dns::RecordType::aaaa);
  ASSERT_EQ(six.addresses.size(), 1u);
  EXPECT_EQ(six.addresses[0].ip, "::1");
}

TEST(DnsMessage, ReportsMissingNamesTruncationAndGarbage) {
  const auto query = *dns::encode_query(9, "gone", dns::RecordType::a);
  EXPECT_EQ(dns::decode_response(response_to(query, 0x8183, {}), 9, dns::RecordType::a).status,
            dns::Answer::Status::no_such_name);
  EXPECT_EQ(dns::decode_response(response_to(query, 0x8380, {}), 9, dns::RecordType::a).status,
            dns::Answer::Status::truncated);
  EXPECT_EQ(dns::decode_response(response_to(query, 0x8182, {}), 9, dns::RecordType::a).status,
            dns::Answer::Status::server_failure);
  EXPECT_EQ(dns::decode_response(response_to(query, 0x8180, {}), 10, dns::RecordType::a).status,
            dns::Answer::Status::malformed)
      << "another query's answer";
  auto cut = response_to(query, 0x8180, {{1, std::string("\x0a\x00\x00\x05", 4)}});
  cut.resize(cut.size() - 2);
  EXPECT_EQ(dns::decode_response(cut, 9, dns::RecordType::a).status,
            dns::Answer::Status::malformed);
  EXPECT_EQ(dns::decode_response("", 9, dns::RecordType::a).status, dns::Answer::Status::malformed);
}

TEST(AssetPolicy, HashedBundlesAreImmutableTheRestRevalidated) {
  EXPECT_EQ(asset_policy("/assets/index-4f2a9c1b.js").cache_control,
            "public, max-age=31536000, immutable");
  EXPECT_EQ(asset_policy("/assets/index-4f2a9c1b.js").content_type,
            "text/javascript; charset=utf-8");
  EXPECT_EQ(asset_policy("/index.html").cache_control, "no-cache");
  EXPECT_EQ(asset_policy("/favicon.svg").content_type, "image/svg+xml");
  EXPECT_TRUE(is_safe_asset_path("/assets/x.js"));
  EXPECT_FALSE(is_safe_asset_path("/../etc/passwd"));
  EXPECT_FALSE(is_safe_asset_path("/assets/../../x"));
  EXPECT_FALSE(is_safe_asset_path("/.env"));
  EXPECT_FALSE(is_safe_asset_path("relative"));
}

TEST(GatewayConfig, ReadsUpstreamsAndRoutes) {
  const auto config = parse_gateway_config(R"({
    "upstreams": [
      {"name": "catalog", "static": ["127.0.0.1:8081", "127.0.0.1:8091"], "balancing": "round_robin",
       "health_check": {"interval_ms": 500}, "attempts": 3},
      {"name": "auth", "dns": {"host": "auth", "port": 8082, "server": "127.0.0.11:53"}},
      {"name": "search", "file": "/etc/gateway/search.json"}
    ],
    "routes": [{"prefix": "/api/catalog", "upstream": "catalog", "auth": "required"}],
    "rate_limits": {"per_client": {"rate": 5, "burst": 10}},
    "cors_allowed_origins": ["http://localhost:5173"]
  })");
  ASSERT_EQ(config.upstreams.size(), 3u);
  EXPECT_EQ(std::get<StaticEndpoints>(config.upstreams[0].discovery).endpoints.size(), 2u);
  EXPECT_EQ(config.upstreams[0].balancing, Balancing::round_robin);
  EXPECT_EQ(config.upstreams[0].health.interval, std::chrono::milliseconds(500));
  EXPECT_EQ(config.upstreams[0].attempts, 3);
  EXPECT_EQ(std::get<DnsName>(config.upstreams[1].discovery).port, 8082);
  EXPECT_EQ(std::get<WatchedFile>(config.upstreams[2].discovery).path, "/etc/gateway/search.json");
  EXPECT_EQ(config.routes[0].auth, EdgeAuth::required);
  EXPECT_EQ(config.per_client.rate, 5);
  EXPECT_TRUE(checks_tokens(config));
}

TEST(GatewayConfig, NeedsKeysOnlyWhenSomeRouteLooksAtTokens) {
  const auto upstream = R"("upstreams": [{"name": "a", "static": ["h:1"]}])";
  const auto with_routes = [&](const std::string& routes) {
    return parse_gateway_config(std::string("{") + upstream + R"(, "routes": )" + routes + "}");
  };
  EXPECT_FALSE(
      checks_tokens(with_routes(R"([{"prefix": "/a", "upstream": "a", "auth": "none"}])")));
  EXPECT_FALSE(checks_tokens(with_routes("[]")));
  EXPECT_TRUE(checks_tokens(with_routes(R"([{"prefix": "/a", "upstream": "a", "auth": "none"},
                                              {"prefix": "/b", "upstream": "a"}])")))
      << "a route without \"auth\" verifies tokens when present";
}

TEST(GatewayConfig, NamesWhatIsWrong) {
  const auto field_of = [](const char* json) {
    try {
      parse_gateway_config(json);
    } catch (const platform::Error& error) {
      return error.field();
    }
    return std::string("accepted");
  };
  EXPECT_EQ(field_of(R"({"upstreams": [{"name": "a", "static": ["nope"]}]})"),
            "upstreams[0].static");
  EXPECT_EQ(field_of(R"({"upstreams": [{"name": "a"}]})"), "upstreams[0].static");
  EXPECT_EQ(field_of(R"({"upstreams": [{"name": "a", "static": ["h:1"], "balancing": "random"}]})"),
            "upstreams[0].balancing");
  EXPECT_EQ(field_of(R"({"routes": [{"prefix": "/x", "upstream": "missing"}]})"), "routes");
  EXPECT_EQ(field_of(R"({"upstream": []})"), "upstream");
}

}  // namespace
}  // namespace gateway
