// The gateway in front of real HTTP services: routing, balancing, retries,
// ejection, health checks, broken upstreams, limits, edge checks, CORS,
// headers and the web app.
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>

#include "gateway_fixture.h"

namespace gateway::testing {
namespace {

using namespace std::chrono_literals;
using platform::http::Method;

std::string problem_type(const platform::http::Response& response) {
  boost::system::error_code error;
  const auto body = boost::json::parse(response.body, error);
  if (error || !body.is_object() || !body.as_object().contains("type")) return "not a problem";
  return std::string(body.at("type").as_string());
}

class Proxy : public GatewayTest {};

TEST_F(Proxy, RoutesByPrefixAndStripsIt) {
  Backend catalog("catalog");
  GatewayConfig config;
  config.upstreams = {upstream("catalog", {catalog.endpoint()})};
  config.routes = {route("/api/catalog", "catalog")};
  start(config);
  const auto response = get("/api/catalog/who");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.body, "catalog");
  const auto missing = get("/api/nothing/here");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(problem_type(missing), "/problems/route-not-found");
  EXPECT_EQ(missing.headers.get("Content-Type"), "application/problem+json");
}

TEST_F(Proxy, SpreadsLoadAcrossInstancesWithEitherBalancer) {
  for (const auto balancing : {Balancing::round_robin, Balancing::least_outstanding}) {
    Backend one("one");
    Backend two("two");
    GatewayConfig config;
    config.upstreams = {upstream("catalog", {one.endpoint(), two.endpoint()})};
    config.upstreams[0].balancing = balancing;
    config.routes = {route("/api/catalog", "catalog")};
    start(config);
    std::map<std::string, int> answers;
    for (int i = 0; i < 200; ++i) ++answers[get("/api/catalog/who").body];
    EXPECT_GT(answers["one"], 40) << static_cast<int>(balancing);
    EXPECT_GT(answers["two"], 40) << static_cast<int>(balancing);
    EXPECT_EQ(answers["one"] + answers["two"], 200);
    gateway_->stop(100ms);
  }
}

TEST_F(Proxy, RetriesAnIdempotentRequestOnAnotherInstanceAndEjectsTheDeadOne) {
  Backend alive("alive");
  Backend dead("dead");
  GatewayConfig config;
  config.upstreams = {upstream("catalog", {alive.endpoint(), dead.endpoint()})};
  config.upstreams[0].health.enabled = false;  // only passive detection here
  config.routes = {route("/api/catalog", "catalog")};
  start(config);
  dead.stop();
  for (int i = 0; i < 50; ++i) EXPECT_EQ(get("/api/catalog/who").body, "alive") << i;
  const auto metrics = get("/metrics").body;
  EXPECT_NE(metrics.find("gateway_upstream_ejections_total{upstream=\"catalog\",instance=\"" +
                         dead.endpoint() + "\"} 1"),
            std::string::npos)
      << metrics;
  EXPECT_NE(metrics.find("gateway_upstream_retries_total{upstream=\"catalog\"}"),
            std::string::npos);
}

TEST_F(Proxy, AnOverloadedAnswerIsRetriedOnlyWhenSafe) {
  Backend busy("busy");
  Backend fine("fine");
  GatewayConfig config;
  config.upstreams = {upstream("orders", {busy.endpoint(), fine.endpoint()})};
  config.upstreams[0].balancing = Balancing::round_robin;
  config.upstreams[0].outlier.consecutive_failures = 1000;
  config.routes = {route("/api/orders", "orders")};
  start(config);
  // /status/503 answers 503 on both: a GET tries both and reports the last.
  const auto response = get("/api/orders/status/503");
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(busy.served() + fine.served(), 2) << "tried on the other instance too";

  const auto posted = send(Method::post, "/api/orders/echo", "order", [] {
    platform::http::Headers headers;
    headers.set("Content-Type", "text/plain");
    return headers;
  }());
  EXPECT_EQ(posted.status, 200);
  EXPECT_EQ(posted.body, "order");
}

TEST_F(Proxy, BrokenUpstreamsGiveProblemsNotCrashes) {
  BrokenBackend resets(BrokenBackend::Behaviour::reset);
  BrokenBackend garbage(BrokenBackend::Behaviour::garbage);
  BrokenBackend silent(BrokenBackend::Behaviour::silent);
  GatewayConfig config;
  for (const auto& [name, endpoint] :
       std::vector<std::pair<std::string, std::string>>{{"resets", resets.endpoint()},
                                                        {"garbage", garbage.endpoint()},
                                                        {"silent", silent.endpoint()}}) {
    auto broken = upstream(name, {endpoint});
    broken.health.enabled = false;
    broken.attempts = 1;
    config.upstreams.push_back(broken);
    config.routes.push_back(route("/" + name, name));
  }
  start(config);
  const auto reset = get("/resets/x");
  EXPECT_EQ(reset.status, 502);
  EXPECT_EQ(problem_type(reset), "/problems/bad-gateway");
  const auto junk = get("/garbage/x");
  EXPECT_EQ(junk.status, 502);
  EXPECT_EQ(problem_type(junk), "/problems/bad-gateway");
  const auto late = get("/silent/x");
  EXPECT_EQ(late.status, 504);
  EXPECT_EQ(problem_type(late), "/problems/upstream-timeout");
  EXPECT_EQ(get("/healthz").status, 200) << "the gateway is still there";
}

TEST_F(Proxy, NoInstancesIs503) {
  GatewayConfig config;
  config.upstreams = {upstream("empty", {})};
  config.routes = {route("/empty", "empty")};
  start(config);
  const auto response = get("/empty/x");
  EXPECT_EQ(response.status, 503);
  EXPECT_EQ(problem_type(response), "/problems/upstream-unavailable");
}

TEST_F(Proxy, TheBreakerOpensOnAFailingUpstreamAndAnswersAtOnce) {
  Backend flaky("flaky");
  GatewayConfig config;
  config.upstreams = {upstream("flaky", {flaky.endpoint()})};
  config.upstreams[0].outlier.consecutive_failures = 1000;
  config.upstreams[0].breaker.minimum_requests = 5;
  config.upstreams[0].attempts = 1;
  config.routes = {route("/flaky", "flaky")};
  start(config);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get("/flaky/status/503").status, 503);
  const int served = flaky.served();
  const auto refused = get("/flaky/who");
  EXPECT_EQ(refused.status, 503);
  EXPECT_NE(refused.body.find("circuit breaker"), std::string::npos) << refused.body;
  EXPECT_EQ(flaky.served(), served) << "an open breaker spares the upstream";
}

