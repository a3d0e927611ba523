#pragma once

#include "index/live_index.h"
#include "index/searcher.h"
#include "platform/http/router.h"
#include "platform/metrics.h"
#include "platform/response_cache.h"
#include "reindex/reindexer.h"

namespace search {

// GET /v1/search and GET /v1/search/suggest: public. Queries are counted in
// `queries` {kind="search"|"suggest", result="hits"|"no_hits"|"corrected"|"relaxed"}.
// Answers are kept in `cache` by their URL and served from it on the I/O
// thread until the index changes (which empties the cache) or they expire.
void add_search_routes(platform::http::Router& router, const Searcher& searcher,
                       platform::metrics::Family<platform::metrics::Counter>& queries,
                       platform::ResponseCache& cache);

// GET /v1/search/index (what the replica serves) and POST /v1/search/reindex:
// admins only.
void add_index_routes(platform::http::Router& router, LiveIndex& index, Reindexer* reindexer,
                      const LexiconCache& lexicon);

}  // namespace search
