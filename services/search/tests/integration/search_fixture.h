#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "platform/bus/event_bus.h"
#include "platform/http/client.h"
#include "platform/http/server.h"
#include "platform/testing/api_client.h"
#include "platform/testing/environment.h"
#include "platform/testing/tokens.h"
#include "search_service.h"

namespace search::testing {

using platform::testing::eventually;
using platform::testing::expect_problem;
using platform::testing::Reply;

// A product as the catalog's documents show it (its openapi.yaml: Product).
struct CatalogProduct {
  std::string id{};  // a fresh UUIDv7 unless set
  std::string title{};
  std::string brand{};
  std::string category_path = "phones/cases";
  std::string description{};
  std::int64_t price = 1999;
  std::int64_t popularity = 0;
  std::int64_t available = 10;
  std::int64_t version = 1;
  std::int64_t stock_version = 1;
  std::string status = "active";
  std::string created_at = "2026-11-01T10:00:00Z";

  boost::json::object to_json() const;
};

// A real search service over real HTTP, fed by catalog events published on
// the in-process bus as the catalog would publish them (the catalog itself
// takes part in catalog_events_test.cpp). Its index lives in a temporary
// folder; restart() keeps it.
class SearchTest : public ::testing::Test, protected platform::testing::ApiCalls {
 protected:
  void SetUp() override;
  void TearDown() override;

  // The synonyms the service is started with (the demo shop's by default).
  virtual std::shared_ptr<const Synonyms> synonyms() const;
  // The service's options, before it starts. By default a search relaxes
  // only when no product has every word, so that the few products of a
  // test give exact totals (RelaxedSearching tests the shop's setting), and
  // answers are not cached (CachedAnswers tests that).
  virtual void configure(SearchServiceOptions& options) const;

  void start();
  void restart();
  // Starts the service again after a test stopped it (the index kept).
  void restart_without_stopping();

  // Publishes catalog.product.upserted; returns the product's id.
  std::string publish(CatalogProduct& product);
  void publish_event(const std::string& subject, const boost::json::object& data);
  void publish_stock(const std::string& product_id, std::int64_t available, std::int64_t version);
  void publish_deletion(const std::string& product_id);
  // Waits until the service has handled every event published so far.
  void settle();
  std::uint64_t events_counted(const std::string& outcome) const;

  // GET /v1/search?<query>; fails the test unless it answers 200.
  boost::json::object search(const std::string& query);
  // The titles of a search's items, in order.
  std::vector<std::string> titles(const std::string& query);

  platform::testing::TemporaryDirectory directory_;
  platform::testing::TestIssuer issuer_;
  std::unique_ptr<platform::bus::EventBus> bus_;
  std::unique_ptr<platform::metrics::Registry> registry_;
  platform::http::Client catalog_client_;
  std::unique_ptr<SearchService> service_;
  std::unique_ptr<platform::http::Server> server_;
  std::string consumer_;
  std::uint64_t published_ = 0;
};

}  // namespace search::testing
