#include "platform/http/server.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "platform/error.h"
#include "platform/http/health.h"

using namespace platform::http;
using namespace std::chrono_literals;

namespace {

// A raw socket client: the server must cope with whatever bytes arrive, so the
// tests speak HTTP by hand.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<unsigned short>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
      throw std::runtime_error("connect failed");
    }
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  }
  ~RawConnection() { ::close(fd_); }

  void send(std::string_view bytes) {
    while (!bytes.empty()) {
      const auto sent = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return;  // the server may close early; the reply tells why
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
  }

  // Reads one response: headers, then Content-Length bytes of body (none
  // for a HEAD request).
  std::string read_response(bool head = false) {
    std::string data;
    char buffer[4096];
    std::size_t header_end;
    while ((header_end = data.find("\r\n\r\n")) == std::string::npos) {
      const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) return data;
      data.append(buffer, static_cast<std::size_t>(got));
    }
    std::size_t length = 0;
    if (auto at = data.find("Content-Length: ");
        !head && at != std::string::npos && at < header_end) {
      length = std::stoul(data.substr(at + 16));
    }
    while (data.size() < header_end + 4 + length) {
      const auto got = ::recv(fd_, buffer, sizeof buffer, 0);
      if (got <= 0) break;
      data.append(buffer, static_cast<std::size_t>(got));
    }
    return data;
  }

  bool closed_by_peer() {
    char byte;
    return ::recv(fd_, &byte, 1, 0) == 0;
  }

 private:
  int fd_;
};

std::string status_line(const std::string& response) {
  return response.substr(0, response.find("\r\n"));
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    router.get(
        "/v1/echo/{word}",
        [](Request& request) {
          auto shout = request.query_parameter("shout");
          return Response::text(200, request.path_parameter("word") + (shout ? "!" : ""));
        },
        public_route());
    router.post(
        "/v1/bodies",
        [](Request& request) { return Response::text(200, std::to_string(request.body.size())); },
        public_route());
    router.add(
        Method::post, "/v1/bulk",
        [](Request& request) { return Response::text(200, std::to_string(request.body.size())); },
        with_body_limit(public_route(), 4096));
    router.add(
        Method::post, "/v1/small",
        [](Request& request) { return Response::text(200, std::to_string(request.body.size())); },
        with_body_limit(public_route(), 100));
    router.get(
        "/v1/fail",
        [](Request&) -> Response {
          throw platform::Error(platform::ErrorKind::conflict, "out-of-stock", "no more lamps",
                                "quantity");
        },
        public_route());
    router.get(
        "/v1/crash", [](Request&) -> Response { throw std::runtime_error("secret detail"); },
        public_route());
    router.get(
        "/v1/slow",
        [this](Request&) {
          ++slow_started;
          std::this_thread::sleep_for(300ms);
          return Response::text(200, "done");
        },
        public_route());
    router.get(
        "/v1/trace",
        [](Request& request) {
          return Response::text(200, std::string(request.header("traceparent")));
        },
        public_route());
    router.get(
        "/v1/cached/{key}", [](Request&) { return Response::text(200, "from handler"); },
        with_fast_path([](Request& request) -> std::optional<Response> {
          if (request.path_parameter("key") != "hit") return std::nullopt;
          return Response::text(200, "from memory");
        }));
    add_operational_routes(router, registry, {{"always", [] { return true; }}});
    ServerOptions options;
    options.service = "test";
    options.max_body_bytes = 1024;
    options.access_log = false;
    options.cors_allowed_origins = {"http://shop.test"};
    server = std::make_unique<Server>(options, std::move(router), registry);
    server->start();
  }

  void TearDown() override { server->stop(1s); }

  std::string request(std::string_view raw) {
    RawConnection connection(server->port());
    connection.send(raw);
    return connection.read_response(raw.starts_with("HEAD "));
  }

  platform::metrics::Registry registry;
  std::unique_ptr<Server> server;
  std::atomic<int> slow_started{0};
};

}  // namespace