TEST_F(Proxy, StreamsLargeBodiesBothWaysAndEnforcesTheLimit) {
  Backend echo("echo");
  GatewayConfig config;
  config.upstreams = {upstream("echo", {echo.endpoint()})};
  // The fixture's 1 s suits timeout tests; an echo of 5 MiB on a machine
  // busy with other tests took longer once (a 504 in CI).
  config.upstreams[0].response_timeout = 20s;
  config.routes = {route("/echo", "echo")};
  config.routes[0].max_body_bytes = 8 << 20;
  start(config);
  const std::string large(5 << 20, 'b');
  platform::http::Headers headers;
  headers.set("Content-Type", "application/octet-stream");
  const auto echoed = send(Method::post, "/echo/echo", large, headers);
  EXPECT_EQ(echoed.status, 200);
  EXPECT_EQ(echoed.body.size(), large.size());
  EXPECT_EQ(get("/echo/big").body.size(), 3u << 20);

  const auto refused = send(Method::post, "/echo/echo", std::string(9 << 20, 'c'), headers);
  EXPECT_EQ(refused.status, 413);
  EXPECT_EQ(problem_type(refused), "/problems/body-too-large");
}

TEST_F(Proxy, LimitsTheRatePerClientWithRetryAfter) {
  Backend backend("b");
  GatewayConfig config;
  config.upstreams = {upstream("b", {backend.endpoint()})};
  config.routes = {route("/b", "b")};
  config.per_client = {1, 5};
  start(config);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(get("/b/who").status, 200);
  const auto limited = get("/b/who");
  EXPECT_EQ(limited.status, 429);
  EXPECT_EQ(problem_type(limited), "/problems/rate-limited");
  EXPECT_EQ(limited.headers.get("Retry-After"), "1");
}

