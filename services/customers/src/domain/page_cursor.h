#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "platform/page_cursor.h"

namespace customers {

using platform::PageCursor;

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

// The platform's cursors (platform/page_cursor.h), one list name per kind.
std::string encode_cursor(ListKind kind, const PageCursor& cursor);
PageCursor decode_cursor(ListKind kind, std::string_view text);

}  // namespace customers
