#include "domain/page_cursor.h"

namespace customers {
namespace {

std::string_view list_name(ListKind kind) { return kind == ListKind::customers ? "c1" : "o1"; }

}  // namespace

std::string encode_cursor(ListKind kind, const PageCursor& cursor) {
  return platform::encode_cursor(list_name(kind), cursor);
}

PageCursor decode_cursor(ListKind kind, std::string_view text) {
  return platform::decode_cursor(list_name(kind), text);
}

}  // namespace customers
