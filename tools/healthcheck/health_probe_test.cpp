#include "health_probe.h"

#include <gtest/gtest.h>

#include "platform/http/router.h"
#include "platform/http/server.h"
#include "platform/metrics.h"
#include "platform/testing/environment.h"

namespace shop::tools {
namespace {

using namespace std::chrono_literals;

TEST(HealthProbe, ReadsItsUrl) {
  const auto target = parse_probe_url("http://127.0.0.1:8081/healthz");
  ASSERT_TRUE(target);
  EXPECT_EQ(target->host, "127.0.0.1");
  EXPECT_EQ(target->port, 8081);
  EXPECT_EQ(target->path, "/healthz");
  EXPECT_EQ(parse_probe_url("http://127.0.0.1:8081")->path, "/");
  for (const auto* bad : {"https://127.0.0.1:1/x", "http://127.0.0.1/x", "http://localhost:80/x",
                          "http://127.0.0.1:0/x", "http://127.0.0.1:70000/x", "http://:80/x",
                          "http://127.0.0.1:8a/x"}) {
    EXPECT_FALSE(parse_probe_url(bad)) << bad;
  }
}

TEST(HealthProbe, ReadsTheStatusLine) {
  EXPECT_EQ(status_of("HTTP/1.1 200 OK"), 200);
  EXPECT_EQ(status_of("HTTP/1.0 503 Service Unavailable"), 503);
  EXPECT_FALSE(status_of("SSH-2.0-OpenSSH"));
  EXPECT_FALSE(status_of("HTTP/1.1 2x0 OK"));
  EXPECT_FALSE(status_of(""));
}

TEST(HealthProbe, PassesA2xxAndFailsAnythingElse) {
  platform::metrics::Registry registry;
  platform::http::Router router;
  router.get(
      "/healthz",
      [](platform::http::Request&) { return platform::http::Response::text(200, "ok"); },
      platform::http::public_route());
  router.get(
      "/readyz",
      [](platform::http::Request&) { return platform::http::Response::text(503, "not yet"); },
      platform::http::public_route());
  platform::http::ServerOptions options;
  options.service = "probe-test";
  options.address = "127.0.0.1";
  options.port = 0;
  options.access_log = false;
  platform::http::Server server(options, std::move(router), registry);
  server.start();
  ProbeTarget target{"127.0.0.1", static_cast<std::uint16_t>(server.port()), "/healthz"};
  EXPECT_EQ(probe(target, 2s), "");
  target.path = "/readyz";
  EXPECT_EQ(probe(target, 2s), "answered 503");
  server.stop();

  ProbeTarget nobody{"127.0.0.1", static_cast<std::uint16_t>(platform::testing::free_port()),
                     "/healthz"};
  EXPECT_NE(probe(nobody, 2s).find("connect to 127.0.0.1"), std::string::npos);
}

}  // namespace
}  // namespace shop::tools
