#include "demo_pictures.h"

#include "demo/demo_picture.h"

int picture_demo_products(catalog::CatalogStore& catalog, images::ImagesService& images, int size,
                          std::stop_token stop) {
  int pictured = 0;
  catalog::ProductQuery query;
  query.statuses = {catalog::ProductStatus::draft, catalog::ProductStatus::active,
                    catalog::ProductStatus::archived};
  query.limit = 100;
  while (true) {
    const auto page = catalog.list_products(query);
    for (const auto& product : page.items) {
      if (stop.stop_requested()) return pictured;
      if (!product.image_ids.empty()) continue;
      const auto upload = images.upload(images::draw_demo_picture(product.sku, size, size), "demo");
      catalog::ProductChanges changes;
      changes.image_ids = std::vector<std::string>{upload.record.id};
      catalog.update_product(product.id, changes, std::nullopt);
      ++pictured;
    }
    if (!page.next_cursor) return pictured;
    query.after = catalog::decode_cursor(*page.next_cursor);
  }
}
