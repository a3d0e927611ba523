#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <vector>

#include "proxy/upstream.h"

namespace gateway {

// Active health checks: every instance of every upstream answers GET on its
// check path (/readyz: "my dependencies are reachable") within the timeout,
// or counts a failure. Runs on the control thread; verdicts go to
// Upstream::report_check.
class HealthChecker {
 public:
  HealthChecker(boost::asio::io_context& control, std::vector<Upstream*> upstreams);
  ~HealthChecker();
  void start();

  // Defined in the .cpp; shared with the coroutine that outlives no one.
  struct State;

 private:
  std::shared_ptr<State> state_;
};

}  // namespace gateway
