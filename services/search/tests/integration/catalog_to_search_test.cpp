// The catalog and the search service side by side, as in either mode: on
// SQLite and the in-process bus, or on PostgreSQL and NATS JetStream. What
// changes in the catalog shows in search through its events; a reindex
// reads the catalog over HTTP while searches go on.
#include <atomic>
#include <thread>

#include "catalog_service.h"
#include "platform/ids.h"
#include "platform/testing/buses.h"
#include "platform/testing/databases.h"
#include "platform/testing/hosted_service.h"
#include "search_fixture.h"
#include "search_settings.h"

namespace search::testing {
namespace {

using platform::testing::DatabaseBackend;

class CatalogToSearch : public ::testing::TestWithParam<DatabaseBackend>,
                        protected platform::testing::ApiCalls {
 protected:
  void SetUp() override {
    catalog_.database = platform::testing::open_fresh_database(GetParam());
    if (!catalog_.database) GTEST_SKIP() << "backend not configured";
    if (GetParam() == DatabaseBackend::postgres) {
      SHOP_REQUIRE_BACKEND(platform::testing::nats_url(), "NATS (SHOP_TEST_NATS_URL)");
    }
    catalog::CatalogService::migrate(catalog_.database->database());
    bus_ = platform::testing::open_test_bus(GetParam(), "search-test");
    catalog_.service = std::make_unique<catalog::CatalogService>(
        catalog_.database->database(), *bus_, catalog_registry_, issuer_.verifier());
    catalog_.serve("catalog-test", catalog_registry_);
    catalog_api_.set_base_url(catalog_.url());
    catalog_api_.acting_as(issuer_.admin_token());
    // Another test's products may share the NATS stream: every product of
    // this one carries a word of its own.
    word_ = "w" + platform::random_hex(5);
    ASSERT_EQ(catalog_api_.post("/v1/categories", {{"slug", "home"}, {"name", "Home"}}).status,
              201);
    ASSERT_EQ(catalog_api_
                  .post("/v1/categories",
                        {{"slug", "lighting"}, {"name", "Lighting"}, {"parent", "home"}})
                  .status,
              201);
  }

  void TearDown() override {
    search_.reset();
    catalog_.stop();
    bus_.reset();
  }

  struct SearchReplica {
    platform::testing::TemporaryDirectory directory;
    platform::metrics::Registry registry;
    platform::http::Client catalog_client;
    std::unique_ptr<SearchService> service;
    std::unique_ptr<platform::http::Server> server;
    ~SearchReplica() {
      if (server) server->stop(std::chrono::seconds(2));
      server.reset();
      service.reset();
    }
  };

  // A search replica with an index of its own, reading the catalog (at
  // `catalog_url`, the fixture's catalog by default), in `index` with the
  // consumer `consumer` when given (a restart), fresh ones otherwise.
  std::unique_ptr<SearchReplica> start_search(const std::string& catalog_url = {},
                                              const std::filesystem::path& index = {},
                                              const std::string& consumer = {}) {
    auto replica = std::make_unique<SearchReplica>();
    SearchServiceOptions options;
    options.index_directory = index.empty() ? replica->directory.path() / "index" : index;
    options.consumer_name = consumer.empty() ? "search-test-" + platform::random_hex(4) : consumer;
    options.catalog_url = catalog_url.empty() ? catalog_.url() : catalog_url;
    options.maintenance_interval = std::chrono::milliseconds(50);
    options.search.relax_below = 1;  // totals of exactly this test's products
    options.cache_ttl = std::chrono::milliseconds(0);
    replica->service = std::make_unique<SearchService>(
        *bus_, replica->registry, issuer_.verifier(),
        std::make_shared<const Synonyms>(Synonyms::from_json(default_synonyms().front().content)),
        options, replica->catalog_client);
    platform::http::ServerOptions server_options;
    server_options.service = "search-test";
    server_options.access_log = false;
    replica->server = std::make_unique<platform::http::Server>(
        server_options, replica->service->routes(), replica->registry);
    replica->server->start();
    return replica;
  }

  void use(SearchReplica& replica) {
    api_.set_base_url("http://127.0.0.1:" + std::to_string(replica.server->port()));
  }

  // Creates a product in the catalog; returns its id.
  std::string create(const std::string& title, std::int64_t stock = 5) {
    const auto reply =
        catalog_api_.post("/v1/products", {{"sku", "S-" + platform::random_hex(6)},
                                           {"slug", "s-" + platform::random_hex(6)},
                                           {"title", title + " " + word_},
                                           {"brand", "Lumen"},
                                           {"category", "lighting"},
                                           {"description", "Light for reading."},
                                           {"price", {{"amount", 4900}, {"currency", "EUR"}}},
                                           {"stock", {{"on_hand", stock}}}});
    EXPECT_EQ(reply.status, 201) << boost::json::serialize(reply.body);
    return reply.status == 201 ? std::string(reply.body.at("id").as_string()) : std::string();
  }

  // Imports `count` products in one call.
  void import(int count, const std::string& title) {
    std::string lines;
    for (int i = 0; i < count; ++i) {
      lines += boost::json::serialize(
                   boost::json::object{{"sku", "I-" + word_ + "-" + std::to_string(i)},
                                       {"title", title + " " + std::to_string(i) + " " + word_},
                                       {"brand", "Lumen"},
                                       {"category", "lighting"},
                                       {"price", {{"amount", 1000 + i}, {"currency", "EUR"}}},
                                       {"stock", {{"on_hand", 3}}}}) +
               "\n";
    }
    const auto reply = catalog_api_.call(platform::http::Method::post, "/v1/products/import", lines,
                                         "application/x-ndjson");
    ASSERT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
  }

  // This test's products matching `words` (besides the test's own word).
  boost::json::object found(const std::string& words = "") {
    const auto reply = get("/v1/search?facets=false&limit=100&q=" + word_ + "%20" + words);
    EXPECT_EQ(reply.status, 200) << boost::json::serialize(reply.body);
    return reply.status == 200 ? reply.body.as_object() : boost::json::object{};
  }
  // 0 when no product has every word (the answer is then relaxed).
  std::int64_t total(const std::string& words = "") {
    const auto body = found(words);
    if (!body.contains("total")) return -1;
    return body.at("relaxed") == true ? 0 : body.at("total").as_int64();
  }

  platform::testing::TestIssuer issuer_;
  platform::metrics::Registry catalog_registry_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  platform::testing::HostedService<catalog::CatalogService> catalog_;
  platform::testing::ApiClient catalog_api_;
  std::unique_ptr<SearchReplica> search_;
  std::string word_;
};

TEST_P(CatalogToSearch, ProductsCreatedChangedAndDeletedInTheCatalogShowInSearch) {
  search_ = start_search();
  use(*search_);
  ASSERT_TRUE(eventually([&] { return get("/readyz").status == 200; }));

  const auto id = create("Brass Reading Lamp");
  ASSERT_TRUE(eventually([&] { return total() == 1; }));
  auto item = found().at("items").at(0);
  EXPECT_EQ(item.at("id").as_string(), id);
  EXPECT_EQ(item.at("title").as_string(), "Brass Reading Lamp " + word_);
  EXPECT_EQ(item.at("in_stock"), true);
  EXPECT_EQ(item.at("price").at("amount"), 4900);

  ASSERT_EQ(catalog_api_
                .patch("/v1/products/" + id, {{"title", "Copper Reading Lamp " + word_},
                                              {"price", {{"amount", 5900}, {"currency", "EUR"}}}})
                .status,
            200);
  ASSERT_TRUE(eventually([&] { return total("copper") == 1; }));
  EXPECT_EQ(total("brass%20"), 0) << "the old title is gone";
  EXPECT_EQ(found("copper").at("items").at(0).at("price").at("amount"), 5900);

  ASSERT_EQ(
      catalog_api_.post("/v1/products/" + id + "/inventory/adjustments", {{"delta", -5}}).status,
      200);
  ASSERT_TRUE(eventually([&] { return found().at("items").at(0).at("in_stock") == false; }));
  EXPECT_EQ(get("/v1/search?in_stock=true&q=" + word_).body.at("total"), 0);

  ASSERT_EQ(catalog_api_.remove("/v1/products/" + id).status, 204);
  ASSERT_TRUE(eventually([&] { return total() == 0; }));
}

TEST_P(CatalogToSearch, ANewReplicaBuildsItsIndexFromTheCatalogBeforeItIsReady) {
  import(120, "Walnut Lamp");
  search_ = start_search();
  use(*search_);
  ASSERT_TRUE(eventually([&] { return get("/readyz").status == 200; }));
  EXPECT_EQ(total(), 120) << "ready means the snapshot is in";
  acting_as(issuer_.admin_token());
  const auto index = get("/v1/search/index");
  ASSERT_EQ(index.status, 200);
  EXPECT_EQ(index.body.at("reindex").at("state"), "succeeded");
  EXPECT_EQ(index.body.at("generation"), 2) << "the empty first generation was replaced";
  acting_as("");

  create("Oak Lamp");  // and the events from then on
  ASSERT_TRUE(eventually([&] { return total() == 121; }));
}

TEST_P(CatalogToSearch, AReindexServesWithoutAPauseAndMissesNothing) {
  import(300, "Brass Lamp");
  search_ = start_search();
  use(*search_);
  ASSERT_TRUE(eventually([&] { return get("/readyz").status == 200 && total() == 300; }));
  const auto doomed = std::string(found().at("items").at(0).at("id").as_string());
  const auto before_deletion = catalog_api_.get("/v1/products/" + doomed).body;
  ASSERT_EQ(catalog_api_.remove("/v1/products/" + doomed).status, 204);
  ASSERT_TRUE(eventually([&] { return total() == 299; }));

  // Searches run all through the reindex; none may fail or come up short.
  std::atomic<bool> stop{false};
  std::atomic<int> searches{0};
  std::atomic<int> failures{0};
  std::atomic<int> short_answers{0};
  std::thread searcher([&] {
    platform::testing::ApiClient client("http://127.0.0.1:" +
                                        std::to_string(search_->server->port()));
    while (!stop) {
      const auto reply = client.get("/v1/search?facets=false&limit=1&q=" + word_);
      ++searches;
      if (reply.status != 200) {
        ++failures;
      } else if (reply.body.at("total").as_int64() < 299) {
        ++short_answers;
      }
    }
  });

  acting_as(issuer_.admin_token());
  const auto started = post("/v1/search/reindex", boost::json::object{});
  ASSERT_EQ(started.status, 202) << boost::json::serialize(started.body);
  EXPECT_EQ(started.headers.get("Location"), "/v1/search/index");
  // Changes while it runs reach the new index too.
  std::vector<std::string> added;
  for (int i = 0; i < 5; ++i) added.push_back(create("Iron Lamp"));
  ASSERT_TRUE(eventually([&] {
    const auto index = get("/v1/search/index");
    return index.status == 200 && index.body.at("reindex").at("state") == "succeeded";
  }));
  acting_as("");
  ASSERT_TRUE(eventually([&] { return total() == 304; }));
  ASSERT_TRUE(eventually([&] { return searches > 50; }));
  stop = true;
  searcher.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(short_answers, 0) << "of " << searches << " searches";
  EXPECT_EQ(total("iron"), 5);

  // A late event about the product deleted before the reindex does not
  // bring it back in the new index.
  bus_->publish(platform::bus::make_event("catalog.product.upserted",
                                          boost::json::serialize(before_deletion)));
  const auto marker = create("Marker Lamp");  // after the late event on the stream
  ASSERT_TRUE(eventually([&] { return total("marker") == 1; }));
  EXPECT_EQ(total(), 305);
  const auto everything = found();
  for (const auto& item : everything.at("items").as_array()) {
    EXPECT_NE(item.at("id").as_string(), doomed);
  }
}

// A snapshot that never finished is taken again after a restart, though
// the index is no longer empty (events arrived meanwhile) and the consumer
// now exists.
TEST_P(CatalogToSearch, AnInterruptedSnapshotIsTakenAgainAfterARestart) {
  import(40, "Walnut Lamp");
  platform::testing::TemporaryDirectory kept;
  const auto index = kept.path() / "index";
  const auto consumer = "search-test-" + platform::random_hex(4);
  const std::string unreachable = "http://127.0.0.1:1";
  search_ = start_search(unreachable, index, consumer);
  use(*search_);
  create("Oak Lamp");  // an event the new consumer sees
  ASSERT_TRUE(eventually([&] { return total("oak") == 1; }));
  EXPECT_EQ(get("/readyz").status, 503) << "the snapshot cannot be read";
  search_.reset();

  search_ = start_search(unreachable, index, consumer);
  use(*search_);
  EXPECT_EQ(get("/readyz").status, 503) << "still owed a snapshot";
  search_.reset();

  search_ = start_search({}, index, consumer);
  use(*search_);
  ASSERT_TRUE(eventually([&] { return get("/readyz").status == 200; }));
  EXPECT_EQ(total(), 41);
}

INSTANTIATE_TEST_SUITE_P(BothModes, CatalogToSearch,
                         ::testing::Values(DatabaseBackend::sqlite, DatabaseBackend::postgres),
                         platform::testing::mode_name);

}  // namespace
}  // namespace search::testing
