#include "health_probe.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>

namespace shop::tools {
namespace {

// Closes the socket however the probe ends.
class Socket {
 public:
  Socket() : descriptor_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0)) {}
  ~Socket() {
    if (descriptor_ >= 0) ::close(descriptor_);
  }
  Socket(const Socket&) = delete;
  Socket& operator=(const Socket&) = delete;
  int get() const noexcept { return descriptor_; }

 private:
  int descriptor_;
};

bool wait_for(int descriptor, short events, std::chrono::steady_clock::time_point deadline) {
  const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
      deadline - std::chrono::steady_clock::now());
  if (left.count() <= 0) return false;
  pollfd waiting{descriptor, events, 0};
  return ::poll(&waiting, 1, static_cast<int>(left.count())) == 1;
}

}  // namespace

std::optional<ProbeTarget> parse_probe_url(std::string_view url) {
  constexpr std::string_view scheme = "http://";
  if (!url.starts_with(scheme)) return std::nullopt;
  url.remove_prefix(scheme.size());
  const auto slash = url.find('/');
  const auto authority = url.substr(0, slash);
  const auto colon = authority.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return std::nullopt;
  ProbeTarget target;
  target.host = std::string(authority.substr(0, colon));
  const auto port_text = authority.substr(colon + 1);
  unsigned port = 0;
  const auto [end, error] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (error != std::errc() || end != port_text.data() + port_text.size() || port == 0 ||
      port > 65535) {
    return std::nullopt;
  }
  target.port = static_cast<std::uint16_t>(port);
  target.path = slash == std::string_view::npos ? "/" : std::string(url.substr(slash));
  in_addr address{};
  if (::inet_pton(AF_INET, target.host.c_str(), &address) != 1) return std::nullopt;
  return target;
}

std::optional<int> status_of(std::string_view line) {
  if (!line.starts_with("HTTP/1.") || line.size() < 12 || line[8] != ' ') return std::nullopt;
  int status = 0;
  const auto [end, error] = std::from_chars(line.data() + 9, line.data() + 12, status);
  if (error != std::errc() || end != line.data() + 12) return std::nullopt;
  return status;
}

std::string probe(const ProbeTarget& target, std::chrono::milliseconds timeout) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  Socket socket;
  if (socket.get() < 0) return std::string("socket: ") + std::strerror(errno);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(target.port);
  ::inet_pton(AF_INET, target.host.c_str(), &address.sin_addr);
  // Non-blocking, so that the connect too stays within the timeout.
  const auto where = target.host + ":" + std::to_string(target.port);
  if (::connect(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
    if (errno != EINPROGRESS) return "connect to " + where + ": " + std::strerror(errno);
    if (!wait_for(socket.get(), POLLOUT, deadline))
      return "connect to " + where + ": no answer in time";
    int error = 0;
    socklen_t length = sizeof error;
    ::getsockopt(socket.get(), SOL_SOCKET, SO_ERROR, &error, &length);
    if (error != 0) return "connect to " + where + ": " + std::strerror(error);
  }
  const std::string request =
      "GET " + target.path + " HTTP/1.0\r\nHost: " + target.host + "\r\nConnection: close\r\n\r\n";
  if (!wait_for(socket.get(), POLLOUT, deadline) ||
      ::send(socket.get(), request.data(), request.size(), MSG_NOSIGNAL) !=
          static_cast<ssize_t>(request.size())) {
    return "sending the request failed";
  }
  std::string answer;
  char buffer[512];
  while (answer.find("\r\n") == std::string::npos && answer.size() < 4096) {
    if (!wait_for(socket.get(), POLLIN, deadline)) return "no answer in time";
    const auto got = ::recv(socket.get(), buffer, sizeof buffer, 0);
    if (got <= 0) break;
    answer.append(buffer, static_cast<std::size_t>(got));
  }
  const auto status = status_of(std::string_view(answer).substr(0, answer.find("\r\n")));
  if (!status) return "not an HTTP answer";
  if (*status < 200 || *status > 299) return "answered " + std::to_string(*status);
  return "";
}

}  // namespace shop::tools
