#include "platform/http/client.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "platform/error.h"
#include "platform/http/server.h"
#include "platform/testing/environment.h"
#include "platform/trace_context.h"

using namespace platform::http;
using namespace std::chrono_literals;

namespace {

class ClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.get(
        "/peer", [](Request& request) { return Response::text(200, request.remote_address); },
        public_route());
    router.post(
        "/echo", [](Request& request) { return Response::text(200, request.body); },
        public_route());
    router.get(
        "/slow",
        [](Request&) {
          std::this_thread::sleep_for(500ms);
          return Response::text(200, "late");
        },
        public_route());
    router.get(
        "/flaky",
        [this](Request&) {
          return ++flaky_calls <= 1 ? Response::text(503, "busy") : Response::text(200, "fine");
        },
        public_route());
    router.post(
        "/flaky",
        [this](Request&) {
          return ++flaky_calls <= 1 ? Response::text(503, "busy") : Response::text(201, "made");
        },
        public_route());
    router.get(
        "/trace",
        [](Request& request) {
          return Response::text(200, std::string(request.header("traceparent")));
        },
        public_route());
    ServerOptions options;
    options.access_log = false;
    server_ = std::make_unique<Server>(options, std::move(router), registry_);
    server_->start();
  }
  void TearDown() override { server_->stop(1s); }

  std::string url(const std::string& path) {
    return "http://127.0.0.1:" + std::to_string(server_->port()) + path;
  }

  platform::metrics::Registry registry_;
  std::unique_ptr<Server> server_;
  std::atomic<int> flaky_calls{0};
};

TEST_F(ClientTest, ReusesKeepAliveConnections) {
  Client client;
  const auto first = client.get(url("/peer"));
  const auto second = client.get(url("/peer"));
  ASSERT_EQ(first.status, 200);
  EXPECT_EQ(first.body, second.body) << "the same client port means the same connection";
  EXPECT_EQ(client.post_json(url("/echo"), R"({"a":1})").body, R"({"a":1})");
}

TEST_F(ClientTest, GivesUpAtTheDeadline) {
  Client client({.max_attempts = 1});
  ClientRequest request{
      Method::get, url("/slow"), {}, {}, std::chrono::steady_clock::now() + 100ms};
  try {
    client.send(request);
    FAIL() << "no timeout";
  } catch (const platform::Error& error) {
    EXPECT_EQ(error.kind(), platform::ErrorKind::unavailable);
    EXPECT_EQ(error.code(), "upstream-unavailable");
  }
}

TEST_F(ClientTest, RetriesIdempotentRequestsOnServiceUnavailable) {
  platform::metrics::Registry registry;
  Client client({.backoff_base = 1ms, .registry = &registry});
  const auto response = client.get(url("/flaky"));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(flaky_calls, 2);
  EXPECT_NE(registry.render().find("http_client_retries_total"), std::string::npos);
}

TEST_F(ClientTest, DoesNotRetryAPostWithoutIdempotencyKey) {
  Client client({.backoff_base = 1ms});
  EXPECT_EQ(client.post_json(url("/flaky"), "{}").status, 503);
  EXPECT_EQ(flaky_calls, 1);
}

TEST_F(ClientTest, RetriesAPostCarryingAnIdempotencyKey) {
  Client client({.backoff_base = 1ms});
  Headers headers;
  headers.set("Idempotency-Key", "k-1");
  EXPECT_EQ(client.post_json(url("/flaky"), "{}", headers).status, 201);
  EXPECT_EQ(flaky_calls, 2);
}

TEST_F(ClientTest, ReportsRefusedConnectionsAsUnavailable) {
  Client client({.max_attempts = 2, .backoff_base = 1ms});
  const int closed_port = platform::testing::free_port();
  EXPECT_THROW(client.get("http://127.0.0.1:" + std::to_string(closed_port) + "/"),
               platform::Error);
  EXPECT_THROW(client.get("https://127.0.0.1/"), platform::Error);
}

TEST_F(ClientTest, ContinuesTheCallersTrace) {
  Client client;
  const auto parent = platform::TraceContext::child_of(std::nullopt);
  platform::TraceScope scope(parent);
  const auto received = client.get(url("/trace")).body;
  const auto context = platform::TraceContext::from_traceparent(received);
  ASSERT_TRUE(context) << received;
  EXPECT_EQ(context->trace_id, parent.trace_id);
  EXPECT_NE(context->span_id, parent.span_id);
}

}  // namespace
