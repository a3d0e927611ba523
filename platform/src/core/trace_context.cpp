#include "platform/trace_context.h"

#include <cctype>

#include "platform/ids.h"

namespace platform {
namespace {

thread_local const TraceContext* current = nullptr;

bool is_lower_hex(std::string_view text) {
  for (char c : text) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

bool all_zero(std::string_view text) {
  return text.find_first_not_of('0') == std::string_view::npos;
}

}  // namespace

std::optional<TraceContext> TraceContext::from_traceparent(std::string_view header) {
  // version(2)-trace(32)-span(16)-flags(2)
  if (header.size() < 55 || header[2] != '-' || header[35] != '-' || header[52] != '-') {
    return std::nullopt;
  }
  const auto version = header.substr(0, 2);
  const auto trace = header.substr(3, 32);
  const auto span = header.substr(36, 16);
  const auto flags = header.substr(53, 2);
  if (!is_lower_hex(version) || version == "ff" || !is_lower_hex(trace) || !is_lower_hex(span) ||
      !is_lower_hex(flags) || all_zero(trace) || all_zero(span)) {
    return std::nullopt;
  }
  if (version == "00" && header.size() != 55) return std::nullopt;
  TraceContext context;
  context.trace_id = std::string(trace);
  context.span_id = std::string(span);
  return context;
}

TraceContext TraceContext::child_of(const std::optional<TraceContext>& parent) {
  TraceContext context;
  context.trace_id = parent ? parent->trace_id : random_hex(16);
  context.span_id = random_hex(8);
  if (parent) context.request_id = parent->request_id;
  return context;
}

std::string TraceContext::traceparent() const { return "00-" + trace_id + "-" + span_id + "-01"; }

const TraceContext* current_trace() { return current; }

TraceScope::TraceScope(TraceContext context) : context_(std::move(context)), previous_(current) {
  current = &context_;
}

TraceScope::~TraceScope() { current = previous_; }

}  // namespace platform
