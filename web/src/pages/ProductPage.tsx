import { useEffect, useState } from "react";
import { Link, useParams } from "react-router";
import { productBySlug } from "../api/catalog";
import { ApiError } from "../api/http";
import { recordView } from "../api/customers";
import { productsOf, similarTo } from "../api/recommendations";
import type { Product } from "../api/types";
import { useAuth } from "../auth/auth-context";
import { useCart } from "../cart/cart-context";
import { Breadcrumbs } from "../components/Breadcrumbs";
import { Price } from "../components/Price";
import { ProductGrid } from "../components/ProductCard";
import { ProductImage } from "../components/ProductImage";
import { Failure, Loading, describe } from "../components/Status";
import { useCategories } from "../catalog-context";
import { categoryTrail } from "../lib/categories";
import { summaryOf } from "../lib/summary";
import { useLoad } from "../lib/use-load";
import { NotFoundPage } from "./NotFoundPage";

function stockText(product: Product): string {
  const available = product.stock.available;
  if (!product.stock.in_stock || available <= 0) return "Out of stock";
  if (available <= 5) return `Only ${available} left`;
  return "In stock";
}

// The quantity is what the shopper typed until they add: clamping each key
// press would turn "12" typed over "1" into something else.
export function parseQuantity(text: string, available: number): number | string {
  const limit = Math.min(available, 1000);
  if (!/^\d{1,4}$/.test(text.trim()) || Number(text) < 1) return `Choose a quantity from 1 to ${limit}.`;
  if (Number(text) > limit) return `Only ${limit} can be added.`;
  return Number(text);
}

function AddToCart({ product }: { product: Product }) {
  const { add } = useCart();
  const [quantity, setQuantity] = useState("1");
  const [state, setState] = useState<"idle" | "adding" | "added" | Error | string>("idle");
  const available = Math.max(0, product.stock.available);
  if (!product.stock.in_stock || available === 0) return null;
  async function submit() {
    const wanted = parseQuantity(quantity, available);
    if (typeof wanted === "string") {
      setState(wanted);
      return;
    }
    setState("adding");
    try {
      await add(product.id, wanted);
      setState("added");
    } catch (error) {
      setState(error as Error);
    }
  }
  const problem =
    state instanceof Error ? describe(state) : !["idle", "adding", "added"].includes(state) ? state : undefined;
  return (
    <form
      className="add-to-cart"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label>
        Quantity{" "}
        <input
          type="number"
          inputMode="numeric"
          min={1}
          max={Math.min(available, 1000)}
          value={quantity}
          aria-invalid={problem !== undefined && !(state instanceof Error)}
          onChange={(event) => setQuantity(event.target.value)}
        />
      </label>
      <button type="submit" disabled={state === "adding"}>
        {state === "adding" ? "Adding…" : "Add to cart"}
      </button>
      <p role="status" aria-live="polite" className="add-to-cart-status">
        {state === "added" && (
          <>
            Added to your cart. <Link to="/cart">View cart</Link>
          </>
        )}
      </p>
      {problem && (
        <p role="alert" className="status-failed">
          {problem}
        </p>
      )}
    </form>
  );
}

function AlsoBought({ product }: { product: Product }) {
  const similar = useLoad(
    async (signal) => {
      return productsOf(await similarTo(product.id, 8, signal), signal);
    },
    [product.id],
  );
  // Recommendations add to the page; when they fail the page is still whole.
  if (similar.status !== "ready" || similar.data.length === 0) return null;
  return (
    <section aria-labelledby="also-bought">
      <h2 id="also-bought">Customers also bought</h2>
      <ProductGrid products={similar.data.map(summaryOf)} label="Customers also bought" />
    </section>
  );
}

export function ProductPage() {
  const slug = useParams().slug ?? "";
  const loaded = useLoad((signal) => productBySlug(slug, signal), [slug]);
  const categories = useCategories();
  const { customer } = useAuth();
  const [shown, setShown] = useState(0);
  const viewed = loaded.status === "ready" ? loaded.data.id : undefined;
  useEffect(() => {
    // A signed-in customer's views teach the recommendations what they like.
    if (customer && viewed) recordView(customer.id, viewed).catch(() => undefined);
  }, [customer?.id, viewed]); // eslint-disable-line react-hooks/exhaustive-deps
  if (loaded.status === "loading") return <Loading what="the product" />;
  if (loaded.status === "failed") {
    if (loaded.error instanceof ApiError && loaded.error.status === 404) return <NotFoundPage />;
    return <Failure error={loaded.error} retry={loaded.retry} />;
  }
  const product = loaded.data;
  const trail = categoryTrail(categories, product.category_path);
  const image = product.image_ids[shown] ?? product.image_ids[0];
  return (
    <article className="product-page">
      <Breadcrumbs trail={trail} />
      <div className="product-main">
        <div className="product-gallery">
          <ProductImage
            imageId={image}
            alt={product.title}
            sizes="(max-width: 800px) 100vw, 50vw"
            eager
            largest={1600}
          />
          {product.image_ids.length > 1 && (
            <ul className="thumbnails">
              {product.image_ids.map((id, index) => (
                <li key={id}>
                  <button
                    type="button"
                    aria-label={`Picture ${index + 1}`}
                    aria-pressed={index === shown}
                    onClick={() => setShown(index)}
                  >
                    <ProductImage imageId={id} alt="" sizes="64px" largest={160} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="product-details">
          {customer?.roles.includes("admin") && (
            <Link to={`/admin/products/${product.id}`} className="admin-edit">
              Edit in admin
            </Link>
          )}
          <p className="product-brand">{product.brand}</p>
          <h1>{product.title}</h1>
          <p className="product-price">
            <Price money={product.price} />
          </p>
          <p className={`stock ${product.stock.in_stock ? "stock-in" : "stock-out"}`}>{stockText(product)}</p>
          <AddToCart product={product} />
          <p className="product-description">{product.description}</p>
          {Object.keys(product.attributes).length > 0 && (
            <dl className="attributes">
              {Object.entries(product.attributes).map(([name, value]) => (
                <div key={name}>
                  <dt>{name}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          )}
        </div>
      </div>
      <AlsoBought product={product} />
    </article>
  );
}
