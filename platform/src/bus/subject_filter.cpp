#include "platform/bus/subject_filter.h"

namespace platform::bus {

bool subject_matches(std::string_view filter, std::string_view subject) {
  while (true) {
    const auto filter_dot = filter.find('.');
    const auto subject_dot = subject.find('.');
    const auto filter_token = filter.substr(0, filter_dot);
    const auto subject_token = subject.substr(0, subject_dot);
    if (filter_token == ">") return !subject.empty();
    if (subject_token.empty()) return false;
    if (filter_token != "*" && filter_token != subject_token) return false;
    const bool filter_done = filter_dot == std::string_view::npos;
    const bool subject_done = subject_dot == std::string_view::npos;
    if (filter_done || subject_done) return filter_done && subject_done;
    filter.remove_prefix(filter_dot + 1);
    subject.remove_prefix(subject_dot + 1);
  }
}

}  // namespace platform::bus