TEST_F(Proxy, ChecksTokensAtTheEdgeAndLimitsEachUser) {
  Backend backend("b");
  GatewayConfig config;
  config.upstreams = {upstream("b", {backend.endpoint()})};
  config.routes = {route("/private", "b", EdgeAuth::required),
                   route("/open", "b", EdgeAuth::optional)};
  config.per_user = {1, 3};
  start(config);
  const auto anonymous = get("/private/who");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(problem_type(anonymous), "/problems/unauthenticated");
  EXPECT_FALSE(anonymous.headers.get("WWW-Authenticate").empty());
  EXPECT_EQ(get("/open/who").status, 200) << "optional: anonymous passes";
  EXPECT_EQ(get("/open/who", platform::testing::TestIssuer::bearer("forged.token.here")).status,
            401)
      << "optional: an invalid token does not";

  const auto token = platform::testing::TestIssuer::bearer(issuer_.user_token("user-1"));
  for (int i = 0; i < 3; ++i) EXPECT_EQ(get("/private/who", token).status, 200);
  const auto limited = get("/private/who", token);
  EXPECT_EQ(limited.status, 429);
  EXPECT_NE(limited.body.find("this user"), std::string::npos);
  EXPECT_EQ(get("/private/who", platform::testing::TestIssuer::bearer(issuer_.user_token("user-2")))
                .status,
            200)
      << "another user has their own allowance";
}

TEST_F(Proxy, AnswersPreflightsForAllowedOriginsOnly) {
  Backend backend("b");
  GatewayConfig config;
  config.upstreams = {upstream("b", {backend.endpoint()})};
  config.routes = {route("/b", "b")};
  config.cors_allowed_origins = {"http://localhost:5173"};
  start(config);
  platform::http::Headers preflight;
  preflight.set("Origin", "http://localhost:5173");
  preflight.set("Access-Control-Request-Method", "POST");
  const auto allowed = send(Method::options, "/b/echo", "", preflight);
  EXPECT_EQ(allowed.status, 204);
  EXPECT_EQ(allowed.headers.get("Access-Control-Allow-Origin"), "http://localhost:5173");
  EXPECT_FALSE(allowed.headers.get("Access-Control-Allow-Methods").empty());
  EXPECT_EQ(backend.served(), 0) << "preflights stay at the edge";
  preflight.set("Origin", "https://evil.example");
  EXPECT_TRUE(send(Method::options, "/b/echo", "", preflight)
                  .headers.get("Access-Control-Allow-Origin")
                  .empty());
}

TEST_F(Proxy, PassesRequestIdsForwardsTheClientAndContinuesTheTrace) {
  Backend echo("echo");
  GatewayConfig config;
  config.upstreams = {upstream("echo", {echo.endpoint()})};
  config.routes = {route("/e", "echo")};
  start(config);
  platform::http::Headers headers;
  headers.set("Content-Type", "text/plain");
  headers.set("X-Request-Id", "req-42");
  headers.set("X-Forwarded-For", "6.6.6.6");  // a client's claim: not believed
  headers.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
  const auto response = send(Method::post, "/e/echo", "hi", headers);
  EXPECT_EQ(response.headers.get("X-Request-Id"), "req-42");
  EXPECT_EQ(response.headers.get("X-Forwarded-For-Seen"), "127.0.0.1");
  const std::string traceparent(response.headers.get("Traceparent-Seen"));
  EXPECT_NE(traceparent.find("4bf92f3577b34da6a3ce929d0e0e4736"), std::string::npos) << traceparent;
  EXPECT_EQ(traceparent.find("00f067aa0ba902b7"), std::string::npos) << "a span of its own";
  EXPECT_EQ(response.headers.get("X-Content-Type-Options"), "nosniff");
  EXPECT_FALSE(get("/e/who").headers.get("X-Request-Id").empty());
}

TEST_F(Proxy, ActiveHealthChecksTakeAnUnreadyInstanceOutAndBack) {
  Backend steady("steady");
  Backend wobbly("wobbly");
  GatewayConfig config;
  config.upstreams = {upstream("b", {steady.endpoint(), wobbly.endpoint()})};
  config.upstreams[0].health.unhealthy_after = 1;
  config.routes = {route("/b", "b")};
  start(config);
  wobbly.set_ready(false);
  std::this_thread::sleep_for(400ms);
  const int before = wobbly.served();
  for (int i = 0; i < 40; ++i) EXPECT_EQ(get("/b/who").body, "steady");
  EXPECT_EQ(wobbly.served(), before);
  wobbly.set_ready(true);
  std::this_thread::sleep_for(400ms);
  for (int i = 0; i < 40; ++i) get("/b/who");
  EXPECT_GT(wobbly.served(), before) << "traffic returns once it is ready";
}

