#pragma once

#include <string_view>

namespace platform::fault {

// Named points in the code where tests can make a process misbehave on
// purpose, to prove what happens when it dies there. Configured only by the
// environment variable PLATFORM_FAULTS, e.g.
//   PLATFORM_FAULTS=outbox.before_publish=pause
// "pause" blocks the thread forever at that point (the test then kills the
// process with SIGKILL); "crash" ends the process at once, as SIGKILL would.
// Unset in production: every point then costs one branch.
void point(std::string_view name);

}  // namespace platform::fault
