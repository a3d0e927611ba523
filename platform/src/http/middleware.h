#pragma once

#include <chrono>
#include <string>

#include "platform/http/router.h"
#include "platform/http/server.h"
#include "platform/metrics.h"
#include "platform/trace_context.h"

namespace platform::http {

// The per-request steps around a handler, free of any I/O so that they are
// unit-testable: the server calls prepare() on the I/O thread, respond() where
// the route wants to run, and finish() once the response is ready.
class Middleware {
 public:
  Middleware(const ServerOptions& options, const Router& router, metrics::Registry& registry);

  struct Prepared {
    Router::Match match;
    TraceContext trace;
    bool runs_inline = true;
    bool target_valid = true;
  };

  // Parses the target, assigns request id and trace, finds the route.
  Prepared prepare(Request& request) const;
  // Runs CORS, routing errors and the handler; never throws.
  Response respond(Request& request, const Prepared& prepared) const;
  // The route's fast path, if it has one and it answers; never throws.
  std::optional<Response> respond_fast(Request& request, const Prepared& prepared) const;
  // Records metrics and the access log line.
  void finish(const Request& request, const Prepared& prepared, const Response& response,
              std::chrono::steady_clock::time_point started) const;

  Response problem_response(int status, const char* code, const std::string& detail) const;

 private:
  Response dispatch(Request& request, const Prepared& prepared) const;
  void decorate(const Request& request, const Prepared& prepared, Response& response) const;
  void add_cors_headers(const Request& request, Response& response) const;
  bool origin_allowed(std::string_view origin) const;

  const ServerOptions& options_;
  const Router& router_;
  metrics::Family<metrics::Counter>& requests_;
  metrics::Family<metrics::Histogram>& durations_;
};

}  // namespace platform::http
