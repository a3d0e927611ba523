import type { SearchRequest, SearchSort } from "../api/search";

// What a listing page shows, read from and written to its URL so that a
// search or a filtered category can be bookmarked, shared and gone back to.
export interface ListingFilters {
  q: string;
  category: string;
  brands: string[];
  minPrice?: number;
  maxPrice?: number;
  inStock: boolean;
  sort: SearchSort;
}

const sorts: readonly SearchSort[] = ["relevance", "price_asc", "price_desc", "popularity", "newest"];

function wholeNumber(text: string | null): number | undefined {
  if (text === null || !/^\d{1,12}$/.test(text)) return undefined;
  return Number(text);
}

export function readFilters(params: URLSearchParams, category = ""): ListingFilters {
  const sort = params.get("sort") as SearchSort | null;
  return {
    q: (params.get("q") ?? "").slice(0, 200),
    category,
    brands: params.getAll("brand").slice(0, 20),
    minPrice: wholeNumber(params.get("min_price")),
    maxPrice: wholeNumber(params.get("max_price")),
    inStock: params.get("in_stock") === "true",
    sort: sort && sorts.includes(sort) ? sort : "relevance",
  };
}

// The page's URL parameters (the category is in the path, not here).
export function writeFilters(filters: ListingFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set("q", filters.q);
  for (const brand of filters.brands) params.append("brand", brand);
  if (filters.minPrice !== undefined) params.set("min_price", String(filters.minPrice));
  if (filters.maxPrice !== undefined) params.set("max_price", String(filters.maxPrice));
  if (filters.inStock) params.set("in_stock", "true");
  if (filters.sort !== "relevance") params.set("sort", filters.sort);
  return params;
}

export function searchRequest(filters: ListingFilters, cursor?: string): SearchRequest {
  return {
    q: filters.q || undefined,
    category: filters.category || undefined,
    brand: filters.brands.length ? filters.brands : undefined,
    min_price: filters.minPrice,
    max_price: filters.maxPrice,
    in_stock: filters.inStock || undefined,
    sort: filters.sort === "relevance" ? undefined : filters.sort,
    limit: 24,
    cursor,
  };
}

export function toggleBrand(filters: ListingFilters, brand: string): ListingFilters {
  const brands = filters.brands.includes(brand)
    ? filters.brands.filter((each) => each !== brand)
    : [...filters.brands, brand];
  return { ...filters, brands };
}
