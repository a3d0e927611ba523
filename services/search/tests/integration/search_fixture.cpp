#include "search_fixture.h"

#include "platform/bus/event.h"
#include "platform/bus/in_process_bus.h"
#include "platform/ids.h"
#include "search_settings.h"

namespace search::testing {

boost::json::object CatalogProduct::to_json() const {
  const auto slug = "p-" + id.substr(id.size() - 12);
  return {{"id", id},
          {"sku", "SKU-" + id.substr(id.size() - 12)},
          {"slug", slug},
          {"title", title},
          {"description", description},
          {"brand", brand},
          {"category_id", "0192d3c4-0000-7000-8000-0000000000c1"},
          {"category_path", category_path},
          {"attributes", boost::json::object{}},
          {"price", {{"amount", price}, {"currency", "EUR"}}},
          {"image_ids", boost::json::array{"img-1"}},
          {"status", status},
          {"popularity", popularity},
          {"tax_category", "standard"},
          {"weight_grams", 200},
          {"stock",
           {{"on_hand", available},
            {"reserved", 0},
            {"available", available},
            {"in_stock", available > 0},
            {"version", stock_version}}},
          {"version", version},
          {"created_at", created_at},
          {"updated_at", created_at}};
}

void SearchTest::SetUp() {
  bus_ = std::make_unique<platform::bus::InProcessBus>();
  consumer_ = "search-test-" + platform::random_hex(4);
  start();
}

void SearchTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  bus_.reset();
}

std::shared_ptr<const Synonyms> SearchTest::synonyms() const {
  return std::make_shared<const Synonyms>(Synonyms::from_json(default_synonyms().front().content));
}

void SearchTest::configure(SearchServiceOptions& options) const {
  options.search.relax_below = 1;
  options.cache_ttl = std::chrono::milliseconds(0);  // every answer from the index
}

void SearchTest::start() {
  registry_ = std::make_unique<platform::metrics::Registry>();
  SearchServiceOptions options;
  configure(options);
  options.index_directory = directory_.path() / "index";
  options.consumer_name = consumer_;
  options.maintenance_interval = std::chrono::milliseconds(20);
  service_ = std::make_unique<SearchService>(*bus_, *registry_, issuer_.verifier(), synonyms(),
                                             options, catalog_client_);
  platform::http::ServerOptions server_options;
  server_options.service = "search-test";
  server_options.access_log = false;
  server_ =
      std::make_unique<platform::http::Server>(server_options, service_->routes(), *registry_);
  server_->start();
  api_.set_base_url("http://127.0.0.1:" + std::to_string(server_->port()));
}

void SearchTest::restart() {
  server_->stop(std::chrono::seconds(2));
  server_.reset();
  service_.reset();
  restart_without_stopping();
}

void SearchTest::restart_without_stopping() {
  published_ = 0;  // a new registry counts from nothing
  start();
}

std::string SearchTest::publish(CatalogProduct& product) {
  if (product.id.empty()) product.id = platform::new_uuid_v7();
  publish_event("catalog.product.upserted", product.to_json());
  return product.id;
}

void SearchTest::publish_event(const std::string& subject, const boost::json::object& data) {
  bus_->publish(platform::bus::make_event(subject, boost::json::serialize(data)));
  ++published_;
}

void SearchTest::publish_stock(const std::string& product_id, std::int64_t available,
                               std::int64_t version) {
  publish_event("catalog.stock.changed", {{"product_id", product_id},
                                          {"on_hand", available},
                                          {"reserved", 0},
                                          {"available", available},
                                          {"in_stock", available > 0},
                                          {"version", version}});
}

void SearchTest::publish_deletion(const std::string& product_id) {
  publish_event("catalog.product.deleted", {{"id", product_id}, {"sku", "SKU"}});
}

std::uint64_t SearchTest::events_counted(const std::string& outcome) const {
  const auto text = registry_->render();
  std::uint64_t total = 0;
  for (std::size_t at = text.find("search_events_total{"); at != std::string::npos;
       at = text.find("search_events_total{", at + 1)) {
    const auto end = text.find('\n', at);
    const auto line = text.substr(at, end - at);
    if (!outcome.empty() && line.find("outcome=\"" + outcome + "\"") == std::string::npos) continue;
    total += std::stoull(line.substr(line.rfind(' ') + 1));
  }
  return total;
}

void SearchTest::settle() {
  ASSERT_TRUE(eventually([&] { return events_counted("") >= published_; }))
      << events_counted("") << " of " << published_ << " events handled";
  // Searches read the lexicon the maintenance task rebuilds.
  const auto revision = service_->index().revision();
  ASSERT_TRUE(eventually([&] {
    service_->lexicon().refresh();
    return service_->index().revision() == revision;
  }));
}

boost::json::object SearchTest::search(const std::string& query) {
  const auto reply = get("/v1/search?" + query);
  EXPECT_EQ(reply.status, 200) << query << ": " << boost::json::serialize(reply.body);
  if (reply.status != 200 || !reply.body.is_object()) return {};
  return reply.body.as_object();
}

std::vector<std::string> SearchTest::titles(const std::string& query) {
  std::vector<std::string> found;
  const auto body = search(query);
  if (!body.contains("items")) return found;
  for (const auto& item : body.at("items").as_array()) {
    found.emplace_back(item.at("title").as_string());
  }
  return found;
}

}  // namespace search::testing
