import { query, request } from "./http";
import type { Recommendations } from "./types";

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
