#include "platform/log.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <mutex>

#include "platform/clock.h"
#include "platform/json_text.h"
#include "platform/trace_context.h"

namespace platform::log {
namespace {

std::atomic<int> minimum_level{static_cast<int>(Level::info)};
std::mutex service_mutex;
// Built on first use, so that its construction cannot throw before main().
std::string& service_name() {
  static std::string name = "shop";
  return name;
}

const char* level_name(Level level) {
  switch (level) {
    case Level::debug:
      return "debug";
    case Level::info:
      return "info";
    case Level::warn:
      return "warn";
    case Level::error:
      return "error";
  }
  return "info";
}

void append_pair(std::string& line, std::string_view key, std::string_view value) {
  line += ",\"";
  json::append_escaped(line, key);
  line += "\":\"";
  json::append_escaped(line, value);
  line += '"';
}

}  // namespace

void set_service(std::string name) {
  std::lock_guard lock(service_mutex);
  service_name() = std::move(name);
}

void set_level(Level level) { minimum_level = static_cast<int>(level); }

void set_level(std::string_view name) {
  if (name == "debug") set_level(Level::debug);
  if (name == "info") set_level(Level::info);
  if (name == "warn") set_level(Level::warn);
  if (name == "error") set_level(Level::error);
}

bool enabled(Level level) { return static_cast<int>(level) >= minimum_level.load(); }

void write(Level level, std::string_view message, std::initializer_list<Field> fields) {
  if (!enabled(level)) return;
  std::string line;
  line.reserve(256);
  line += "{\"time\":\"";
  line += now_rfc3339();
  line += "\",\"level\":\"";
  line += level_name(level);
  line += '"';
  {
    std::lock_guard lock(service_mutex);
    append_pair(line, "service", service_name());
  }
  append_pair(line, "message", message);
  if (const auto* trace = current_trace()) {
    append_pair(line, "trace_id", trace->trace_id);
    if (!trace->request_id.empty()) append_pair(line, "request_id", trace->request_id);
  }
  for (const auto& field : fields) {
    if (field.is_number) {
      line += ",\"";
      json::append_escaped(line, field.key);
      line += "\":" + std::to_string(field.number);
    } else if (field.is_real) {
      line += ",\"";
      json::append_escaped(line, field.key);
      line += "\":" + std::to_string(field.real);
    } else {
      append_pair(line, field.key, field.text);
    }
  }
  line += "}\n";
  // One write(2) per line keeps lines whole when threads log at once.
  const char* data = line.data();
  std::size_t left = line.size();
  while (left > 0) {
    const auto written = ::write(STDERR_FILENO, data, left);
    if (written <= 0) return;
    data += written;
    left -= static_cast<std::size_t>(written);
  }
}

}  // namespace platform::log
