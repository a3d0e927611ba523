#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "representation/search_json.h"

namespace search {

void add_index_routes(platform::http::Router& router, LiveIndex& index, Reindexer* reindexer,
                      const LexiconCache& lexicon) {
  const auto admins = platform::http::requires_access(platform::http::Access::role("admin"));
  router.get(
      "/v1/search/index",
      [&index, reindexer, &lexicon](platform::http::Request&) {
        const auto view = index.view();
        boost::json::object body{
            {"generation", view.generation},
            {"revision", view.revision},
            {"products", index.product_count()},
            {"size_bytes", index.directory().size_of(view.generation)},
            {"words", lexicon.current()->size()},
            {"rebuilding", index.rebuilding()},
            {"reindex", reindexer ? boost::json::value(to_json(reindexer->status())) : nullptr}};
        return platform::http::json_response(200, body);
      },
      admins);

  router.post(
      "/v1/search/reindex",
      [reindexer](platform::http::Request&) {
        if (reindexer == nullptr) {
          throw platform::unprocessable("reindex-unavailable",
                                        "this replica has no catalog address to reindex from");
        }
        reindexer->start();
        auto response = platform::http::json_response(202, to_json(reindexer->status()));
        response.headers.set("Location", "/v1/search/index");
        return response;
      },
      admins);
}

}  // namespace search
