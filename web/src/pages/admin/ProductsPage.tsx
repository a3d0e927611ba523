import { useState } from "react";
import { Link, useSearchParams } from "react-router";
import { listProducts, productsInOrder } from "../../api/catalog";
import { search } from "../../api/search";
import type { Product } from "../../api/types";
import { Price } from "../../components/Price";
import { Failure, Loading, describe } from "../../components/Status";
import { useLoad } from "../../lib/use-load";

// Without words, every product (drafts and archived too) by title; with
// words, the search service's matches (products on sale), read back from
// the catalog for their stock and status.
async function productsFor(words: string, signal: AbortSignal) {
  if (!words) return listProducts({ sort: "title", limit: 50, status: "any" }, signal);
  const found = await search({ q: words, limit: 50 }, signal);
  return {
    items: await productsInOrder(
      found.items.map((hit) => hit.id),
      signal,
    ),
    next_cursor: null,
  };
}

export function ProductsPage() {
  const [params, setParams] = useSearchParams();
  const words = params.get("q") ?? "";
  const [typed, setTyped] = useState(words);
  const first = useLoad((signal) => productsFor(words, signal), [words]);
  // Further pages belong to the words they were fetched for: a page that
  // arrives after a new search is not added to it.
  const [more, setMore] = useState<{ words: string; items: Product[]; cursor: string | null }>();
  const [fetching, setFetching] = useState(false);
  const [failed, setFailed] = useState<Error>();
  if (first.status === "loading") return <Loading what="products" />;
  if (first.status === "failed") return <Failure error={first.error} retry={first.retry} />;
  const further = more?.words === words ? more : undefined;
  const items = [...first.data.items, ...(further?.items ?? [])];
  const cursor = further ? further.cursor : first.data.next_cursor;
  async function showMore() {
    if (!cursor || fetching) return;
    setFetching(true);
    try {
      const page = await listProducts({ sort: "title", limit: 50, status: "any", cursor });
      setMore((held) => ({
        words,
        items: [...(held?.words === words ? held.items : []), ...page.items],
        cursor: page.next_cursor,
      }));
    } catch (error) {
      setFailed(error as Error);
    } finally {
      setFetching(false);
    }
  }
  return (
    <section>
      <div className="admin-head">
        <h1>Products</h1>
        <Link to="/admin/products/new" className="button-link">
          New product
        </Link>
      </div>
      <form
        role="search"
        className="admin-search"
        onSubmit={(event) => {
          event.preventDefault();
          setMore(undefined);
          setParams(typed.trim() ? { q: typed.trim() } : {});
        }}
      >
        <label htmlFor="product-words">Find products</label>
        <input id="product-words" type="search" value={typed} onChange={(e) => setTyped(e.target.value)} />
        <button type="submit">Find</button>
      </form>
      <div className="table-scroll">
        <table className="admin-table" aria-label="Products">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col">SKU</th>
              <th scope="col">Price</th>
              <th scope="col">Available</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {items.map((product) => (
              <tr key={product.id}>
                <td>
                  <Link to={`/admin/products/${product.id}`}>{product.title}</Link>
                </td>
                <td>{product.sku}</td>
                <td>
                  <Price money={product.price} />
                </td>
                <td>{product.stock.available}</td>
                <td>{product.status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {cursor && (
        <button type="button" className="show-more" disabled={fetching} onClick={() => void showMore()}>
          Show more
        </button>
      )}
      {failed && (
        <p role="alert" className="status-failed">
          {describe(failed)}
        </p>
      )}
    </section>
  );
}
