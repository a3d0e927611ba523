#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "platform/http/server.h"
#include "platform/testing/databases.h"

namespace platform::testing {

// A service under test with its own database (when it has one) and port,
// for tests that run several services side by side over real HTTP.
template <class Service>
struct HostedService {
  std::unique_ptr<FreshDatabase> database;
  std::unique_ptr<Service> service;
  std::unique_ptr<http::Server> server;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(server->port()); }

  // Serves the service's routes on a free port.
  void serve(const std::string& name, metrics::Registry& registry) {
    http::ServerOptions options;
    options.service = name;
    options.access_log = false;
    server = std::make_unique<http::Server>(options, service->routes(), registry);
    server->start();
  }

  // Stops serving and drops the service, keeping the database (a restart).
  void stop_service() {
    if (server) server->stop(std::chrono::seconds(2));
    server.reset();
    service.reset();
  }

  // Server, then service, then database: each needs the next.
  void stop() {
    stop_service();
    database.reset();
  }
};

}  // namespace platform::testing