TEST_F(Proxy, HealthChecksDoNotPileUpOnASlowInstance) {
  Backend slow("slow");
  slow.set_readiness_delay(150ms);
  GatewayConfig config;
  config.upstreams = {upstream("b", {slow.endpoint()})};
  config.upstreams[0].health.interval = 5ms;
  config.upstreams[0].health.timeout = 1000ms;
  config.routes = {route("/b", "b")};
  start(config);
  std::this_thread::sleep_for(600ms);
  EXPECT_EQ(slow.most_concurrent_checks(), 1) << "one check at a time per instance";
  EXPECT_EQ(get("/b/who").body, "slow") << "a slow but passing instance keeps its traffic";
}

TEST_F(Proxy, StopsCleanlyWhileHealthChecksAndDiscoveryAreBusy) {
  // Checks every millisecond keep the control thread busy while stop() runs;
  // the thread sanitizer build catches any state shared without order.
  Backend backend("busy");
  platform::testing::TemporaryDirectory directory;
  const auto file = directory.path() / "watched.json";
  std::ofstream(file) << "[\"" << backend.endpoint() << "\"]";
  for (int round = 0; round < 5; ++round) {
    GatewayConfig config;
    auto watched = upstream("watched", {});
    watched.discovery = WatchedFile{file.string()};
    config.upstreams = {upstream("b", {backend.endpoint()}), watched};
    for (auto& busy : config.upstreams) {
      busy.health.interval = 1ms;
      // Checks that pile up on a slow (sanitized) run must not take the
      // instance out: this test is about stopping, not health.
      busy.health.unhealthy_after = 1000000;
    }
    config.routes = {route("/b", "b"), route("/watched", "watched")};
    start(config);
    EXPECT_EQ(get("/b/who").body, "busy");
    EXPECT_EQ(get("/watched/who").body, "busy");
    const int port = gateway_->port();
    gateway_->stop(0ms);
    gateway_.reset();
    EXPECT_THROW(client_.get("http://127.0.0.1:" + std::to_string(port) + "/b/who"), std::exception)
        << "nothing listens after stop";
  }
}

TEST_F(Proxy, RefusesMalformedAndOversizedRequests) {
  GatewayConfig config;
  start(config);
  platform::http::Headers huge;
  huge.set("X-Filler", std::string(20 << 10, 'h'));
  EXPECT_EQ(get("/anything", huge).status, 431);
  EXPECT_EQ(get("/healthz").status, 200);
}

class WebApp : public GatewayTest {
 protected:
  void SetUp() override {
    std::filesystem::create_directories(root_.path() / "assets");
    std::ofstream(root_.path() / "index.html") << "<!doctype html><title>shop</title>";
    std::ofstream(root_.path() / "assets" / "index-4f2a9c1b.js") << "console.log('shop')";
    GatewayConfig config;
    config.web_root = root_.path().string();
    start(config);
  }
  platform::testing::TemporaryDirectory root_;
};

TEST_F(WebApp, ServesHashedAssetsForeverAndTheIndexRevalidated) {
  const auto script = get("/assets/index-4f2a9c1b.js");
  EXPECT_EQ(script.status, 200);
  EXPECT_EQ(script.headers.get("Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(script.headers.get("Content-Type"), "text/javascript; charset=utf-8");
  const auto index = get("/");
  EXPECT_EQ(index.headers.get("Cache-Control"), "no-cache");
  EXPECT_NE(index.body.find("<title>shop"), std::string::npos);
  platform::http::Headers conditional;
  conditional.set("If-None-Match", std::string(index.headers.get("ETag")));
  EXPECT_EQ(get("/index.html", conditional).status, 304);
}

TEST_F(WebApp, FallsBackToTheAppButNotForMissingBundles) {
  EXPECT_NE(get("/products/red-lamp").body.find("<title>shop"), std::string::npos);
  EXPECT_EQ(get("/assets/gone-12345678.js").status, 404);
  EXPECT_EQ(get("/../../etc/passwd").status / 100, 2) << "answered with the app, never the file";
  EXPECT_EQ(get("/../../etc/passwd").body.find("root:"), std::string::npos);
}

}  // namespace
}  // namespace gateway::testing
