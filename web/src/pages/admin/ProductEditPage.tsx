import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import {
  adjustStock,
  changeProduct,
  createProduct,
  deleteProduct,
  productForEditing,
  uploadImage,
  type ProductFields,
} from "../../api/admin";
import { ApiError } from "../../api/http";
import type { Product, Stock } from "../../api/types";
import { ProductImage } from "../../components/ProductImage";
import { Failure, Loading, describe } from "../../components/Status";
import { useCategories } from "../../catalog-context";
import { fractionDigits, parseMajorUnits } from "../../lib/money";
import { useLoad } from "../../lib/use-load";

interface Draft {
  sku: string;
  title: string;
  brand: string;
  category: string;
  description: string;
  price: string; // as typed, in major units
  status: Product["status"];
  tax_category: Product["tax_category"];
  weight_grams: string;
  image_ids: string[];
}

function majorUnits(amount: number, currency: string): string {
  const digits = fractionDigits(currency);
  return (amount / 10 ** digits).toFixed(digits);
}

function draftOf(product: Product | undefined): Draft {
  return {
    sku: product?.sku ?? "",
    title: product?.title ?? "",
    brand: product?.brand ?? "",
    category: product?.category_id ?? "", // the catalog takes an id or a slug
    description: product?.description ?? "",
    price: product ? majorUnits(product.price.amount, product.price.currency) : "",
    status: product?.status ?? "active",
    tax_category: product?.tax_category ?? "standard",
    weight_grams: String(product?.weight_grams ?? 0),
    image_ids: product?.image_ids ?? [],
  };
}

function fieldsOf(draft: Draft, currency: string): ProductFields | string {
  const amount = parseMajorUnits(draft.price, fractionDigits(currency));
  if (amount === null) return "Enter the price as a number, such as 24.90.";
  if (!draft.category) return "Choose a category.";
  const weight = Number(draft.weight_grams);
  if (!Number.isInteger(weight) || weight < 0) return "Enter the weight as whole grams.";
  return {
    sku: draft.sku.trim(),
    title: draft.title.trim(),
    brand: draft.brand.trim(),
    category: draft.category,
    description: draft.description,
    price: { amount, currency },
    status: draft.status,
    tax_category: draft.tax_category,
    weight_grams: weight,
    image_ids: draft.image_ids,
  };
}

