#include <pthread.h>

#include <csignal>

#include "platform/error.h"
#include "platform/http/server.h"
#include "platform/log.h"

namespace platform::http {
namespace {

sigset_t shutdown_set() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGINT);
  return set;
}

}  // namespace

ShutdownSignals::ShutdownSignals() {
  auto set = shutdown_set();
  // A peer closing a socket mid-write must be an error code, not a dead process.
  sigaddset(&set, SIGPIPE);
  if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) {
    throw Error(ErrorKind::internal, "signal-mask", "could not block shutdown signals");
  }
}

const char* ShutdownSignals::wait() {
  const auto set = shutdown_set();
  int signal_number = 0;
  while (sigwait(&set, &signal_number) != 0) {
  }
  return signal_number == SIGTERM ? "SIGTERM" : "SIGINT";
}

void serve_until_shutdown(Server& server, ShutdownSignals& signals) {
  server.start();
  const char* signal = signals.wait();
  log::info("shutting down", {{"signal", signal}});
  server.stop();
}

}  // namespace platform::http
