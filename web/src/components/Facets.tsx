import { Link } from "react-router";
import type { SearchResult } from "../api/types";
import { useCategories } from "../catalog-context";
import type { ListingFilters } from "../lib/listing";
import { toggleBrand } from "../lib/listing";
import { formatMoney } from "../lib/money";

export function Facets({
  result,
  filters,
  change,
  linkToCategory,
}: {
  result: SearchResult;
  filters: ListingFilters;
  change: (filters: ListingFilters) => void;
  linkToCategory: (path: string) => string;
}) {
  const categories = useCategories();
  const names = new Map(categories.map((category) => [category.path, category.name]));
  const facets = result.facets;
  if (!facets) return null;
  const currency = result.items[0]?.price.currency ?? "EUR";
  const priceSelected = (min: number, max: number | null) =>
    filters.minPrice === min && filters.maxPrice === (max === null ? undefined : max - 1);
  return (
    <aside className="facets" aria-label="Filters">
      <label className="facet-toggle">
        <input
          type="checkbox"
          checked={filters.inStock}
          onChange={(event) => change({ ...filters, inStock: event.target.checked })}
        />
        In stock only
      </label>
      {facets.category.length > 0 && (
        <fieldset>
          <legend>Category</legend>
          <ul>
            {facets.category.map((facet) => (
              <li key={facet.value}>
                <Link to={linkToCategory(facet.value)}>
                  {names.get(facet.value) ?? facet.value} <span className="facet-count">({facet.count})</span>
                </Link>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {facets.brand.length > 0 && (
        <fieldset>
          <legend>Brand</legend>
          {facets.brand.map((facet) => (
            <label key={facet.value}>
              <input
                type="checkbox"
                checked={filters.brands.includes(facet.value)}
                onChange={() => change(toggleBrand(filters, facet.value))}
              />
              {facet.value} <span className="facet-count">({facet.count})</span>
            </label>
          ))}
        </fieldset>
      )}
      {facets.price.some((bucket) => bucket.count > 0) && (
        <fieldset>
          <legend>Price</legend>
          {facets.price
            .filter((bucket) => bucket.count > 0)
            .map((bucket) => {
              const selected = priceSelected(bucket.min, bucket.max);
              const label =
                bucket.max === null
                  ? `${formatMoney({ amount: bucket.min, currency })} and up`
                  : `${formatMoney({ amount: bucket.min, currency })} – ${formatMoney({ amount: bucket.max - 1, currency })}`;
              return (
                <label key={bucket.min}>
                  <input
                    type="checkbox"
                    checked={selected}
                    onChange={() =>
                      change(
                        selected
                          ? { ...filters, minPrice: undefined, maxPrice: undefined }
                          : {
                              ...filters,
                              minPrice: bucket.min,
                              maxPrice: bucket.max === null ? undefined : bucket.max - 1,
                            },
                      )
                    }
                  />
                  {label} <span className="facet-count">({bucket.count})</span>
                </label>
              );
            })}
        </fieldset>
      )}
    </aside>
  );
}
