#include "domain/byte_range.h"

#include <algorithm>
#include <charconv>

namespace images {

namespace {

std::optional<std::uint64_t> number_of(std::string_view text) {
  std::uint64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

RangeAnswer answer_range(std::string_view range_header, std::uint64_t size) {
  constexpr std::string_view unit = "bytes=";
  if (range_header.substr(0, unit.size()) != unit) return WholeRepresentation{};
  const auto spec = range_header.substr(unit.size());
  if (spec.find(',') != std::string_view::npos) return WholeRepresentation{};
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) return WholeRepresentation{};
  const auto first_text = spec.substr(0, dash);
  const auto last_text = spec.substr(dash + 1);
  if (first_text.empty()) {
    // bytes=-N: the last N bytes.
    const auto suffix = number_of(last_text);
    if (!suffix) return WholeRepresentation{};
    if (*suffix == 0 || size == 0) return UnsatisfiableRange{};
    return ByteRange{*suffix >= size ? 0 : size - *suffix, size - 1};
  }
  const auto first = number_of(first_text);
  if (!first) return WholeRepresentation{};
  std::uint64_t last = size == 0 ? 0 : size - 1;
  if (!last_text.empty()) {
    const auto requested = number_of(last_text);
    if (!requested || *requested < *first) return WholeRepresentation{};
    last = std::min(*requested, last);
  }
  if (*first >= size) return UnsatisfiableRange{};
  return ByteRange{*first, last};
}

}  // namespace images
