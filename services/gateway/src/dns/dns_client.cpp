#include "dns/dns_client.h"

#include <array>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <random>

namespace gateway::dns {

namespace asio = boost::asio;
using udp = asio::ip::udp;

asio::awaitable<Answer> ask(udp::endpoint server, std::string name, RecordType type,
                            std::chrono::milliseconds timeout) {
  Answer failed;
  failed.status = Answer::Status::server_failure;
  thread_local std::minstd_rand ids{std::random_device{}()};
  const auto id = static_cast<std::uint16_t>(ids());
  const auto query = encode_query(id, name, type);
  if (!query) {
    failed.status = Answer::Status::malformed;
    co_return failed;
  }
  const auto executor = co_await asio::this_coro::executor;
  udp::socket socket(executor);
  boost::system::error_code error;
  socket.open(server.protocol(), error);
  if (!error) socket.connect(server, error);  // only the server's datagrams reach us
  if (error) co_return failed;

  // The timer closes the socket, which ends the wait for an answer.
  asio::steady_timer deadline(executor, timeout);
  deadline.async_wait([&socket](boost::system::error_code expired) {
    if (!expired) socket.close();
  });
  co_await socket.async_send(asio::buffer(*query),
                             asio::redirect_error(asio::use_awaitable, error));
  std::array<char, 4096> datagram{};
  while (!error) {
    const auto size = co_await socket.async_receive(
        asio::buffer(datagram), asio::redirect_error(asio::use_awaitable, error));
    if (error) break;
    auto answer = decode_response(std::string_view(datagram.data(), size), id, type);
    if (answer.status == Answer::Status::malformed) continue;  // not ours, or garbage: keep waiting
    deadline.cancel();
    co_return answer;
  }
  deadline.cancel();
  co_return failed;
}

}  // namespace gateway::dns
