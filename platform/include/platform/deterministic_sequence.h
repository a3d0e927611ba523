#pragma once

#include <cstddef>
#include <cstdint>

namespace platform {

// A small deterministic generator (64-bit LCG, Knuth's constants) for data
// that must be the same on every machine and with every library version:
// the demo catalog, benchmark catalogs. Not for anything secret.
class DeterministicSequence {
 public:
  explicit DeterministicSequence(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ = state_ * 6364136223846793005ULL + 1442695040888963407ULL;
    return state_ >> 33;
  }
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  template <class Container>
  const auto& pick(const Container& items) {
    return items[below(items.size())];
  }

 private:
  std::uint64_t state_;
};

}  // namespace platform