function StockPanel({ product, changed }: { product: Product; changed: (stock: Stock) => void }) {
  const [delta, setDelta] = useState("");
  const [reason, setReason] = useState("");
  const [state, setState] = useState<"idle" | "saving" | "saved" | Error | string>("idle");
  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = Number(delta);
    if (!/^[+-]?\d{1,6}$/.test(delta.trim()) || amount === 0) {
      setState("Enter how many units arrive (12) or leave (-3).");
      return;
    }
    setState("saving");
    try {
      changed(await adjustStock(product.id, amount, reason.trim(), crypto.randomUUID()));
      setDelta("");
      setReason("");
      setState("saved");
    } catch (error) {
      setState(error as Error);
    }
  }
  const problem =
    state instanceof Error
      ? describe(state)
      : typeof state === "string" && !["idle", "saving", "saved"].includes(state)
        ? state
        : undefined;
  return (
    <form className="stock-panel" onSubmit={submit} aria-label="Stock" noValidate>
      <h2>Stock</h2>
      <p data-testid="stock-figures">
        On hand {product.stock.on_hand}, reserved {product.stock.reserved}, available{" "}
        <strong>{product.stock.available}</strong>
      </p>
      <div className="field-row">
        <div className="field">
          <label htmlFor="stock-delta">Units in (+) or out (−)</label>
          <input id="stock-delta" inputMode="numeric" value={delta} onChange={(e) => setDelta(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stock-reason">Reason</label>
          <input id="stock-reason" maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
      </div>
      <button type="submit" disabled={state === "saving"}>
        Adjust stock
      </button>
      <p role="status">{state === "saved" && "Stock adjusted."}</p>
      {problem && (
        <p role="alert" className="status-failed">
          {problem}
        </p>
      )}
    </form>
  );
}

// Deleting is for products no order ever held; the catalog refuses the
// others (409), and archiving keeps them off the shelves instead.
function DeleteProduct({ product }: { product: Product }) {
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [failed, setFailed] = useState<Error>();
  async function erase() {
    setDeleting(true); // a second click would ask to delete what is gone: a 404
    try {
      await deleteProduct(product.id);
      navigate("/admin/products", { replace: true });
    } catch (error) {
      setFailed(error as Error);
      setDeleting(false);
    }
  }
  return (
    <section className="stock-panel" aria-label="Delete">
      {!confirming ? (
        <button type="button" className="danger" onClick={() => setConfirming(true)}>
          Delete product
        </button>
      ) : (
        <div role="alertdialog" aria-labelledby="delete-question" className="confirm">
          <p id="delete-question">Delete {product.title} for good? Archive it instead to keep its history.</p>
          <button type="button" className="danger" disabled={deleting} onClick={() => void erase()}>
            Yes, delete it
          </button>
          <button type="button" className="secondary" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </div>
      )}
      {failed && (
        <p role="alert" className="status-failed">
          {describe(failed)}
        </p>
      )}
    </section>
  );
}

export function ProductEditPage() {
  const id = useParams().id;
  const creating = id === undefined;
  const loaded = useLoad((signal) => (id ? productForEditing(id, signal) : Promise.resolve(undefined)), [id]);
  if (loaded.status === "loading") return <Loading what="the product" />;
  if (loaded.status === "failed") return <Failure error={loaded.error} retry={loaded.retry} />;
  return <ProductForm key={id ?? "new"} initial={loaded.data} creating={creating} />;
}

function ProductForm({
  initial,
  creating,
}: {
  initial: { product: Product; etag: string } | undefined;
  creating: boolean;
}) {
  const categories = useCategories();
  const navigate = useNavigate();
  const [product, setProduct] = useState(initial?.product);
  const [etag, setEtag] = useState(initial?.etag ?? "");
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial?.product));
  const [onHand, setOnHand] = useState("0");
  const [state, setState] = useState<"idle" | "saving" | "saved" | "uploading" | Error | string>("idle");
  const currency = product?.price.currency ?? "EUR";
  const set = (field: keyof Draft) => (event: { target: { value: string } }) =>
    setDraft({ ...draft, [field]: event.target.value });

  async function upload(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setState("uploading");
    try {
      const image = await uploadImage(file);
      setDraft((current) => ({
        ...current,
        image_ids: current.image_ids.includes(image.id) ? current.image_ids : [...current.image_ids, image.id],
      }));
      setState(`Picture uploaded (${image.width}×${image.height}). Save to keep it.`);
    } catch (error) {
      setState(error as Error);
    }
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const fields = fieldsOf(draft, currency);
    if (typeof fields === "string") {
      setState(fields);
      return;
    }
    setState("saving");
    try {
      if (creating || !product) {
        const made = await createProduct(
          { ...fields, stock: { on_hand: Math.max(0, Number(onHand) || 0) } },
          crypto.randomUUID(),
        );
        navigate(`/admin/products/${made.id}`, { replace: true });
        return;
      }
      const changed = await changeProduct(product.id, fields, etag);
      setProduct(changed.product);
      setEtag(changed.etag);
      setDraft(draftOf(changed.product));
      setState("saved");
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        setState("Someone changed this product since you opened it. Reload the page to see their change.");
      } else setState(error as Error);
    }
  }

  const message =
    state instanceof Error
      ? describe(state)
      : typeof state === "string" && !["idle", "saving", "saved", "uploading"].includes(state)
        ? state
        : undefined;
  return (
    <section className="product-edit">
      <p>
        <Link to="/admin/products">All products</Link>
      </p>
      <h1>{creating ? "New product" : draft.title || "Product"}</h1>
      <form onSubmit={save} noValidate aria-label="Product">
        <div className="field-row">
          <div className="field">
            <label htmlFor="title">Title</label>
            <input id="title" value={draft.title} onChange={set("title")} maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor="sku">SKU</label>
            <input id="sku" value={draft.sku} onChange={set("sku")} maxLength={64} />
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="brand">Brand</label>
            <input id="brand" value={draft.brand} onChange={set("brand")} maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor="category">Category</label>
            <select id="category" value={draft.category} onChange={set("category")}>
              <option value="">Choose…</option>
              {categories.map((category) => (
                <option key={category.id} value={category.id}>
                  {category.path.split("/").length > 1 ? "  " : ""}
                  {category.name}
                </option>
              ))}
            </select>
          </div>
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="price">Price ({currency})</label>
            <input id="price" inputMode="decimal" value={draft.price} onChange={set("price")} />
          </div>
          <div className="field">
            <label htmlFor="weight">Weight (g)</label>
            <input id="weight" inputMode="numeric" value={draft.weight_grams} onChange={set("weight_grams")} />
          </div>
          <div className="field">
            <label htmlFor="status">Status</label>
            <select id="status" value={draft.status} onChange={set("status")}>
              <option value="active">Active</option>
              <option value="draft">Draft</option>
              <option value="archived">Archived</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor="tax">Tax</label>
            <select id="tax" value={draft.tax_category} onChange={set("tax_category")}>
              <option value="standard">Standard rate</option>
              <option value="reduced">Reduced rate</option>
              <option value="zero">Zero rate</option>
            </select>
          </div>
          {creating && (
            <div className="field">
              <label htmlFor="on-hand">Units on hand</label>
              <input id="on-hand" inputMode="numeric" value={onHand} onChange={(e) => setOnHand(e.target.value)} />
            </div>
          )}
        </div>
        <div className="field">
          <label htmlFor="description">Description</label>
          <textarea
            id="description"
            rows={4}
            maxLength={5000}
            value={draft.description}
            onChange={set("description")}
          />
        </div>
        <fieldset className="pictures">
          <legend>Pictures</legend>
          <ul className="picture-list">
            {draft.image_ids.map((imageId, index) => (
              <li key={imageId}>
                <ProductImage imageId={imageId} alt={`Picture ${index + 1}`} sizes="120px" largest={240} />
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setDraft({ ...draft, image_ids: draft.image_ids.filter((each) => each !== imageId) })}
                >
                  Remove picture {index + 1}
                </button>
              </li>
            ))}
          </ul>
          <label className="upload">
            Upload a picture (JPEG, PNG, WebP, GIF or AVIF)
            <input
              type="file"
              accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
              onChange={(e) => void upload(e.target.files)}
              disabled={state === "uploading"}
            />
          </label>
        </fieldset>
        <button type="submit" disabled={state === "saving" || state === "uploading"}>
          {creating ? "Create product" : "Save changes"}
        </button>
        <p role="status">{state === "saved" && "Saved."}</p>
        {message && (
          <p
            role={state instanceof Error || !message.startsWith("Picture uploaded") ? "alert" : "status"}
            className={message.startsWith("Picture uploaded") ? "field-ok" : "status-failed"}
          >
            {message}
          </p>
        )}
      </form>
      {product && !creating && <StockPanel product={product} changed={(stock) => setProduct({ ...product, stock })} />}
      {product && !creating && <DeleteProduct product={product} />}
    </section>
  );
}
