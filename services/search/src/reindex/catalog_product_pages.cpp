#include <boost/json.hpp>

#include "events/catalog_documents.h"
#include "platform/error.h"
#include "platform/http/form.h"
#include "platform/http/problem.h"
#include "platform/log.h"
#include "reindex/product_source.h"

namespace search {
namespace {

// The catalog's largest page.
constexpr int kPageSize = 100;

[[noreturn]] void unavailable(const std::string& why) {
  throw platform::unavailable("catalog-unavailable", "cannot read the catalog's products: " + why);
}

}  // namespace

CatalogProductPages::CatalogProductPages(std::string catalog_url, platform::http::Client& client,
                                         std::chrono::milliseconds timeout)
    : catalog_url_(std::move(catalog_url)), client_(client), timeout_(timeout) {}

ProductPage CatalogProductPages::page(const std::optional<std::string>& cursor) {
  platform::http::ClientRequest request;
  request.url =
      catalog_url_ + "/v1/products?status=any&sort=newest&limit=" + std::to_string(kPageSize);
  if (cursor) request.url += "&cursor=" + platform::http::form_encode(*cursor);
  request.deadline = std::chrono::steady_clock::now() + timeout_;
  const auto response = client_.send(std::move(request));
  if (response.status != 200) {
    unavailable("status " + std::to_string(response.status) + " " +
                platform::http::read_problem(response).detail);
  }
  ProductPage page;
  try {
    const auto body = boost::json::parse(response.body).as_object();
    for (const auto& item : body.at("items").as_array()) {
      // A product this index cannot read is left out, as its event would
      // be: one such product must not keep the others out.
      try {
        page.products.push_back(product_from_catalog(item.as_object()));
      } catch (const platform::Error& error) {
        if (error.kind() != platform::ErrorKind::invalid_argument) throw;
        platform::log::warn("reindex left out a product it cannot read",
                            {{"field", error.field()}, {"error", error.what()}});
      }
    }
    if (const auto& next = body.at("next_cursor"); next.is_string()) {
      page.next_cursor = std::string(next.as_string());
    }
  } catch (const platform::Error& error) {
    unavailable(std::string("a product it cannot read: ") + error.what());
  } catch (const std::exception& error) {
    unavailable(std::string("an unreadable page: ") + error.what());
  }
  return page;
}

}  // namespace search
