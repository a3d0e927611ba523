#include "platform/testing/child_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "platform/http/client.h"

namespace platform::testing {

ChildProcess::ChildProcess(const std::string& program,
                           const std::map<std::string, std::string>& environment,
                           std::filesystem::path log_file,
                           const std::vector<std::string>& arguments)
    : log_file_(std::move(log_file)) {
  // Built before fork: the child only execs.
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& argument : arguments) argv.push_back(const_cast<char*>(argument.c_str()));
  argv.push_back(nullptr);
  pid_ = ::fork();
  if (pid_ < 0) throw std::runtime_error("fork failed");
  if (pid_ == 0) {
    // A test that crashes cannot run its destructors: the kernel then stops
    // the child instead of leaving it running.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const int log = ::open(log_file_.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (log >= 0) {
      ::dup2(log, STDERR_FILENO);
      ::dup2(log, STDOUT_FILENO);
    }
    for (const auto& [name, value] : environment) ::setenv(name.c_str(), value.c_str(), 1);
    // Unblock what the test runner may have blocked, so SIGTERM works.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execv(program.c_str(), argv.data());
    ::_exit(127);
  }
}

ChildProcess::~ChildProcess() {
  if (pid_ > 0) stop(SIGKILL);
}

int ChildProcess::stop(int signal) {
  if (pid_ <= 0) return 0;
  ::kill(pid_, signal);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return status;
}

std::string ChildProcess::log() const {
  std::ifstream file(log_file_);
  std::stringstream content;
  content << file.rdbuf();
  return content.str();
}

bool ChildProcess::wait_for_log(const std::string& text, std::chrono::milliseconds limit) const {
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    if (log().find(text) != std::string::npos) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

bool wait_for_http_ok(int port, const std::string& path, std::chrono::milliseconds limit) {
  platform::http::Client client({.timeout = std::chrono::milliseconds(500), .max_attempts = 1});
  const auto until = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < until) {
    try {
      if (client.get("http://127.0.0.1:" + std::to_string(port) + path).status == 200) return true;
    } catch (const std::exception&) {
      // not listening yet
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

}  // namespace platform::testing
