#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <variant>

namespace images {

// A single byte range of a representation, both ends included.
struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
};

struct WholeRepresentation {};  // no Range, or one to ignore (RFC 9110 14.2)
struct UnsatisfiableRange {};   // 416

using RangeAnswer = std::variant<WholeRepresentation, ByteRange, UnsatisfiableRange>;

// What to send for a Range header against a representation of `size`
// bytes. One range is served; a header asking for several, or one that
// does not parse, is ignored and the whole representation sent, which
// RFC 9110 allows and every client handles.
RangeAnswer answer_range(std::string_view range_header, std::uint64_t size);

}  // namespace images
