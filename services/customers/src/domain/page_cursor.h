#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace customers {

// Where the previous page of a list ended, so the next one starts strictly
// after it (keyset pagination: stable under inserts, same cost on every page).
struct PageCursor {
  std::int64_t time = 0;  // the sort time of the last item, when the list has one
  std::string id;         // the id of the last item
  bool operator==(const PageCursor&) const = default;
};

// What a client asks of a paged list: `limit` items after `after`.
struct PageRequest {
  int limit = 20;
  std::optional<PageCursor> after;
};

template <class Item>
struct Page {
  std::vector<Item> items;
  std::optional<std::string> next_cursor;  // nullopt on the last page
};

// Each list has its own kind, so a cursor of one is refused by the other.
enum class ListKind { customers, orders };

// Opaque to clients: base64url of a small versioned record.
std::string encode_cursor(ListKind kind, const PageCursor& cursor);
// Throws platform::Error(invalid_argument, field "cursor") for anything
// encode_cursor did not make for `kind`.
PageCursor decode_cursor(ListKind kind, std::string_view text);

}  // namespace customers
