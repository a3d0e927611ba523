#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace platform {

// W3C Trace Context for the work being done on the current thread: set by the
// HTTP server around each handler and by bus consumers around each event, read
// by the logger, the HTTP client (traceparent) and make_event (trace_id).
struct TraceContext {
  std::string trace_id;    // 32 hex digits
  std::string span_id;     // 16 hex digits: this service's span
  std::string request_id;  // X-Request-Id, for logs

  // Parses "00-<trace>-<span>-<flags>"; nullopt if malformed.
  static std::optional<TraceContext> from_traceparent(std::string_view header);
  // Continues `parent` (or starts a new trace) with a fresh span id.
  static TraceContext child_of(const std::optional<TraceContext>& parent);
  std::string traceparent() const;
};

// The context of the current thread, or nullptr outside any request or event.
const TraceContext* current_trace();

// Installs a context for the current thread for the lifetime of the scope.
class TraceScope {
 public:
  explicit TraceScope(TraceContext context);
  ~TraceScope();
  TraceScope(const TraceScope&) = delete;
  TraceScope& operator=(const TraceScope&) = delete;

 private:
  TraceContext context_;
  const TraceContext* previous_;
};

}  // namespace platform
