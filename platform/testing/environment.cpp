#include "platform/testing/environment.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdlib>
#include <random>
#include <stdexcept>

namespace platform::testing {

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
      ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
    ::close(fd);
    throw std::runtime_error("could not find a free port");
  }
  ::close(fd);
  return ntohs(address.sin_port);
}

TemporaryDirectory::TemporaryDirectory() {
  const auto base = std::filesystem::temp_directory_path();
  std::random_device random;
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("shop-test-" + std::to_string(random()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = std::move(candidate);
      return;
    }
  }
  throw std::runtime_error("could not create a temporary directory");
}

TemporaryDirectory::~TemporaryDirectory() {
  // A destructor must not throw; a leftover directory under $TMPDIR is harmless.
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::optional<std::string> postgres_admin_url() { return environment("SHOP_TEST_POSTGRES_URL"); }
std::optional<std::string> redis_url() { return environment("SHOP_TEST_REDIS_URL"); }
std::optional<std::string> nats_url() { return environment("SHOP_TEST_NATS_URL"); }
bool infrastructure_required() { return environment("SHOP_TEST_REQUIRE_INFRA") == "1"; }

}  // namespace platform::testing
