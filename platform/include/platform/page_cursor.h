#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace platform {

// Where the previous page of a list ended, so the next one starts strictly
// after it (keyset pagination: stable under inserts, same cost on every page).
struct PageCursor {
  std::int64_t time = 0;  // the sort time of the last item, when the list has one
  std::string id;         // the id of the last item
  bool operator==(const PageCursor&) const = default;
};

// Opaque to clients: base64url of "<list>|<time>|<id>". `list` names the
// list (e.g. "o1": orders, layout 1), so a cursor of one list is refused by
// another.
std::string encode_cursor(std::string_view list, const PageCursor& cursor);
// Throws Error(invalid_argument, field "cursor") for anything encode_cursor
// did not make for `list`.
PageCursor decode_cursor(std::string_view list, std::string_view text);

}  // namespace platform
