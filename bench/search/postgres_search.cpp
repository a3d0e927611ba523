#include "postgres_search.h"

#include <boost/json.hpp>
#include <chrono>
#include <fstream>

#include "platform/http/json_response.h"

namespace search::bench {
namespace {

constexpr std::string_view kSchema = R"(
DROP TABLE IF EXISTS products;
CREATE TABLE products (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  brand TEXT NOT NULL,
  category_path TEXT NOT NULL,
  description TEXT NOT NULL,
  price BIGINT NOT NULL,
  popularity BIGINT NOT NULL,
  in_stock BOOLEAN NOT NULL,
  document tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('english', title), 'A') ||
    setweight(to_tsvector('english', brand), 'B') ||
    setweight(to_tsvector('english', translate(category_path, '-/', '  ')), 'C') ||
    setweight(to_tsvector('english', description), 'D')) STORED
))";

constexpr std::string_view kInsert =
    "INSERT INTO products (id, title, brand, category_path, description, price, popularity, "
    "in_stock) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";

// The best first, as ts_rank orders them.
constexpr std::string_view kTop =
    "SELECT id, title, brand, category_path, price, in_stock, ts_rank(document, query) AS rank "
    "FROM products, websearch_to_tsquery('english', $1) AS query WHERE document @@ query "
    "ORDER BY rank DESC, id LIMIT $2";

// Every facet in one scan of the matches.
constexpr std::string_view kFacets =
    "SELECT brand, split_part(category_path, '/', 1), "
    "width_bucket(price, ARRAY[1000, 2500, 5000, 10000, 25000, 50000, 100000]::bigint[]), "
    "count(*) FROM products, websearch_to_tsquery('english', $1) AS query "
    "WHERE document @@ query GROUP BY GROUPING SETS ((1), (2), (3))";

std::string text(const boost::json::object& object, std::string_view key) {
  return std::string(object.at(key).as_string());
}

}  // namespace

double load_postgres(platform::db::Database& database, const std::filesystem::path& products) {
  const auto started = std::chrono::steady_clock::now();
  database.write([&](platform::db::Session& session) { session.execute_script(kSchema); });
  std::ifstream in(products);
  std::string line;
  std::vector<boost::json::object> batch;
  auto flush = [&] {
    database.write([&](platform::db::Session& session) {
      for (const auto& product : batch) {
        session.run(kInsert, text(product, "id"), text(product, "title"), text(product, "brand"),
                    text(product, "category_path"), text(product, "description"),
                    product.at("price").at("amount").as_int64(),
                    product.at("popularity").as_int64(),
                    product.at("stock").at("available").as_int64() > 0);
      }
    });
    batch.clear();
  };
  while (std::getline(in, line)) {
    batch.push_back(boost::json::parse(line).as_object());
    if (batch.size() == 1000) flush();
  }
  flush();
  database.write([&](platform::db::Session& session) {
    session.execute_script(
        "CREATE INDEX products_document ON products USING GIN (document); ANALYZE products");
  });
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

std::int64_t postgres_size(platform::db::Database& database) {
  return database.read([](platform::db::Session& session) {
    return session.run("SELECT pg_total_relation_size('products')").front().get<std::int64_t>(0);
  });
}

platform::http::Router postgres_search_routes(platform::db::Database& database) {
  platform::http::Router router;
  router.get(
      "/v1/search",
      [&database](platform::http::Request& request) {
        const std::string query(request.query_parameter("q").value_or(""));
        const auto limit = platform::http::integer_parameter(request, "limit", 1, 100).value_or(20);
        boost::json::object body{{"query", query}};
        database.read([&](platform::db::Session& session) {
          boost::json::array items;
          for (const auto& row : session.run(kTop, query, limit)) {
            items.push_back({{"id", row.get<std::string>(0)},
                             {"title", row.get<std::string>(1)},
                             {"brand", row.get<std::string>(2)},
                             {"category_path", row.get<std::string>(3)},
                             {"price", row.get<std::int64_t>(4)},
                             {"in_stock", row.get<bool>(5)},
                             {"score", row.get<double>(6)}});
          }
          boost::json::array brands, categories, prices;
          std::int64_t total = 0;
          for (const auto& row : session.run(kFacets, query)) {
            const auto count = row.get<std::int64_t>(3);
            if (const auto brand = row.get<std::optional<std::string>>(0)) {
              brands.push_back({{"value", *brand}, {"count", count}});
            } else if (const auto category = row.get<std::optional<std::string>>(1)) {
              categories.push_back({{"value", *category}, {"count", count}});
              total += count;
            } else if (const auto bucket = row.get<std::optional<std::int64_t>>(2)) {
              prices.push_back({{"bucket", *bucket}, {"count", count}});
            }
          }
          body["total"] = total;
          body["items"] = std::move(items);
          body["facets"] = {{"brand", std::move(brands)},
                            {"category", std::move(categories)},
                            {"price", std::move(prices)}};
        });
        return platform::http::json_response(200, body);
      },
      platform::http::public_route());
  return router;
}

}  // namespace search::bench
