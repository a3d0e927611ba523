#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/basic_socket_acceptor.hpp>
#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <chrono>
#include <cstdint>

namespace gateway {

// The I/O types of the proxy, bound to the io_context's own executor type
// rather than the type-erased any_io_executor: every operation on the hot
// path would otherwise copy and destroy a type-erased executor.
using Executor = boost::asio::io_context::executor_type;
using Socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, Executor>;
using Acceptor = boost::asio::basic_socket_acceptor<boost::asio::ip::tcp, Executor>;
using Timer = boost::asio::basic_waitable_timer<
    std::chrono::steady_clock, boost::asio::wait_traits<std::chrono::steady_clock>, Executor>;
template <class T>
using Task = boost::asio::awaitable<T, Executor>;

// Completion token: (error, result...) as a tuple, no exceptions.
inline constexpr auto kUse = boost::asio::as_tuple(boost::asio::use_awaitable_t<Executor>{});

// A monotonic clock read cheaply (CLOCK_MONOTONIC_COARSE, a few milliseconds
// of resolution): deadlines of network operations need no better.
std::int64_t coarse_nanos();

}  // namespace gateway
