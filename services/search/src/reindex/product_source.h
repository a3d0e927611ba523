#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "domain/indexed_product.h"
#include "platform/http/client.h"

namespace search {

struct ProductPage {
  std::vector<IndexedProduct> products;
  std::optional<std::string> next_cursor;
};

// Where a reindex reads every product from, page by page.
class ProductSource {
 public:
  virtual ~ProductSource() = default;
  // The page after `cursor` (the first without one). Throws
  // platform::Error(unavailable) when the products cannot be read.
  virtual ProductPage page(const std::optional<std::string>& cursor) = 0;
};

// The catalog's product list over HTTP, every status (drafts and archived
// products are indexed too, unsearchable, so that their versions are known).
class CatalogProductPages final : public ProductSource {
 public:
  CatalogProductPages(std::string catalog_url, platform::http::Client& client,
                      std::chrono::milliseconds timeout = std::chrono::seconds(10));
  ProductPage page(const std::optional<std::string>& cursor) override;

 private:
  std::string catalog_url_;
  platform::http::Client& client_;
  std::chrono::milliseconds timeout_;
};

}  // namespace search
