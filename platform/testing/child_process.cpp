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
#include <string_view>
#include <thread>

#include "platform/http/client.h"

namespace platform::testing {

namespace {

// This process's environment with `overrides` set: "NAME=value" strings.
std::vector<std::string> merged_environment(const std::map<std::string, std::string>& overrides) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string_view text(*entry);
    const auto name = text.substr(0, text.find('='));
    if (!overrides.contains(std::string(name))) entries.emplace_back(text);
  }
  for (const auto& [name, value] : overrides) entries.push_back(name + "=" + value);
  return entries;
}

std::vector<char*> pointers_to(std::vector<std::string>& texts) {
  std::vector<char*> pointers;
  for (auto& text : texts) pointers.push_back(text.data());
  pointers.push_back(nullptr);
  return pointers;
}

}  // namespace

ChildProcess::ChildProcess(const std::string& program,
                           const std::map<std::string, std::string>& environment,
                           std::filesystem::path log_file,
                           const std::vector<std::string>& arguments)
    : log_file_(std::move(log_file)) {
  // Everything the child needs is built before fork: the test process has
  // threads, and a child of a threaded process may only make
  // async-signal-safe calls until exec (setenv, say, takes a lock another
  // thread may have held at fork, and the child would wait on it for ever).
  std::vector<std::string> argument_texts{program};
  argument_texts.insert(argument_texts.end(), arguments.begin(), arguments.end());
  auto argv = pointers_to(argument_texts);
  auto environment_texts = merged_environment(environment);
  auto envp = pointers_to(environment_texts);
  const std::string exec_failed = "ChildProcess: cannot execute " + program + "\n";
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
    // Unblock what the test runner may have blocked, so SIGTERM works.
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(program.c_str(), argv.data(), envp.data());
    [[maybe_unused]] const auto ignored =
        ::write(STDERR_FILENO, exec_failed.data(), exec_failed.size());
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

std::string ChildProcess::state() {
  if (pid_ <= 0) return "stopped";
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) != pid_) return "running";
  pid_ = -1;
  if (WIFEXITED(status)) return "exited with status " + std::to_string(WEXITSTATUS(status));
  if (WIFSIGNALED(status)) return "killed by signal " + std::to_string(WTERMSIG(status));
  return "ended";
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
