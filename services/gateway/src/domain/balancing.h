#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace gateway {

enum class Balancing {
  round_robin,
  // Power of two choices: two random candidates, the one with fewer requests
  // in flight. Nearly as good as scanning all, without a global hot spot.
  least_outstanding,
};

std::optional<Balancing> balancing_named(std::string_view name);

// What the picker knows of one instance.
struct Candidate {
  int outstanding = 0;
  bool eligible = false;  // healthy, not ejected, not tried already for this request
};

// The index of the instance to use, or nullopt when none is eligible.
// `cursor` is the round-robin position (advanced); `random` gives uniform
// 64-bit values (two are drawn for least_outstanding).
template <class Random>
std::optional<std::size_t> pick_instance(Balancing balancing, std::span<const Candidate> candidates,
                                         std::uint64_t& cursor, Random&& random) {
  const std::size_t count = candidates.size();
  if (count == 0) return std::nullopt;
  if (balancing == Balancing::round_robin) {
    for (std::size_t step = 0; step < count; ++step) {
      const auto index = static_cast<std::size_t>(cursor++ % count);
      if (candidates[index].eligible) return index;
    }
    return std::nullopt;
  }
  // Two distinct eligible instances: random draws first, then a scan from a
  // random point when draws keep missing (few eligible, or bad luck).
  std::optional<std::size_t> first;
  std::optional<std::size_t> second;
  for (int attempt = 0; attempt < 4 && !second; ++attempt) {
    const auto index = static_cast<std::size_t>(random() % count);
    if (!candidates[index].eligible || index == first) continue;
    (first ? second : first) = index;
  }
  const auto start = static_cast<std::size_t>(random() % count);
  for (std::size_t step = 0; step < count && !second; ++step) {
    const auto index = (start + step) % count;
    if (!candidates[index].eligible || index == first) continue;
    (first ? second : first) = index;
  }
  if (!first) return std::nullopt;
  if (!second) return first;
  return candidates[*second].outstanding < candidates[*first].outstanding ? second : first;
}

}  // namespace gateway
