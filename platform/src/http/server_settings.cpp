#include "platform/http/server_settings.h"

#include <algorithm>
#include <thread>

namespace platform::http {

ServerOptions read_server_options(Config& config, const std::string& prefix,
                                  const std::string& service, int default_port) {
  ServerOptions options;
  options.service = service;
  options.address =
      config.text(prefix + "_ADDRESS", "127.0.0.1", "address to listen on (0.0.0.0 in containers)");
  options.port = static_cast<int>(
      config.integer(prefix + "_PORT", default_port, "TCP port to listen on", 0, 65535));
  // Two I/O threads measured best on two cores (docs/benchmarks.md); one core
  // gets one.
  const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  options.io_threads = static_cast<int>(config.integer(prefix + "_IO_THREADS", std::min(cores, 2),
                                                       "threads doing network I/O", 1, 64));
  options.worker_threads = static_cast<int>(
      config.integer(prefix + "_WORKER_THREADS", 4,
                     "threads running handlers (they may block on the database)", 1, 256));
  options.max_body_bytes = static_cast<std::size_t>(config.integer(
      prefix + "_MAX_BODY_BYTES", 4 << 20, "largest request body accepted", 1024, 1 << 30));
  options.access_log = config.flag(prefix + "_ACCESS_LOG", true, "log one line per request");
  const auto origins = config.text(prefix + "_CORS_ORIGINS", "",
                                   "origins allowed to call from a browser, comma separated, or *");
  std::size_t start = 0;
  while (start < origins.size()) {
    const auto comma = origins.find(',', start);
    auto origin =
        origins.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (!origin.empty()) options.cors_allowed_origins.push_back(origin);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return options;
}

}  // namespace platform::http
