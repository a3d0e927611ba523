#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string_view>
#include <utility>

namespace platform {

// The names an enum has in JSON and in the database, both ways:
//
//   constexpr EnumNames<Status, 2> kStatusNames{{{{Status::open, "open"},
//                                                {Status::closed, "closed"}}}};
//   kStatusNames.name(Status::open) == "open"; kStatusNames.parse("shut") == nullopt
template <class Enum, std::size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(std::array<std::pair<Enum, std::string_view>, N> names)
      : names_(names) {}

  // The first entry's name for a value missing from the table (a bug).
  constexpr std::string_view name(Enum value) const {
    for (const auto& [candidate, name] : names_) {
      if (candidate == value) return name;
    }
    return names_.front().second;
  }

  constexpr std::optional<Enum> parse(std::string_view text) const {
    for (const auto& [candidate, name] : names_) {
      if (name == text) return candidate;
    }
    return std::nullopt;
  }

 private:
  std::array<std::pair<Enum, std::string_view>, N> names_;
};

}  // namespace platform
