import { productsInOrder } from "./catalog";
import { query, request } from "./http";
import type { Product, Recommendations } from "./types";

const base = "/recommendations/v1/recommendations";

export function popular(limit: number, signal?: AbortSignal): Promise<Recommendations> {
  return request(`${base}/popular${query({ limit })}`, { signal });
}

export function similarTo(productId: string, limit: number, signal?: AbortSignal): Promise<Recommendations> {
  return request(`${base}/products/${encodeURIComponent(productId)}/similar${query({ limit })}`, {
    signal,
  });
}

export function forCustomer(customerId: string, limit: number, signal?: AbortSignal): Promise<Recommendations> {
  return request(`${base}/users/${encodeURIComponent(customerId)}${query({ limit })}`, { signal });
}

// The products of an answer, in its order (the catalog's view of them:
// what it no longer sells is left out).
export function productsOf(answer: Recommendations, signal?: AbortSignal): Promise<Product[]> {
  return productsInOrder(
    answer.items.map((item) => item.product_id),
    signal,
  );
}
