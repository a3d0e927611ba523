import { useState } from "react";
import { Link } from "react-router";
import type { CartLine } from "../api/types";
import { useCart } from "../cart/cart-context";
import { Price } from "../components/Price";
import { Failure, describe } from "../components/Status";

const problemText: Record<NonNullable<CartLine["problem"]>, string> = {
  unavailable: "No longer sold: remove it to check out.",
  "out-of-stock": "Out of stock: remove it to check out.",
  "insufficient-stock": "Fewer in stock than you want: lower the quantity.",
};

function Line({ line }: { line: CartLine }) {
  const { setQuantity, remove } = useCart();
  const [failed, setFailed] = useState<Error>();
  const [busy, setBusy] = useState(false);
  async function run(change: () => Promise<unknown>) {
    setBusy(true);
    try {
      await change();
      setFailed(undefined);
    } catch (error) {
      setFailed(error as Error);
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="cart-line" aria-busy={busy}>
      <div className="cart-line-title">
        <span>{line.title}</span>
        <span className="cart-line-unit">
          <Price money={line.unit_price} previous={line.previous_unit_price} /> each
        </span>
        {line.problem && <span className="line-problem">{problemText[line.problem]}</span>}
      </div>
      <label className="cart-line-quantity">
        <span className="visually-hidden">Quantity of {line.title}</span>
        <input
          type="number"
          min={0}
          max={1000}
          defaultValue={line.quantity}
          key={line.quantity}
          disabled={busy}
          onBlur={(event) => {
            const wanted = Number(event.target.value);
            if (Number.isInteger(wanted) && wanted >= 0 && wanted !== line.quantity) {
              void run(() => setQuantity(line.product_id, wanted));
            }
          }}
        />
      </label>
      <span className="cart-line-subtotal">
        <Price money={line.subtotal} />
      </span>
      <button
        type="button"
        className="link-button"
        disabled={busy}
        onClick={() => void run(() => remove(line.product_id))}
      >
        Remove<span className="visually-hidden"> {line.title}</span>
      </button>
      {failed && (
        <p role="alert" className="status-failed">
          {describe(failed)}
        </p>
      )}
    </li>
  );
}

export function CartPage() {
  const { cart, failed, refresh } = useCart();
  if (failed) return <Failure error={failed} retry={() => void refresh()} />;
  if (!cart || cart.lines.length === 0) {
    return (
      <section className="status-page">
        <h1>Your cart is empty</h1>
        <Link to="/">Find something you like</Link>
      </section>
    );
  }
  return (
    <section className="cart-page">
      <h1>Your cart</h1>
      <ul className="cart-lines" aria-label="Cart lines">
        {cart.lines.map((line) => (
          <Line key={line.product_id} line={line} />
        ))}
      </ul>
      <div className="cart-summary">
        <p>
          {cart.item_count} {cart.item_count === 1 ? "item" : "items"}: <Price money={cart.merchandise} />
        </p>
        <p className="cart-summary-note">Tax and shipping are worked out for your address at checkout.</p>
        <Link to="/checkout" className="button-link">
          Check out
        </Link>
      </div>
    </section>
  );
}
