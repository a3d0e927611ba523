#pragma once

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "gateway.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/environment.h"
#include "platform/testing/tokens.h"

namespace gateway::testing {

// A real HTTP service standing in for an upstream instance: it says who it
// is, echoes bodies, answers slowly or with a chosen status on request.
class Backend {
 public:
  explicit Backend(std::string name, std::string address = "127.0.0.1", int port = 0);
  ~Backend();
  int port() const { return server_->port(); }
  std::string endpoint() const { return address_ + ":" + std::to_string(port()); }
  int served() const { return served_; }
  void set_ready(bool ready) { ready_ = ready; }
  // /readyz answers after `delay`.
  void set_readiness_delay(std::chrono::milliseconds delay) { readiness_delay_ = delay; }
  // The most /readyz requests it was answering at one time.
  int most_concurrent_checks() const { return most_concurrent_checks_; }
  void stop();

 private:
  std::string name_;
  std::string address_;
  std::atomic<int> served_{0};
  std::atomic<bool> ready_{true};
  std::atomic<std::chrono::milliseconds> readiness_delay_{std::chrono::milliseconds(0)};
  std::atomic<int> checks_in_progress_{0};
  std::atomic<int> most_concurrent_checks_{0};
  platform::metrics::Registry registry_;
  std::unique_ptr<platform::http::Server> server_;
};

// A TCP server that misbehaves the way broken upstreams do.
class BrokenBackend {
 public:
  enum class Behaviour { reset, garbage, silent };
  explicit BrokenBackend(Behaviour behaviour);
  ~BrokenBackend();
  std::string endpoint() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  int listener_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

// A gateway over the given config, on a free port, with a test issuer's
// verifier.
class GatewayTest : public ::testing::Test {
 protected:
  void start(GatewayConfig config);
  void TearDown() override;

  platform::http::Response get(const std::string& path, platform::http::Headers headers = {});
  platform::http::Response send(platform::http::Method method, const std::string& path,
                                std::string body = {}, platform::http::Headers headers = {});
  std::string url(const std::string& path) const;

  // An upstream named `name` over `endpoints`, quick to judge (health every
  // 100 ms, ejection after 2 failures).
  static UpstreamConfig upstream(const std::string& name, std::vector<std::string> endpoints);
  static Route route(const std::string& prefix, const std::string& upstream,
                     EdgeAuth auth = EdgeAuth::optional);

  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry registry_;
  std::unique_ptr<Gateway> gateway_;
  // Answers as the client sees them: the gateway's retries, not the client's.
  platform::http::Client client_{single_attempt()};

 private:
  static platform::http::ClientOptions single_attempt();
};

}  // namespace gateway::testing
