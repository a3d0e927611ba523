#include <sys/stat.h>

#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/json.hpp>
#include <fstream>
#include <sstream>

#include "discovery/discovery_sources.h"
#include "platform/log.h"

namespace gateway {

namespace asio = boost::asio;

struct FileDiscovery::State {
  State(std::string upstream_name, std::filesystem::path file, asio::io_context& io)
      : upstream(std::move(upstream_name)), path(std::move(file)), timer(io) {}

  std::string upstream;
  std::filesystem::path path;
  asio::steady_timer timer;
  bool stopped = false;
};

FileDiscovery::FileDiscovery(std::string upstream, std::filesystem::path path,
                             asio::io_context& control)
    : state_(std::make_shared<State>(std::move(upstream), std::move(path), control)) {}

FileDiscovery::~FileDiscovery() {
  state_->stopped = true;
  state_->timer.cancel();
}

namespace {

// What identifies one version of the file.
struct Version {
  dev_t device = 0;
  ino_t inode = 0;
  off_t size = -1;
  std::int64_t modified = 0;
  friend bool operator==(const Version&, const Version&) = default;
};

std::optional<Version> version_of(const std::filesystem::path& path) {
  struct stat status {};
  if (::stat(path.c_str(), &status) != 0) return std::nullopt;
  return Version{status.st_dev, status.st_ino, status.st_size,
                 status.st_mtim.tv_sec * 1'000'000'000LL + status.st_mtim.tv_nsec};
}

// nullopt when the file is not a JSON array of "host:port" strings.
std::optional<std::vector<Endpoint>> read_endpoints(const std::filesystem::path& path) {
  std::ifstream file(path);
  std::stringstream text;
  text << file.rdbuf();
  boost::system::error_code error;
  const auto document = boost::json::parse(text.str(), error);
  if (error || !document.is_array()) return std::nullopt;
  std::vector<Endpoint> endpoints;
  for (const auto& item : document.get_array()) {
    if (!item.is_string()) return std::nullopt;
    const auto parsed = split_host_port(item.get_string());
    if (!parsed) return std::nullopt;
    endpoints.push_back({parsed->first, parsed->second});
  }
  std::sort(endpoints.begin(), endpoints.end());
  endpoints.erase(std::unique(endpoints.begin(), endpoints.end()), endpoints.end());
  return endpoints;
}

asio::awaitable<void> watch_forever(std::shared_ptr<FileDiscovery::State> state,
                                    EndpointsListener listener) {
  std::optional<Version> seen;
  bool first = true;
  while (!state->stopped) {
    const auto current = version_of(state->path);
    if (first || current != seen) {
      seen = current;
      if (auto endpoints = current ? read_endpoints(state->path) : std::nullopt) {
        platform::log::info("upstream instances changed",
                            {{"upstream", state->upstream},
                             {"source", "file"},
                             {"count", static_cast<int>(endpoints->size())}});
        listener(std::move(*endpoints));
        first = false;
      } else {
        platform::log::warn("instance file unreadable; keeping the known instances",
                            {{"upstream", state->upstream}, {"path", state->path.string()}});
      }
    }
    state->timer.expires_after(std::chrono::seconds(1));
    boost::system::error_code cancelled;
    co_await state->timer.async_wait(asio::redirect_error(asio::use_awaitable, cancelled));
  }
}

}  // namespace

void FileDiscovery::start(EndpointsListener listener) {
  asio::co_spawn(state_->timer.get_executor(), watch_forever(state_, std::move(listener)),
                 asio::detached);
}

}  // namespace gateway
