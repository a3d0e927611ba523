#include <fstream>
#include <sstream>

#include "discovery/discovery_sources.h"

namespace gateway {

std::unique_ptr<Discovery> make_discovery(const std::string& upstream,
                                          const DiscoverySource& source,
                                          boost::asio::io_context& control) {
  if (const auto* fixed = std::get_if<StaticEndpoints>(&source)) {
    return std::make_unique<StaticDiscovery>(*fixed);
  }
  if (const auto* name = std::get_if<DnsName>(&source)) {
    return std::make_unique<DnsDiscovery>(upstream, *name, control);
  }
  return std::make_unique<FileDiscovery>(upstream, std::get<WatchedFile>(source).path, control);
}

std::string system_nameserver() {
  std::ifstream resolv("/etc/resolv.conf");
  std::string line;
  while (std::getline(resolv, line)) {
    std::istringstream words(line);
    std::string keyword;
    std::string address;
    if (words >> keyword >> address && keyword == "nameserver") {
      return address.find(':') != std::string::npos ? "[" + address + "]:53" : address + ":53";
    }
  }
  return "127.0.0.1:53";
}

}  // namespace gateway
