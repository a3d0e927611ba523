#include "proxy/io.h"

#include <time.h>

namespace gateway {

std::int64_t coarse_nanos() {
  timespec now{};
  ::clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
  return static_cast<std::int64_t>(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
}

}  // namespace gateway
