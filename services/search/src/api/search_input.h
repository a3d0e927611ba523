#pragma once

#include <string>

#include "domain/search_request.h"
#include "platform/http/message.h"

namespace search {

// GET /v1/search's parameters, checked: every error names the parameter.
// The cursor must be one this search handed out.
SearchRequest parse_search_request(const platform::http::Request& request);

// The cursor of the page at `offset` of the same search.
std::string search_cursor(const SearchRequest& request, std::size_t offset);

struct SuggestRequest {
  std::string text;
  std::size_t queries = 5;
  std::size_t products = 4;
};

// GET /v1/search/suggest's parameters.
SuggestRequest parse_suggest_request(const platform::http::Request& request);

}  // namespace search
