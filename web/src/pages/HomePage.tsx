import { Link } from "react-router";
import { listProducts } from "../api/catalog";
import { forCustomer, popular, productsOf } from "../api/recommendations";
import { useAuth } from "../auth/auth-context";
import { ProductGrid } from "../components/ProductCard";
import { Failure, Loading } from "../components/Status";
import { useCategories } from "../catalog-context";
import { categoryTree } from "../lib/categories";
import { summaryOf } from "../lib/summary";
import { useLoad } from "../lib/use-load";

// What people bought recently (the recommendations service's popularity
// model); before anyone has bought, the catalog's own popularity figures.
async function popularProducts(signal: AbortSignal) {
  const bought = await productsOf(await popular(8, signal), signal);
  if (bought.length >= 4) return bought;
  return (await listProducts({ sort: "popularity", in_stock: true, limit: 8 }, signal)).items;
}

// Learned from what the customer bought, put in carts and looked at; the
// section is left out until there is something to say.
function RecommendedForYou({ customerId }: { customerId: string }) {
  const recommended = useLoad(
    async (signal) => {
      const answer = await forCustomer(customerId, 8, signal);
      if (answer.model === "popular") return []; // the same as "Popular now"
      return productsOf(answer, signal);
    },
    [customerId],
  );
  if (recommended.status !== "ready" || recommended.data.length === 0) return null;
  return (
    <section aria-labelledby="for-you-heading">
      <h2 id="for-you-heading">Recommended for you</h2>
      <ProductGrid products={recommended.data.map(summaryOf)} label="Recommended for you" />
    </section>
  );
}

export function HomePage() {
  const { customer } = useAuth();
  const featured = useLoad(popularProducts, []);
  const newest = useLoad(async (signal) => (await listProducts({ sort: "newest", limit: 4 }, signal)).items, []);
  const categories = categoryTree(useCategories());
  return (
    <>
      <section className="hero">
        <h1>Things for home, travel and play</h1>
        <p>Everything here is real: search, stock, tax, shipping and payment.</p>
      </section>
      {customer && <RecommendedForYou customerId={customer.id} />}
      <section aria-labelledby="popular-heading">
        <h2 id="popular-heading">Popular now</h2>
        {featured.status === "loading" && <Loading what="popular products" />}
        {featured.status === "failed" && <Failure error={featured.error} retry={featured.retry} />}
        {featured.status === "ready" && <ProductGrid products={featured.data.map(summaryOf)} label="Popular now" />}
      </section>
      <section aria-labelledby="categories-heading">
        <h2 id="categories-heading">Shop by category</h2>
        <ul className="category-tiles">
          {categories.map((category) => (
            <li key={category.id}>
              <Link to={`/c/${category.path}`}>{category.name}</Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="new-heading">
        <h2 id="new-heading">New in</h2>
        {newest.status === "loading" && <Loading what="new products" />}
        {newest.status === "failed" && <Failure error={newest.error} retry={newest.retry} />}
        {newest.status === "ready" && <ProductGrid products={newest.data.map(summaryOf)} label="New in" />}
      </section>
    </>
  );
}
