#include "platform/http/client_address.h"

#include <algorithm>

namespace platform::http {
namespace {

// "ip:port" or "[v6]:port" -> ip.
std::string_view peer_ip(std::string_view remote_address) {
  if (remote_address.starts_with("[")) {
    return remote_address.substr(1, remote_address.find(']') - 1);
  }
  return remote_address.substr(0, remote_address.rfind(':'));
}

std::string trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) return {};
  return std::string(text.substr(first, text.find_last_not_of(' ') - first + 1));
}

}  // namespace

std::string client_address(const Request& request,
                           const std::vector<std::string>& trusted_proxies) {
  return client_address(request.remote_address, request.header("X-Forwarded-For"), trusted_proxies);
}

std::string client_address(std::string_view peer_address, std::string_view forwarded,
                           const std::vector<std::string>& trusted_proxies) {
  const std::string peer(peer_ip(peer_address));
  if (forwarded.empty() ||
      std::find(trusted_proxies.begin(), trusted_proxies.end(), peer) == trusted_proxies.end()) {
    return peer;
  }
  const auto last = trimmed(forwarded.substr(forwarded.rfind(',') + 1));
  return last.empty() ? peer : last;
}

}  // namespace platform::http