TEST_F(ServerTest, ServesRoutesWithParametersAndQuery) {
  auto response = request("GET /v1/echo/hi?shout=1 HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_line(response), "HTTP/1.1 200 OK");
  EXPECT_NE(response.find("\r\n\r\nhi!"), std::string::npos) << response;
  EXPECT_NE(response.find("X-Request-Id: "), std::string::npos);
}

TEST_F(ServerTest, KeepsConnectionsAlive) {
  RawConnection connection(server->port());
  for (int i = 0; i < 3; ++i) {
    connection.send("GET /v1/echo/again HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_EQ(status_line(connection.read_response()), "HTTP/1.1 200 OK");
  }
}

TEST_F(ServerTest, AnswersUnknownRoutesAndMethodsWithProblems) {
  auto missing = request("GET /v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_line(missing), "HTTP/1.1 404 Not Found");
  EXPECT_NE(missing.find("application/problem+json"), std::string::npos);
  EXPECT_NE(missing.find("\"type\":\"/problems/route-not-found\""), std::string::npos);

  auto wrong_method = request("DELETE /v1/echo/x HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_line(wrong_method), "HTTP/1.1 405 Method Not Allowed");
  EXPECT_NE(wrong_method.find("Allow: GET, HEAD"), std::string::npos) << wrong_method;
}

TEST_F(ServerTest, MapsErrorsToProblemsAndHidesInternalDetail) {
  auto conflict = request("GET /v1/fail HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_line(conflict), "HTTP/1.1 409 Conflict");
  EXPECT_NE(conflict.find("\"type\":\"/problems/out-of-stock\""), std::string::npos);
  EXPECT_NE(conflict.find("\"field\":\"quantity\""), std::string::npos);

  auto crash = request("GET /v1/crash HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(status_line(crash), "HTTP/1.1 500 Internal Server Error");
  EXPECT_EQ(crash.find("secret detail"), std::string::npos);
}

TEST_F(ServerTest, RejectsOversizedBodiesBeforeReadingThem) {
  auto response =
      request("POST /v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n");
  EXPECT_EQ(status_line(response).substr(0, 12), "HTTP/1.1 413");
  EXPECT_NE(response.find("body-too-large"), std::string::npos);

  auto within = request("POST /v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello");
  EXPECT_NE(within.find("\r\n\r\n5"), std::string::npos);
}

TEST_F(ServerTest, HonoursARoutesOwnBodyLimit) {
  const std::string body(2000, 'x');
  auto bulk = request("POST /v1/bulk HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + body);
  EXPECT_NE(bulk.find("\r\n\r\n2000"), std::string::npos) << bulk;
  auto plain =
      request("POST /v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Length: 2000\r\n\r\n" + body);
  EXPECT_EQ(status_line(plain).substr(0, 12), "HTTP/1.1 413") << plain;
  auto chunked =
      request("POST /v1/bodies HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n7d0\r\n" +
              body + "\r\n0\r\n\r\n");
  EXPECT_EQ(status_line(chunked).substr(0, 12), "HTTP/1.1 413") << chunked;
  auto too_big = request("POST /v1/bulk HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n");
  EXPECT_NE(too_big.find("exceeds 4096 bytes"), std::string::npos) << too_big;
}

// A route's limit below the server's was once ignored: the server skipped
// the route lookup whenever no route allowed more than it did.
TEST_F(ServerTest, HonoursARouteLimitBelowTheServers) {
  const std::string body(500, 'x');
  const auto small =
      request("POST /v1/small HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n" + body);
  EXPECT_EQ(status_line(small).substr(0, 12), "HTTP/1.1 413") << small;
  EXPECT_NE(small.find("exceeds 100 bytes"), std::string::npos) << small;
  const auto within = request("POST /v1/small HTTP/1.1\r\nHost: x\r\nContent-Length: 50\r\n\r\n" +
                              body.substr(0, 50));
  EXPECT_NE(within.find("\r\n\r\n50"), std::string::npos) << within;
}

TEST_F(ServerTest, AnswersExpectContinue) {
  RawConnection connection(server->port());
  connection.send(
      "POST /v1/bodies HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nExpect: 100-continue\r\n\r\n");
  EXPECT_EQ(status_line(connection.read_response()), "HTTP/1.1 100 Continue");
  connection.send("abc");
  EXPECT_NE(connection.read_response().find("\r\n\r\n3"), std::string::npos);
}

TEST_F(ServerTest, RejectsMalformedRequests) {
  for (const char* raw : {"GARBAGE\r\n\r\n", "GET /v1/echo/x HTTP/9.9\r\n\r\n",
                          "GET /v1/echo/x HTTP/1.1\r\nBad Header\r\n\r\n",
                          "POST /v1/bodies HTTP/1.1\r\nContent-Length: nope\r\n\r\n"}) {
    auto response = request(raw);
    EXPECT_EQ(response.substr(0, 12), "HTTP/1.1 400") << raw << " -> " << response;
  }
  auto huge_header =
      request("GET /v1/echo/x HTTP/1.1\r\nX-Big: " + std::string(40000, 'a') + "\r\n\r\n");
  EXPECT_EQ(status_line(huge_header), "HTTP/1.1 431 Request Header Fields Too Large");
}

TEST_F(ServerTest, ContinuesTraceparentAndKeepsSaneRequestIds) {
  auto response = request(
      "GET /v1/trace HTTP/1.1\r\nHost: x\r\n"
      "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
      "X-Request-Id: abc-123\r\n\r\n");
  EXPECT_NE(response.find("X-Request-Id: abc-123"), std::string::npos);
  auto injected = request("GET /v1/trace HTTP/1.1\r\nHost: x\r\nX-Request-Id: a\"b\r\n\r\n");
  EXPECT_EQ(injected.find("X-Request-Id: a\"b"), std::string::npos);
}

TEST_F(ServerTest, HandlesCorsForAllowedOriginsOnly) {
  auto preflight = request(
      "OPTIONS /v1/echo/x HTTP/1.1\r\nHost: x\r\nOrigin: http://shop.test\r\n"
      "Access-Control-Request-Method: GET\r\n\r\n");
  EXPECT_EQ(status_line(preflight), "HTTP/1.1 204 No Content");
  EXPECT_NE(preflight.find("Access-Control-Allow-Origin: http://shop.test"), std::string::npos);
  auto other = request("GET /v1/echo/x HTTP/1.1\r\nHost: x\r\nOrigin: http://evil.test\r\n\r\n");
  EXPECT_EQ(other.find("Access-Control-Allow-Origin"), std::string::npos);
}

TEST_F(ServerTest, ServesHealthReadinessAndMetrics) {
  EXPECT_EQ(status_line(request("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")), "HTTP/1.1 200 OK");
  EXPECT_NE(request("GET /readyz HTTP/1.1\r\nHost: x\r\n\r\n").find("\"always\":\"ok\""),
            std::string::npos);
  request("GET /v1/echo/counted HTTP/1.1\r\nHost: x\r\n\r\n");
  auto metrics = request("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(metrics.find(
                "http_requests_total{method=\"GET\",route=\"/v1/echo/{word}\",status=\"200\"} 1"),
            std::string::npos)
      << metrics;
}

TEST_F(ServerTest, FastPathAnswersHitsAndFallsThroughOnMisses) {
  auto hit = request("GET /v1/cached/hit HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(hit.find("\r\n\r\nfrom memory"), std::string::npos) << hit;
  EXPECT_NE(hit.find("X-Request-Id: "), std::string::npos);
  auto miss = request("GET /v1/cached/miss HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(miss.find("\r\n\r\nfrom handler"), std::string::npos) << miss;
}

TEST_F(ServerTest, HeadReturnsHeadersOnly) {
  auto response = request("HEAD /v1/echo/abc HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_NE(response.find("Content-Length: 3"), std::string::npos) << response;
  EXPECT_EQ(response.find("\r\n\r\nabc"), std::string::npos);
}

TEST_F(ServerTest, DrainsRequestsInFlightOnStop) {
  std::string response;
  std::thread client([&] { response = request("GET /v1/slow HTTP/1.1\r\nHost: x\r\n\r\n"); });
  while (slow_started == 0) std::this_thread::sleep_for(5ms);
  server->stop(5s);
  client.join();
  EXPECT_EQ(status_line(response), "HTTP/1.1 200 OK");
  EXPECT_NE(response.find("Connection: close"), std::string::npos) << response;
}
