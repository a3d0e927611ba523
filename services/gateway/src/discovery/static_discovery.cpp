#include <algorithm>

#include "discovery/discovery_sources.h"

namespace gateway {

StaticDiscovery::StaticDiscovery(const StaticEndpoints& source) {
  for (const auto& text : source.endpoints) {
    if (auto parsed = split_host_port(text)) endpoints_.push_back({parsed->first, parsed->second});
  }
  std::sort(endpoints_.begin(), endpoints_.end());
}

void StaticDiscovery::start(EndpointsListener listener) { listener(endpoints_); }

}  // namespace gateway
