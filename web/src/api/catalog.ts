import { query, request } from "./http";
import type { Category, Product, ProductPage } from "./types";

const base = "/catalog/v1";

export function listCategories(signal?: AbortSignal): Promise<{ items: Category[] }> {
  return request(`${base}/categories`, { signal });
}

export interface ProductFilter {
  ids?: string[];
  category?: string;
  sort?: "newest" | "price_asc" | "price_desc" | "title" | "popularity";
  in_stock?: boolean;
  status?: "draft" | "active" | "archived" | "any";
  limit?: number;
  cursor?: string;
}

export function listProducts(filter: ProductFilter, signal?: AbortSignal): Promise<ProductPage> {
  const { ids, ...rest } = filter;
  return request(`${base}/products${query({ ...rest, ids: ids?.join(",") })}`, { signal });
}

export function productBySlug(slug: string, signal?: AbortSignal): Promise<Product> {
  return request(`${base}/products/by-slug/${encodeURIComponent(slug)}`, { signal });
}

// Products in the order of `ids` (the catalog answers in its own order and
// leaves out what it does not sell).
export async function productsInOrder(ids: string[], signal?: AbortSignal): Promise<Product[]> {
  if (ids.length === 0) return [];
  const page = await listProducts({ ids }, signal);
  const byId = new Map(page.items.map((product) => [product.id, product]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
