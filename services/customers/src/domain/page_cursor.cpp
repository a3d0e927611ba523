#include "domain/page_cursor.h"

#include <charconv>

#include "domain/text_rules.h"
#include "platform/crypto.h"
#include "platform/error.h"

namespace customers {
namespace {

std::string_view prefix(ListKind kind) { return kind == ListKind::customers ? "c1|" : "o1|"; }

[[noreturn]] void bad_cursor() {
  throw platform::invalid_field("cursor", "cursor is not one this list issued");
}

}  // namespace

// Layout: "<kind>1|<time>|<id>".
std::string encode_cursor(ListKind kind, const PageCursor& cursor) {
  std::string raw(prefix(kind));
  raw += std::to_string(cursor.time) + '|' + cursor.id;
  return platform::crypto::base64url_encode(raw);
}

PageCursor decode_cursor(ListKind kind, std::string_view text) {
  if (text.empty() || text.size() > 256) bad_cursor();
  const auto raw = platform::crypto::base64url_decode(text);
  if (!raw || !raw->starts_with(prefix(kind))) bad_cursor();
  std::string_view rest = *raw;
  rest.remove_prefix(prefix(kind).size());
  const auto separator = rest.find('|');
  if (separator == std::string_view::npos) bad_cursor();
  PageCursor cursor;
  const auto time = rest.substr(0, separator);
  const auto [end, error] = std::from_chars(time.data(), time.data() + time.size(), cursor.time);
  if (error != std::errc{} || end != time.data() + time.size()) bad_cursor();
  cursor.id = std::string(rest.substr(separator + 1));
  if (!is_opaque_id(cursor.id)) bad_cursor();
  return cursor;
}

}  // namespace customers
