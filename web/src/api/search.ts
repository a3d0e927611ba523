import { query, request } from "./http";
import type { SearchResult, Suggestions } from "./types";

const base = "/search/v1/search";

export type SearchSort = "relevance" | "price_asc" | "price_desc" | "popularity" | "newest";

export interface SearchRequest {
  q?: string;
  category?: string;
  brand?: string[];
  min_price?: number;
  max_price?: number;
  in_stock?: boolean;
  sort?: SearchSort;
  limit?: number;
  cursor?: string;
}

export function search(parameters: SearchRequest, signal?: AbortSignal): Promise<SearchResult> {
  return request(base + query({ ...parameters }), { signal });
}

export function suggest(q: string, signal?: AbortSignal): Promise<Suggestions> {
  return request(`${base}/suggest${query({ q, limit: 6 })}`, { signal });
}
