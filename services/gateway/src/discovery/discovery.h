#pragma once

#include <compare>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "config/gateway_config.h"

namespace boost::asio {
class io_context;
}

namespace gateway {

// One instance of an upstream: where to connect.
struct Endpoint {
  std::string host;  // an IP address, or a name resolved at connect time
  std::uint16_t port = 0;

  std::string key() const;  // "host:port", "[v6]:port"
  friend auto operator<=>(const Endpoint&, const Endpoint&) = default;
};

// Called with the whole current set (sorted) each time it changes.
using EndpointsListener = std::function<void(std::vector<Endpoint>)>;

// Finds an upstream's instances and keeps finding them: a fixed list, DNS
// records re-resolved on their TTL, or a file watched for changes. Runs on
// the gateway's control thread; the listener is called there.
class Discovery {
 public:
  virtual ~Discovery() = default;
  virtual void start(EndpointsListener listener) = 0;
};

std::unique_ptr<Discovery> make_discovery(const std::string& upstream,
                                          const DiscoverySource& source,
                                          boost::asio::io_context& control);

// The first nameserver of /etc/resolv.conf as "ip:53" (what containers and
// Kubernetes pods are given), or 127.0.0.1:53.
std::string system_nameserver();

}  // namespace gateway
