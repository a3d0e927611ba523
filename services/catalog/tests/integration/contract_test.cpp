#include <algorithm>
#include <mutex>
#include <set>
#include <thread>

#include "catalog_fixture.h"
#include "platform/ids.h"
#include "platform/testing/openapi.h"

namespace catalog::testing {
namespace {

class Contract : public CatalogTest {};

TEST_P(Contract, EveryRouteIsDocumentedWithItsAccess) {
  platform::testing::expect_router_matches_document(service_->routes(),
                                                    openapi_document().front().content);
}

TEST_P(Contract, ServesItsDocumentAndOperationalRoutes) {
  platform::testing::expect_operational_routes(url(""));
}

// The names under `properties:` of one schema in components/schemas, read
// from the document's fixed layout: schemas at four spaces, their
// properties at eight.
std::set<std::string> schema_properties(std::string_view yaml, const std::string& schema) {
  std::set<std::string> names;
  const auto start = yaml.find("\n    " + schema + ":\n");
  if (start == std::string_view::npos) return names;
  bool in_properties = false;
  std::size_t at = yaml.find('\n', start + 1) + 1;
  while (at < yaml.size()) {
    const auto end = std::min(yaml.find('\n', at), yaml.size());
    const auto line = yaml.substr(at, end - at);
    at = end + 1;
    if (line.size() <= 6 || !line.starts_with("      ")) break;  // the next schema
    if (line[6] != ' ') {
      in_properties = line == "      properties:";
    } else if (in_properties && line.size() > 8 && line.starts_with("        ") && line[8] != ' ') {
      names.insert(std::string(line.substr(8, line.find(':') - 8)));
    }
  }
  return names;
}

TEST_P(Contract, DocumentsEveryMemberOfTheProduct) {
  const auto yaml = openapi_document().front().content;
  create_categories();
  const auto product = get("/v1/products/" + create_product("DOC-1", 100, 1));
  ASSERT_EQ(product.status, 200);
  std::set<std::string> members;
  for (const auto& [key, value] : product.body.as_object()) members.insert(std::string(key));
  EXPECT_EQ(schema_properties(yaml, "Product"), members);

  // What a client may write, minus what only a create takes.
  auto writable = schema_properties(yaml, "ProductCreate");
  EXPECT_TRUE(writable.contains("tax_category") && writable.contains("weight_grams"));
  writable.erase("stock");
  EXPECT_EQ(schema_properties(yaml, "ProductPatch"), writable);
}

TEST_P(Contract, PublishesEventsThroughTheOutbox) {
  std::mutex mutex;
  std::vector<platform::bus::Event> received;
  auto subscription = bus_->subscribe(
      {.durable_name = "contract-" + platform::random_hex(4), .subject_filter = "catalog.>"},
      [&](const platform::bus::Event& event) {
        std::lock_guard lock(mutex);
        received.push_back(event);
      });
  create_categories();
  const auto id = create_product("EV-1", 100, 3);
  ASSERT_EQ(post("/v1/products/" + id + "/inventory/adjustments", {{"delta", 2}}).status, 200);
  ASSERT_EQ(call(platform::http::Method::delete_, "/v1/products/" + id).status, 204);

  // The NATS stream is shared by every test that ran on that server: keep
  // only the events about this test's product.
  auto about_this_product = [&] {
    std::lock_guard lock(mutex);
    std::vector<platform::bus::Event> mine;
    for (const auto& event : received) {
      const auto data = boost::json::parse(event.data).as_object();
      const auto* subject_id =
          data.if_contains(event.subject == "catalog.stock.changed" ? "product_id" : "id");
      if (subject_id != nullptr && subject_id->as_string() == id) mine.push_back(event);
    }
    return mine;
  };
  for (int i = 0; i < 500 && about_this_product().size() < 4; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto events = about_this_product();
  std::vector<std::string> subjects;
  for (const auto& event : events) subjects.push_back(event.subject);
  EXPECT_EQ(subjects,
            (std::vector<std::string>{"catalog.product.upserted", "catalog.stock.changed",
                                      "catalog.stock.changed", "catalog.product.deleted"}));
  ASSERT_EQ(events.size(), 4u);
  EXPECT_EQ(boost::json::parse(events[0].data).at("sku").as_string(), "EV-1");
  // The event carries the product document, the cart's pricing inputs included.
  EXPECT_EQ(boost::json::parse(events[0].data).at("tax_category").as_string(), "standard");
  EXPECT_EQ(boost::json::parse(events[0].data).at("weight_grams").as_int64(), 0);
  EXPECT_EQ(boost::json::parse(events[2].data).at("on_hand").as_int64(), 5);
}

INSTANTIATE_TEST_SUITE_P(Backends, Contract,
                         ::testing::ValuesIn(platform::testing::database_backends()), mode_name);

}  // namespace
}  // namespace catalog::testing
