#include "platform/config.h"

#include <charconv>
#include <cstdlib>
#include <iostream>

namespace platform {

Config::Config(int argc, char** argv, std::string program, std::string description)
    : program_(std::move(program)), description_(std::move(description)) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view argument = argv[i];
    if (argument == "--help" || argument == "-h") {
      help_requested_ = true;
    } else {
      unknown_arguments_.emplace_back(argument);
    }
  }
}

const char* Config::lookup(std::string_view name, std::string_view default_value,
                           std::string_view help) {
  declarations_.push_back({std::string(name), std::string(default_value), std::string(help)});
  const char* value = std::getenv(declarations_.back().name.c_str());
  return (value != nullptr && *value != '\0') ? value : nullptr;
}

std::string Config::text(std::string_view name, std::string_view default_value,
                         std::string_view help) {
  const char* value = lookup(name, default_value, help);
  return value ? std::string(value) : std::string(default_value);
}

std::int64_t Config::integer(std::string_view name, std::int64_t default_value,
                             std::string_view help, std::int64_t minimum, std::int64_t maximum) {
  const char* value = lookup(name, std::to_string(default_value), help);
  if (value == nullptr) return default_value;
  const std::string_view text_value = value;
  std::int64_t number = 0;
  auto [end, error] =
      std::from_chars(text_value.data(), text_value.data() + text_value.size(), number);
  if (error != std::errc{} || end != text_value.data() + text_value.size() || number < minimum ||
      number > maximum) {
    errors_.push_back(std::string(name) + "=" + std::string(text_value) +
                      ": expected an integer in [" + std::to_string(minimum) + ", " +
                      std::to_string(maximum) + "]");
    return default_value;
  }
  return number;
}

bool Config::flag(std::string_view name, bool default_value, std::string_view help) {
  const char* value = lookup(name, default_value ? "true" : "false", help);
  if (value == nullptr) return default_value;
  const std::string_view text_value = value;
  if (text_value == "true" || text_value == "1" || text_value == "yes") return true;
  if (text_value == "false" || text_value == "0" || text_value == "no") return false;
  errors_.push_back(std::string(name) + "=" + std::string(text_value) + ": expected true or false");
  return default_value;
}

std::chrono::milliseconds Config::milliseconds(std::string_view name,
                                               std::chrono::milliseconds default_value,
                                               std::string_view help) {
  const auto count = integer(std::string(name), default_value.count(),
                             std::string(help) + " (milliseconds)", 0, 86'400'000);
  return std::chrono::milliseconds{count};
}

void Config::reject(std::string_view name, std::string_view value, std::string_view why) {
  errors_.push_back(std::string(name) + "=" + std::string(value) + ": " + std::string(why));
}

std::string Config::help_text() const {
  std::string text = program_ + ": " + description_ + "\n\nConfigured by environment variables:\n";
  for (const auto& declaration : declarations_) {
    text += "  " + declaration.name + " (default: " +
            (declaration.default_value.empty() ? "empty" : declaration.default_value) +
            ")\n      " + declaration.help + "\n";
  }
  return text;
}

void Config::finish() const {
  if (help_requested_) {
    std::cout << help_text();
    std::exit(0);
  }
  if (!unknown_arguments_.empty() || !errors_.empty()) {
    for (const auto& argument : unknown_arguments_) {
      std::cerr << program_ << ": unknown argument " << argument << " (see --help)\n";
    }
    for (const auto& error : errors_) std::cerr << program_ << ": " << error << "\n";
    std::exit(2);
  }
}

}  // namespace platform
