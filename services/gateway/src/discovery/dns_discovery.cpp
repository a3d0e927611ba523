#include <algorithm>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "discovery/discovery_sources.h"
#include "dns/dns_client.h"
#include "platform/log.h"

namespace gateway {

namespace asio = boost::asio;

struct DnsDiscovery::State {
  State(std::string upstream_name, DnsName dns_source, asio::io_context& io)
      : upstream(std::move(upstream_name)), source(std::move(dns_source)), timer(io) {}

  std::string upstream;
  DnsName source;
  asio::steady_timer timer;
  bool stopped = false;
};

DnsDiscovery::DnsDiscovery(std::string upstream, DnsName source, asio::io_context& control)
    : state_(std::make_shared<State>(std::move(upstream), std::move(source), control)) {}

DnsDiscovery::~DnsDiscovery() {
  state_->stopped = true;
  state_->timer.cancel();
}

namespace {

asio::ip::udp::endpoint server_endpoint(const std::string& server) {
  const auto parsed = split_host_port(server.empty() ? system_nameserver() : server);
  if (!parsed) return {asio::ip::make_address("127.0.0.1"), 53};
  return {asio::ip::make_address(parsed->first), parsed->second};
}

asio::awaitable<void> resolve_forever(std::shared_ptr<DnsDiscovery::State> state,
                                      EndpointsListener listener) {
  const auto server = server_endpoint(state->source.server);
  std::vector<Endpoint> known;
  bool first = true;
  while (!state->stopped) {
    std::uint32_t ttl = static_cast<std::uint32_t>(state->source.max_ttl.count());
    std::vector<dns::Answer> answers;
    for (const auto type : {dns::RecordType::a, dns::RecordType::aaaa}) {
      auto answer =
          co_await dns::ask(server, state->source.host, type, std::chrono::milliseconds(2000));
      answers.push_back(std::move(answer));
    }
    const auto addresses = dns::addresses_of(answers);
    if (addresses) {
      std::vector<Endpoint> found;
      for (const auto& address : *addresses) {
        found.push_back({address.ip, state->source.port});
        ttl = std::min(ttl, address.ttl);
      }
      std::sort(found.begin(), found.end());
      found.erase(std::unique(found.begin(), found.end()), found.end());
      if (first || found != known) {
        platform::log::info("upstream instances changed",
                            {{"upstream", state->upstream},
                             {"source", "dns"},
                             {"count", static_cast<int>(found.size())}});
        known = found;
        listener(found);
      }
      first = false;
    } else {
      platform::log::warn(
          "DNS lookup inconclusive (failed or truncated); keeping the known "
          "instances",
          {{"upstream", state->upstream}, {"name", state->source.host}});
      ttl = static_cast<std::uint32_t>(state->source.min_ttl.count());
    }
    const auto wait =
        std::clamp<std::int64_t>(ttl, std::max<std::int64_t>(state->source.min_ttl.count(), 1),
                                 state->source.max_ttl.count());
    state->timer.expires_after(std::chrono::seconds(wait));
    boost::system::error_code cancelled;
    co_await state->timer.async_wait(asio::redirect_error(asio::use_awaitable, cancelled));
  }
}

}  // namespace

void DnsDiscovery::start(EndpointsListener listener) {
  asio::co_spawn(state_->timer.get_executor(), resolve_forever(state_, std::move(listener)),
                 asio::detached);
}

}  // namespace gateway
