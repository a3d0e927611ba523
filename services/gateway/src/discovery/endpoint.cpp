#include "discovery/discovery.h"

namespace gateway {

std::string Endpoint::key() const {
  const bool v6 = host.find(':') != std::string::npos;
  return (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port);
}

}  // namespace gateway
