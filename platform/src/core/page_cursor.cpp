#include "platform/page_cursor.h"

#include <charconv>

#include "platform/crypto.h"
#include "platform/error.h"
#include "platform/ids.h"

namespace platform {
namespace {

[[noreturn]] void bad_cursor() {
  throw invalid_field("cursor", "cursor is not one this list issued");
}

}  // namespace

std::string encode_cursor(std::string_view list, const PageCursor& cursor) {
  std::string raw(list);
  raw += '|' + std::to_string(cursor.time) + '|' + cursor.id;
  return crypto::base64url_encode(raw);
}

PageCursor decode_cursor(std::string_view list, std::string_view text) {
  if (text.empty() || text.size() > 256) bad_cursor();
  const auto raw = crypto::base64url_decode(text);
  if (!raw || !raw->starts_with(list) || raw->size() <= list.size() || (*raw)[list.size()] != '|') {
    bad_cursor();
  }
  std::string_view rest = *raw;
  rest.remove_prefix(list.size() + 1);
  const auto separator = rest.find('|');
  if (separator == std::string_view::npos) bad_cursor();
  PageCursor cursor;
  const auto time = rest.substr(0, separator);
  const auto [end, error] = std::from_chars(time.data(), time.data() + time.size(), cursor.time);
  if (error != std::errc{} || end != time.data() + time.size()) bad_cursor();
  cursor.id = std::string(rest.substr(separator + 1));
  if (!is_opaque_id(cursor.id, 64)) bad_cursor();
  return cursor;
}

}  // namespace platform
