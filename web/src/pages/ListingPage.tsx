import { useState } from "react";
import { useParams, useSearchParams } from "react-router";
import { search, type SearchSort } from "../api/search";
import type { SearchHit } from "../api/types";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { Facets } from "../components/Facets";
import { ProductCard } from "../components/ProductCard";
import { Failure, Loading, describe } from "../components/Status";
import { useCategories } from "../catalog-context";
import { categoryTrail } from "../lib/categories";
import { readFilters, searchRequest, writeFilters, type ListingFilters } from "../lib/listing";
import { useLoad } from "../lib/use-load";

const sortLabels: Record<SearchSort, string> = {
  relevance: "Best match",
  popularity: "Most popular",
  newest: "Newest",
  price_asc: "Price, low to high",
  price_desc: "Price, high to low",
};

// Search results and category pages are one page: a category is a search
// without words, filtered to the category's subtree.
export function ListingPage() {
  const category = useParams()["*"] ?? "";
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params, category);
  const categories = useCategories();
  const trail = categoryTrail(categories, category);
  const key = `${category}?${params.toString()}`;
  // The answer says which listing it is for: in the render right after a
  // filter changes, the results shown are still the last listing's.
  const first = useLoad(async (signal) => ({ key, result: await search(searchRequest(filters), signal) }), [key], {
    keepPrevious: true,
  });
  const [more, setMore] = useState<{ key: string; items: SearchHit[]; cursor: string | null }>();
  const [moreState, setMoreState] = useState<"idle" | "loading" | Error>("idle");

  const change = (next: ListingFilters) => setParams(writeFilters(next));
  const linkToCategory = (path: string) => {
    const rest = writeFilters({ ...filters, brands: [], minPrice: undefined, maxPrice: undefined }).toString();
    return `/c/${path}${rest ? `?${rest}` : ""}`;
  };

  const heading = filters.q ? `Results for “${filters.q}”` : (trail.at(-1)?.name ?? "All products");
  if (first.status === "loading") return <Loading what="products" />;
  if (first.status === "failed") return <Failure error={first.error} retry={first.retry} />;
  const result = first.data.result;
  const busy = first.refreshing === true || first.data.key !== key;
  const extra = more?.key === key ? more : undefined;
  const items = [...result.items, ...(extra?.items ?? [])];
  const cursor = extra ? extra.cursor : result.next_cursor;

  async function showMore() {
    if (!cursor) return;
    setMoreState("loading");
    try {
      const page = await search(searchRequest(filters, cursor));
      setMore({ key, items: [...(extra?.items ?? []), ...page.items], cursor: page.next_cursor });
      setMoreState("idle");
    } catch (error) {
      setMoreState(error as Error);
    }
  }

  return (
    <div className="listing">
      <Breadcrumbs trail={trail} />
      <div className="listing-head">
        <h1>{heading}</h1>
        <p className="listing-count" role="status">
          {result.total_exact ? "" : "about "}
          {result.total} {result.total === 1 ? "product" : "products"}
        </p>
        <label className="sort">
          Sort by{" "}
          <select
            value={filters.sort}
            onChange={(event) => change({ ...filters, sort: event.target.value as SearchSort })}
          >
            {Object.entries(sortLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.corrected_query && (
        <p className="did-you-mean">
          Showing results for <strong>{result.corrected_query}</strong>
          {filters.q && <> (you typed “{filters.q}”)</>}.
        </p>
      )}
      {result.relaxed && items.length > 0 && (
        <p className="relaxed">Few products have every word; products with most of them follow.</p>
      )}
      <div className="listing-body">
        <Facets result={result} filters={filters} change={change} linkToCategory={linkToCategory} />
        <section className="results" aria-label="Products" aria-busy={busy}>
          {items.length === 0 ? (
            <div className="empty">
              <p>No products match{filters.q ? ` “${filters.q}”` : ""}.</p>
              <p>Try fewer words or fewer filters.</p>
            </div>
          ) : (
            <ul className="product-grid">
              {items.map((hit) => (
                <ProductCard key={hit.id} product={hit} highlight={hit.highlight?.title} />
              ))}
            </ul>
          )}
          {cursor && (
            <button type="button" className="show-more" onClick={showMore} disabled={moreState === "loading"}>
              {moreState === "loading" ? "Loading…" : "Show more"}
            </button>
          )}
          {moreState instanceof Error && (
            <p role="alert" className="status-failed">
              {describe(moreState)}
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
