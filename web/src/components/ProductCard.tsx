import { Link } from "react-router";
import type { ProductSummary } from "../api/types";
import { highlightSegments } from "../lib/highlight";
import { Price } from "./Price";
import { ProductImage } from "./ProductImage";

const cardSizes = "(max-width: 480px) 45vw, (max-width: 900px) 30vw, 220px";

export function ProductCard({ product, highlight }: { product: ProductSummary; highlight?: string }) {
  return (
    <li className="product-card">
      <Link to={`/products/${encodeURIComponent(product.slug)}`}>
        <ProductImage imageId={product.image_ids[0]} alt="" sizes={cardSizes} largest={640} />
        <span className="product-card-brand">{product.brand}</span>
        <span className="product-card-title">
          {highlight
            ? highlightSegments(highlight).map((segment, i) =>
                segment.marked ? <mark key={i}>{segment.text}</mark> : <span key={i}>{segment.text}</span>,
              )
            : product.title}
        </span>
      </Link>
      <Price money={product.price} />
      {!product.in_stock && <span className="badge">Out of stock</span>}
    </li>
  );
}

export function ProductGrid({ products, label }: { products: ProductSummary[]; label: string }) {
  return (
    <ul className="product-grid" aria-label={label}>
      {products.map((product) => (
        <ProductCard key={product.id} product={product} />
      ))}
    </ul>
  );
}
