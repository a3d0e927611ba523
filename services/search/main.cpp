// The search service as its own process (distributed mode): a Xapian index
// of its own, fed by NATS JetStream, configured by environment variables
// (see --help).
#include <unistd.h>

#include "platform/bus/backlog_gauges.h"
#include "platform/bus/open_event_bus.h"
#include "platform/config.h"
#include "platform/http/authorization.h"
#include "platform/http/client.h"
#include "platform/http/server_settings.h"
#include "platform/log.h"
#include "search_service.h"
#include "search_settings.h"

namespace {

std::string host_name() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "local";
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  platform::http::ShutdownSignals signals;
  platform::Config config(argc, argv, "search",
                          "Full-text product search: the catalog in a Xapian index of its own.");
  const auto server_options = platform::http::read_server_options(config, "SEARCH", "search", 8087);
  const auto bus_url = config.text(
      "SEARCH_NATS_URL", "", "NATS JetStream URL; empty runs an in-process bus (development only)");
  auto options = search::read_search_options(config, "data/search");
  options.consumer_name =
      config.text("SEARCH_CONSUMER_NAME", "search-" + host_name(),
                  "this replica's durable consumer of catalog events; each replica needs its own");
  options.catalog_url = config.text("SEARCH_CATALOG_URL", "http://localhost:8081",
                                    "the catalog, which a reindex reads every product from");
  const auto synonyms = search::read_synonyms(config);
  const auto token_verification =
      platform::http::read_token_verification(config, "http://localhost:8080/api/auth");
  const auto log_level = config.text("LOG_LEVEL", "info", "debug, info, warn or error");
  config.finish();
  platform::log::set_service("search");
  platform::log::set_level(log_level);

  try {
    auto bus = platform::bus::open_event_bus(bus_url, "search");
    platform::metrics::Registry registry;
    platform::http::Client catalog_client;
    search::SearchService service(*bus, registry,
                                  platform::http::make_token_verifier(token_verification), synonyms,
                                  options, catalog_client);
    platform::bus::BacklogGauges backlog_gauges(*bus, registry);
    platform::http::Server server(server_options, service.routes(), registry);
    platform::http::serve_until_shutdown(server, signals);
  } catch (const std::exception& exception) {
    platform::log::error("search failed", {{"error", exception.what()}});
    return 1;
  }
  return 0;
}
