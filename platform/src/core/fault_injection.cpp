#include "platform/fault_injection.h"

#include <chrono>
#include <cstdlib>
#include <map>
#include <string>
#include <thread>

#include "platform/log.h"

namespace platform::fault {
namespace {

const std::map<std::string, std::string, std::less<>>& configured() {
  static const auto faults = [] {
    std::map<std::string, std::string, std::less<>> parsed;
    const char* text = std::getenv("PLATFORM_FAULTS");
    std::string_view rest = text ? text : "";
    while (!rest.empty()) {
      const auto comma = rest.find(',');
      const auto item = rest.substr(0, comma);
      if (const auto equals = item.find('='); equals != std::string_view::npos) {
        parsed.emplace(std::string(item.substr(0, equals)), std::string(item.substr(equals + 1)));
      }
      rest.remove_prefix(comma == std::string_view::npos ? rest.size() : comma + 1);
    }
    return parsed;
  }();
  return faults;
}

}  // namespace

void point(std::string_view name) {
  const auto& faults = configured();
  if (faults.empty()) return;
  const auto found = faults.find(name);
  if (found == faults.end()) return;
  log::warn("fault injected", {{"point", name}, {"action", found->second}});
  if (found->second == "crash") std::_Exit(137);
  if (found->second == "pause") {
    while (true) std::this_thread::sleep_for(std::chrono::hours(1));
  }
}

}  // namespace platform::fault
