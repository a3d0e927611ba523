#pragma once

#include <boost/json/object.hpp>
#include <optional>
#include <string>

#include "domain/search_request.h"
#include "index/searcher.h"
#include "reindex/reindexer.h"

namespace search {

// The product as a search result shows it (the fields a results page needs).
boost::json::object product_summary_json(const IndexedProduct& product);

// GET /v1/search; `next_cursor` continues the same search.
boost::json::object to_json(const SearchRequest& request, const SearchResult& result,
                            const std::optional<std::string>& next_cursor);

boost::json::object to_json(std::string_view text, const Suggestions& suggestions);

boost::json::object to_json(const ReindexStatus& status);

}  // namespace search
