#include "api/search_input.h"

#include <cstdio>
#include <functional>

#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json_text.h"
#include "platform/page_cursor.h"

namespace search {
namespace {

constexpr std::string_view kCursorList = "s1";
constexpr std::size_t kMaxBrands = 20;
constexpr std::size_t kMaxFilterLength = 200;
// Category paths are slugs of up to 120 characters at any depth.
constexpr std::size_t kMaxCategoryLength = 1000;

std::size_t code_points(std::string_view text) {
  std::size_t count = 0;
  for (const char c : text) count += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

std::string text_parameter(const platform::http::Request& request, std::string_view name,
                           std::size_t max_length) {
  const auto value = request.query_parameter(name);
  if (!value) return {};
  if (!platform::json::is_valid_utf8(*value)) {
    throw platform::invalid_field(std::string(name), std::string(name) + " must be UTF-8 text");
  }
  if (code_points(*value) > max_length) {
    throw platform::invalid_field(
        std::string(name),
        std::string(name) + " is longer than " + std::to_string(max_length) + " characters");
  }
  return std::string(*value);
}

bool is_category_path(std::string_view path) {
  if (path.empty() || path.front() == '/' || path.back() == '/') return false;
  for (std::size_t i = 0; i < path.size(); ++i) {
    const char c = path[i];
    const bool slug = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!slug && !(c == '/' && path[i - 1] != '/')) return false;
  }
  return true;
}

// What a cursor is bound to: the same words, filters and order. A cursor
// of another search would show a page of something else.
std::string fingerprint(const SearchRequest& request) {
  std::string key = request.text + '\n' + request.filters.category.value_or("") + '\n';
  for (const auto& brand : request.filters.brands) key += brand + '\t';
  key += '\n' + std::to_string(request.filters.min_price.value_or(-1)) + '\n' +
         std::to_string(request.filters.max_price.value_or(-1)) + '\n' +
         (request.filters.in_stock_only ? "1" : "0") + std::string(to_string(request.sort));
  char digest[17];
  std::snprintf(digest, sizeof digest, "%016zx", std::hash<std::string>{}(key));
  return digest;
}

}  // namespace

SearchRequest parse_search_request(const platform::http::Request& request) {
  platform::http::reject_unknown_parameters(
      request, {"q", "category", "brand", "min_price", "max_price", "in_stock", "sort", "limit",
                "cursor", "facets", "highlight"});
  SearchRequest search;
  search.text = text_parameter(request, "q", kMaxQueryLength);
  if (const auto category = text_parameter(request, "category", kMaxCategoryLength);
      !category.empty()) {
    if (!is_category_path(category)) {
      throw platform::invalid_field("category",
                                    "category must be a category path such as \"kitchen/lamps\"");
    }
    search.filters.category = category;
  }
  for (const auto& [name, value] : request.query) {
    if (name != "brand" || value.empty()) continue;
    if (search.filters.brands.size() == kMaxBrands) {
      throw platform::invalid_field("brand", "at most 20 brands");
    }
    if (!platform::json::is_valid_utf8(value) || code_points(value) > kMaxFilterLength) {
      throw platform::invalid_field("brand", "brand must be UTF-8 text of at most 200 characters");
    }
    search.filters.brands.push_back(value);
  }
  search.filters.min_price =
      platform::http::integer_parameter(request, "min_price", 0, INT64_MAX / 2);
  search.filters.max_price =
      platform::http::integer_parameter(request, "max_price", 0, INT64_MAX / 2);
  if (search.filters.min_price && search.filters.max_price &&
      *search.filters.min_price > *search.filters.max_price) {
    throw platform::invalid_field("max_price", "max_price must not be below min_price");
  }
  search.filters.in_stock_only =
      platform::http::bool_parameter(request, "in_stock").value_or(false);
  if (const auto sort = request.query_parameter("sort")) {
    const auto order = parse_sort_order(*sort);
    if (!order) {
      throw platform::invalid_field(
          "sort", "sort must be relevance, price_asc, price_desc, popularity or newest");
    }
    search.sort = *order;
  }
  search.limit = static_cast<std::size_t>(
      platform::http::integer_parameter(request, "limit", 1, kMaxLimit).value_or(20));
  search.facets = platform::http::bool_parameter(request, "facets").value_or(true);
  search.highlight = platform::http::bool_parameter(request, "highlight").value_or(true);
  if (const auto cursor = request.query_parameter("cursor")) {
    const auto decoded = platform::decode_cursor(kCursorList, *cursor);
    if (decoded.id != fingerprint(search) || decoded.time < 0 ||
        static_cast<std::size_t>(decoded.time) > kMaxOffset) {
      throw platform::invalid_field("cursor", "cursor belongs to another search");
    }
    search.offset = static_cast<std::size_t>(decoded.time);
  }
  return search;
}

std::string search_cursor(const SearchRequest& request, std::size_t offset) {
  return platform::encode_cursor(kCursorList,
                                 {static_cast<std::int64_t>(offset), fingerprint(request)});
}

SuggestRequest parse_suggest_request(const platform::http::Request& request) {
  platform::http::reject_unknown_parameters(request, {"q", "limit"});
  SuggestRequest suggest;
  suggest.text = text_parameter(request, "q", kMaxQueryLength);
  if (suggest.text.empty()) throw platform::invalid_field("q", "q is required");
  suggest.queries = static_cast<std::size_t>(
      platform::http::integer_parameter(request, "limit", 1, 20).value_or(5));
  return suggest;
}

}  // namespace search
