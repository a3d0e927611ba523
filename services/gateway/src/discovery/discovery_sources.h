#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <filesystem>

#include "discovery/discovery.h"

namespace gateway {

class StaticDiscovery final : public Discovery {
 public:
  explicit StaticDiscovery(const StaticEndpoints& source);
  void start(EndpointsListener listener) override;

 private:
  std::vector<Endpoint> endpoints_;
};

// A and AAAA records of a name (one per instance: a Kubernetes headless
// Service, a docker-compose service), asked again when their TTL runs out.
// A failed lookup keeps the last good set; "no such name" empties it.
class DnsDiscovery final : public Discovery {
 public:
  DnsDiscovery(std::string upstream, DnsName source, boost::asio::io_context& control);
  ~DnsDiscovery() override;
  void start(EndpointsListener listener) override;

  // Defined in the .cpp; shared with the coroutine that outlives no one.
  struct State;

 private:
  std::shared_ptr<State> state_;
};

// A JSON array of "host:port" in a file, read again whenever the file
// changes (a mounted ConfigMap is replaced by a symlink swap, so identity,
// size and time are all compared, once a second).
class FileDiscovery final : public Discovery {
 public:
  FileDiscovery(std::string upstream, std::filesystem::path path, boost::asio::io_context& control);
  ~FileDiscovery() override;
  void start(EndpointsListener listener) override;

  // Defined in the .cpp; shared with the coroutine that outlives no one.
  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace gateway
