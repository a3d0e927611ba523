#include "domain/product_query.h"

#include <array>
#include <charconv>

#include "platform/error.h"

namespace catalog {
namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

std::string base64url_encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char byte : bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += kAlphabet[(buffer >> bits) & 0x3f];
    }
  }
  if (bits > 0) out += kAlphabet[(buffer << (6 - bits)) & 0x3f];
  return out;
}

std::optional<std::string> base64url_decode(std::string_view text) {
  std::array<int, 256> values;
  values.fill(-1);
  for (int i = 0; i < 64; ++i) values[static_cast<unsigned char>(kAlphabet[i])] = i;
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : text) {
    if (values[c] < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<std::uint32_t>(values[c]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xff);
    }
  }
  return out;
}

[[noreturn]] void bad_cursor() {
  throw platform::invalid_field("cursor", "cursor is not one this service issued");
}

}  // namespace

std::optional<ProductSort> parse_product_sort(std::string_view text) {
  if (text == "newest") return ProductSort::newest;
  if (text == "price_asc") return ProductSort::price_ascending;
  if (text == "price_desc") return ProductSort::price_descending;
  if (text == "title") return ProductSort::title;
  if (text == "popularity") return ProductSort::popularity;
  return std::nullopt;
}

std::string_view to_string(ProductSort sort) {
  switch (sort) {
    case ProductSort::newest:
      return "newest";
    case ProductSort::price_ascending:
      return "price_asc";
    case ProductSort::price_descending:
      return "price_desc";
    case ProductSort::title:
      return "title";
    case ProductSort::popularity:
      return "popularity";
  }
  return "newest";
}

// Layout: "1|<sort>|<number>|<id>|<text>"; the text goes last because it may
// contain the separator.
std::string encode_cursor(const Cursor& cursor) {
  std::string raw = "1|";
  raw += to_string(cursor.sort);
  raw += '|' + std::to_string(cursor.number_key) + '|' + cursor.id + '|' + cursor.text_key;
  return base64url_encode(raw);
}

Cursor decode_cursor(std::string_view text) {
  if (text.size() > 1024) bad_cursor();
  const auto raw = base64url_decode(text);
  if (!raw) bad_cursor();
  std::string_view rest = *raw;
  std::array<std::string_view, 4> parts;
  for (auto& part : parts) {
    const auto separator = rest.find('|');
    if (separator == std::string_view::npos) bad_cursor();
    part = rest.substr(0, separator);
    rest.remove_prefix(separator + 1);
  }
  if (parts[0] != "1") bad_cursor();
  Cursor cursor;
  const auto sort = parse_product_sort(parts[1]);
  if (!sort) bad_cursor();
  cursor.sort = *sort;
  auto [end, error] =
      std::from_chars(parts[2].data(), parts[2].data() + parts[2].size(), cursor.number_key);
  if (error != std::errc{} || end != parts[2].data() + parts[2].size()) bad_cursor();
  if (parts[3].empty() || parts[3].size() > 64) bad_cursor();
  cursor.id = std::string(parts[3]);
  cursor.text_key = std::string(rest);
  return cursor;
}

Cursor cursor_after(const Product& last, ProductSort sort) {
  Cursor cursor;
  cursor.sort = sort;
  cursor.id = last.id;
  switch (sort) {
    case ProductSort::newest:
      cursor.number_key = last.created_at;
      break;
    case ProductSort::price_ascending:
    case ProductSort::price_descending:
      cursor.number_key = last.price.amount;
      break;
    case ProductSort::popularity:
      cursor.number_key = last.popularity;
      break;
    case ProductSort::title:
      cursor.text_key = last.title;
      break;
  }
  return cursor;
}

}  // namespace catalog
