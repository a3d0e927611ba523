#include <boost/json.hpp>

#include "api/product_input.h"
#include "api/routes.h"
#include "platform/error.h"
#include "platform/http/json_response.h"
#include "platform/json.h"

namespace catalog {

// A catalog of a few tens of thousands of products in one request.
constexpr std::size_t kImportBodyLimit = 64 << 20;

// POST /v1/products/import: JSON Lines, one product per line, upserted by
// sku. Each line stands alone: a bad line is reported with its number and
// field, and the others are still imported.
void add_import_routes(platform::http::Router& router, CatalogStore& store) {
  router.add(
      platform::http::Method::post, "/v1/products/import",
      [&store](platform::http::Request& request) {
        platform::http::require_content_type(request,
                                             {"application/x-ndjson", "application/jsonl"});
        std::int64_t created = 0;
        std::int64_t updated = 0;
        boost::json::array errors;
        std::string_view rest = request.body;
        std::int64_t line_number = 0;
        while (!rest.empty()) {
          const auto end = rest.find('\n');
          auto line = rest.substr(0, end);
          rest.remove_prefix(end == std::string_view::npos ? rest.size() : end + 1);
          ++line_number;
          if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
          if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
          try {
            const auto input = parse_product_create(platform::json::parse_object(line));
            const auto [product, was_created] =
                store.upsert_product_by_sku(input.changes, input.stock);
            ++(was_created ? created : updated);
          } catch (const platform::Error& error) {
            if (error.kind() == platform::ErrorKind::internal ||
                error.kind() == platform::ErrorKind::unavailable) {
              throw;  // not the line's fault: fail the request so the client retries
            }
            boost::json::object problem{
                {"line", line_number}, {"code", error.code()}, {"detail", error.what()}};
            if (!error.field().empty()) problem["field"] = error.field();
            errors.push_back(std::move(problem));
          }
        }
        boost::json::object body{{"created", created},
                                 {"updated", updated},
                                 {"failed", errors.size()},
                                 {"errors", std::move(errors)}};
        return platform::http::json_response(200, body);
      },
      platform::http::with_body_limit(catalog_writers(), kImportBodyLimit));
}

}  // namespace catalog
