// The test helper that starts services: what the child gets and how its end
// is reported when a service does not come up.
#include "platform/testing/child_process.h"

#include <gtest/gtest.h>
#include <signal.h>

#include <thread>

#include "platform/testing/environment.h"

namespace {

using namespace std::chrono_literals;
using platform::testing::ChildProcess;

// The child's state once it is no longer running (or "running" after 10 s).
std::string state_once_ended(ChildProcess& child) {
  const auto until = std::chrono::steady_clock::now() + 10s;
  auto state = child.state();
  while (state == "running" && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(10ms);
    state = child.state();
  }
  return state;
}

TEST(ChildProcess, PassesItsVariablesOverTheInheritedOnesAndKeepsTheRest) {
  platform::testing::TemporaryDirectory directory;
  ::setenv("CHILD_PROCESS_TEST_INHERITED", "from the parent", 1);
  ::setenv("CHILD_PROCESS_TEST_REPLACED", "old", 1);
  ChildProcess child("/bin/sh", {{"CHILD_PROCESS_TEST_REPLACED", "new"}},
                     directory.path() / "child.log",
                     {"-c",
                      "echo \"[$CHILD_PROCESS_TEST_INHERITED] [$CHILD_PROCESS_TEST_REPLACED]\"; "
                      "exit 3"});
  ASSERT_TRUE(child.wait_for_log("[from the parent] [new]", 10s)) << child.log();
  EXPECT_EQ(state_once_ended(child), "exited with status 3");
  EXPECT_EQ(child.state(), "stopped") << "reaped once";
}

TEST(ChildProcess, SaysWhatItCouldNotExecute) {
  platform::testing::TemporaryDirectory directory;
  ChildProcess child("/nonexistent/service", {}, directory.path() / "child.log");
  EXPECT_TRUE(child.wait_for_log("cannot execute /nonexistent/service", 10s)) << child.log();
}

TEST(ChildProcess, ReportsASignalThatEndedIt) {
  platform::testing::TemporaryDirectory directory;
  ChildProcess child("/bin/sleep", {}, directory.path() / "child.log", {"30"});
  EXPECT_EQ(child.state(), "running");
  ::kill(child.pid(), SIGKILL);
  EXPECT_EQ(state_once_ended(child), "killed by signal 9");
}

}  // namespace
