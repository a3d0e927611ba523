#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/udp.hpp>
#include <chrono>
#include <string>

#include "dns/dns_message.h"

namespace gateway::dns {

// Asks one DNS server over UDP (RFC 1035 §4.2.1), as the resolver library
// inside a container does: one datagram out, the first answer carrying our id back,
// `timeout` at most. A lost datagram or a silent server is a server_failure.
boost::asio::awaitable<Answer> ask(boost::asio::ip::udp::endpoint server, std::string name,
                                   RecordType type, std::chrono::milliseconds timeout);

}  // namespace gateway::dns
