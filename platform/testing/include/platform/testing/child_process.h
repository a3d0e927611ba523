#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace platform::testing {

// A program started by a test, with extra environment variables and its
// stderr captured to a file; killed with SIGKILL and reaped on destruction if
// still running, so a failing test never leaves it behind.
class ChildProcess {
 public:
  ChildProcess(const std::string& program, const std::map<std::string, std::string>& environment,
               std::filesystem::path log_file, const std::vector<std::string>& arguments = {});
  ~ChildProcess();
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  pid_t pid() const noexcept { return pid_; }
  // Sends `signal` and waits for the process to end; returns its wait status.
  int stop(int signal);
  // "running", or how it ended ("exited with status 1"), reaping it then.
  std::string state();
  std::string log() const;
  // Waits until the log contains `text`; false after `limit`.
  bool wait_for_log(const std::string& text, std::chrono::milliseconds limit) const;

 private:
  pid_t pid_ = -1;
  std::filesystem::path log_file_;
};

// Polls http://127.0.0.1:port/path until it answers 200; false after `limit`.
bool wait_for_http_ok(int port, const std::string& path, std::chrono::milliseconds limit);

}  // namespace platform::testing
