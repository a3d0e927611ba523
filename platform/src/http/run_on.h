#pragma once

#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/thread_pool.hpp>
#include <type_traits>
#include <utility>

namespace platform::http {

// Runs `work` on `pool` and completes on the caller's executor with its
// result: the hand-off that keeps blocking handlers off the I/O threads.
// `work` must not throw (the middleware turns exceptions into responses).
template <class Work, class CompletionToken>
auto run_on(boost::asio::thread_pool& pool, Work&& work, CompletionToken&& token) {
  using Result = std::invoke_result_t<Work&>;
  return boost::asio::async_initiate<CompletionToken, void(Result)>(
      [&pool](auto handler, auto job) {
        auto work_guard =
            boost::asio::make_work_guard(boost::asio::get_associated_executor(handler));
        boost::asio::post(pool, [handler = std::move(handler), job = std::move(job),
                                 work_guard = std::move(work_guard)]() mutable {
          Result result = job();
          auto executor = work_guard.get_executor();
          boost::asio::dispatch(
              executor, [handler = std::move(handler), result = std::move(result)]() mutable {
                std::move(handler)(std::move(result));
              });
        });
      },
      token, std::forward<Work>(work));
}

}  // namespace platform::http
