#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "platform/db/database.h"
#include "platform/http/router.h"

namespace search::bench {

// PostgreSQL's own full-text search on the same products, for comparison:
// a table with a weighted tsvector (title A, brand B, category C,
// description D, English configuration) kept by a generated column, and a
// GIN index. Returns the seconds loading and indexing took.
double load_postgres(platform::db::Database& database, const std::filesystem::path& products);

// Bytes of the table and its indexes.
std::int64_t postgres_size(platform::db::Database& database);

// GET /v1/search?q=&limit= answered by PostgreSQL: the best `limit` by
// ts_rank, the number of matches and the brand, top category and price
// bucket counts, as the search service's results page has them.
platform::http::Router postgres_search_routes(platform::db::Database& database);

}  // namespace search::bench
