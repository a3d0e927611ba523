#include "gateway_fixture.h"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>

namespace gateway::testing {

using namespace std::chrono_literals;
using platform::http::Request;
using platform::http::Response;

Backend::Backend(std::string name, std::string address, int port)
    : name_(std::move(name)), address_(std::move(address)) {
  platform::http::Router router;
  router.get(
      "/who",
      [this](Request&) {
        ++served_;
        return Response::text(200, name_);
      },
      platform::http::public_route());
  router.post(
      "/echo",
      [this](Request& request) {
        ++served_;
        auto response = Response::text(200, request.body);
        response.headers.set("X-Forwarded-For-Seen", request.header("X-Forwarded-For"));
        response.headers.set("Traceparent-Seen", request.header("traceparent"));
        return response;
      },
      platform::http::with_body_limit(platform::http::public_route(), 64 << 20));
  router.get(
      "/slow",
      [this](Request&) {
        ++served_;
        std::this_thread::sleep_for(2s);
        return Response::text(200, "late");
      },
      platform::http::public_route());
  router.get(
      "/status/{code}",
      [this](Request& request) {
        ++served_;
        return Response::text(std::stoi(request.path_parameter("code")), name_);
      },
      platform::http::public_route());
  router.get(
      "/big",
      [this](Request&) {
        ++served_;
        return Response::text(200, std::string(3 << 20, 'x'));
      },
      platform::http::public_route());
  router.get(
      "/readyz",
      [this](Request&) {
        const int now_checking = ++checks_in_progress_;
        int most = most_concurrent_checks_;
        while (now_checking > most &&
               !most_concurrent_checks_.compare_exchange_weak(most, now_checking)) {
        }
        std::this_thread::sleep_for(readiness_delay_.load());
        --checks_in_progress_;
        return Response::text(ready_ ? 200 : 503, ready_ ? "ok" : "not ready");
      },
      platform::http::public_route());
  platform::http::ServerOptions options;
  options.service = name_;
  options.address = address_;
  options.port = port;
  options.access_log = false;
  options.max_body_bytes = 64 << 20;
  server_ = std::make_unique<platform::http::Server>(options, std::move(router), registry_);
  server_->start();
}

Backend::~Backend() { stop(); }

void Backend::stop() {
  if (server_) server_->stop(std::chrono::milliseconds(100));
}

BrokenBackend::BrokenBackend(Behaviour behaviour) {
  listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address);
  ::listen(listener_, 64);
  socklen_t length = sizeof address;
  ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length);
  port_ = ntohs(address.sin_port);
  thread_ = std::thread([this, behaviour] {
    while (!stopping_) {
      const int client = ::accept(listener_, nullptr, nullptr);
      if (client < 0) continue;
      char request[4096];
      (void)::recv(client, request, sizeof request, 0);
      if (behaviour == Behaviour::garbage) {
        const char* junk = "HTTQ/9.9 banana\r\n\r\n";
        (void)::send(client, junk, std::strlen(junk), MSG_NOSIGNAL);
      } else if (behaviour == Behaviour::reset) {
        linger hard{1, 0};  // close with RST
        ::setsockopt(client, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
      } else {
        std::this_thread::sleep_for(3s);  // accept, then say nothing
      }
      ::close(client);
    }
  });
}

BrokenBackend::~BrokenBackend() {
  stopping_ = true;
  ::shutdown(listener_, SHUT_RDWR);
  ::close(listener_);
  thread_.join();
}

void GatewayTest::start(GatewayConfig config) {
  ListenOptions listen;
  listen.port = 0;
  config.access_log = false;
  gateway_ = std::make_unique<Gateway>(std::move(config), listen, registry_, issuer_.verifier());
  gateway_->start();
  std::this_thread::sleep_for(50ms);  // discovery reports the static instances
}

void GatewayTest::TearDown() {
  if (gateway_) gateway_->stop(std::chrono::milliseconds(500));
}

std::string GatewayTest::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(gateway_->port()) + path;
}

Response GatewayTest::get(const std::string& path, platform::http::Headers headers) {
  return client_.get(url(path), std::move(headers));
}

Response GatewayTest::send(platform::http::Method method, const std::string& path, std::string body,
                           platform::http::Headers headers) {
  platform::http::ClientRequest request;
  request.method = method;
  request.url = url(path);
  request.headers = std::move(headers);
  request.body = std::move(body);
  return client_.send(std::move(request));
}

UpstreamConfig GatewayTest::upstream(const std::string& name, std::vector<std::string> endpoints) {
  UpstreamConfig config;
  config.name = name;
  config.discovery = StaticEndpoints{std::move(endpoints)};
  config.health.interval = 100ms;
  config.health.timeout = 200ms;
  config.outlier.consecutive_failures = 2;
  config.outlier.ejection_nanos = 2'000'000'000;
  config.response_timeout = 1s;
  config.connect_timeout = 200ms;
  return config;
}

Route GatewayTest::route(const std::string& prefix, const std::string& upstream_name,
                         EdgeAuth auth) {
  Route route;
  route.prefix = prefix;
  route.upstream = upstream_name;
  route.auth = auth;
  route.max_body_bytes = 1 << 20;
  return route;
}

platform::http::ClientOptions GatewayTest::single_attempt() {
  platform::http::ClientOptions options;
  options.max_attempts = 1;
  options.timeout = std::chrono::seconds(10);
  return options;
}

}  // namespace gateway::testing
