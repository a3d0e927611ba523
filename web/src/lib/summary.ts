import type { Product, ProductSummary } from "../api/types";

// A catalog product in the shape search answers with, so that one card
// shows both.
export function summaryOf(product: Product): ProductSummary {
  return {
    id: product.id,
    sku: product.sku,
    slug: product.slug,
    title: product.title,
    brand: product.brand,
    category_path: product.category_path,
    price: product.price,
    image_ids: product.image_ids,
    in_stock: product.stock.in_stock,
    popularity: product.popularity,
  };
}
