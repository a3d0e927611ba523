import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { checkout, quote } from "../api/cart";
import { ApiError } from "../api/http";
import { listAddresses } from "../api/customers";
import { saveCard, savedCards } from "../api/payments";
import type { Address, NewCard, Quote, ShippingSpeed } from "../api/types";
import { useAuth } from "../auth/auth-context";
import { useCart } from "../cart/cart-context";
import { AddressFields } from "../components/AddressFields";
import { Field } from "../components/Field";
import { Price } from "../components/Price";
import { Failure, Loading, describe } from "../components/Status";
import {
  addressErrors,
  cardErrors,
  digitsOf,
  emptyAddress,
  parseExpiry,
  type AddressErrors,
  type CardErrors,
} from "../lib/checkout-form";
import { deliveryDays } from "../lib/order-status";
import { useLoad } from "../lib/use-load";

const settleEvery = 1000; // ms between re-sends of a checkout still settling
const settleFor = 30; // re-sends at most

function asSentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

function SignInFirst() {
  const { signIn } = useAuth();
  return (
    <section className="status-page">
      <h1>Sign in to check out</h1>
      <p>Your cart comes with you.</p>
      <div className="button-row">
        <button type="button" onClick={() => void signIn("/checkout")}>
          Sign in
        </button>
        <button type="button" className="secondary" onClick={() => void signIn("/checkout", true)}>
          Create an account
        </button>
      </div>
    </section>
  );
}

function Summary({ quoted, failure }: { quoted: Quote | undefined; failure: Error | undefined }) {
  const { cart } = useCart();
  if (!quoted) return failure ? null : <Loading what="your totals" />;
  const titles = new Map(cart?.lines.map((line) => [line.product_id, line.title]));
  return (
    <aside className="checkout-summary" aria-label="Order summary">
      <h2>Summary</h2>
      <ul>
        {quoted.lines.map((line) => (
          <li key={line.product_id}>
            <span>
              {line.quantity} × {titles.get(line.product_id) ?? line.product_id}
            </span>
            <Price money={line.subtotal} />
          </li>
        ))}
      </ul>
      <dl>
        <dt>Merchandise</dt>
        <dd>
          <Price money={quoted.merchandise} />
        </dd>
        {quoted.discount.amount > 0 && (
          <>
            <dt>Discount{quoted.coupon ? ` (${quoted.coupon})` : ""}</dt>
            <dd>
              −<Price money={quoted.discount} />
            </dd>
          </>
        )}
        <dt>Shipping ({quoted.shipping_option.speed})</dt>
        <dd>{quoted.shipping.amount === 0 ? "Free" : <Price money={quoted.shipping} />}</dd>
        <dt>
          {quoted.tax_name || "Tax"} {quoted.prices_include_tax ? "(included)" : ""}
        </dt>
        <dd>
          <Price money={quoted.tax} />
        </dd>
        <dt className="total">Total</dt>
        <dd className="total" data-testid="order-total">
          <Price money={quoted.total} />
        </dd>
      </dl>
    </aside>
  );
}

export function CheckoutPage() {
  const { customer, ready } = useAuth();
  const { cart, refresh } = useCart();
  const navigate = useNavigate();
  const [email, setEmail] = useState("");
  const [address, setAddress] = useState<Address>(emptyAddress);
  // A shopper who leaves while the payment settles is not brought back:
  // the orders page shows the outcome.
  const left = useRef(false);
  useEffect(() => {
    left.current = false;
    return () => {
      left.current = true;
    };
  }, []);
  const [speed, setSpeed] = useState<ShippingSpeed>("standard");
  const [couponText, setCouponText] = useState("");
  const [coupon, setCoupon] = useState<string>();
  const [cardChoice, setCardChoice] = useState<string>("new");
  const [card, setCard] = useState({ number: "", expiry: "", cvc: "", holder: "" });
  const [errors, setErrors] = useState<{ address: AddressErrors; card: CardErrors }>({ address: {}, card: {} });
  const [placing, setPlacing] = useState<"idle" | "placing" | "settling">("idle");
  const [refusal, setRefusal] = useState<string>();
  // One key per attempt to place this order: a retry after a lost answer
  // or a 202 sends the same one, so the order is placed once.
  const [attemptKey, setAttemptKey] = useState<string>();

  useEffect(() => {
    if (customer && !email) setEmail(customer.email);
  }, [customer, email]);

  const region = address.country === "US" ? address.region?.trim().toUpperCase() || undefined : undefined;
  const quoted = useLoad(
    async (signal) => {
      if (!customer || !cart || cart.lines.length === 0) return undefined;
      const destination = { country: address.country, region };
      try {
        return { quote: await quote({ destination, shipping_speed: speed, coupon }, signal) };
      } catch (error) {
        // A coupon that does not apply is said at the coupon; the totals
        // without it still show, so the order can go on.
        if (!(coupon && error instanceof ApiError && error.code.startsWith("coupon"))) throw error;
        return { quote: await quote({ destination, shipping_speed: speed }, signal), couponProblem: error.message };
      }
    },
    [customer?.id, cart?.version, address.country, region, speed, coupon],
    { keepPrevious: true },
  );
  const cards = useLoad(
    async (signal) =>
      customer ? { owner: customer.id, ...(await savedCards(signal)) } : { owner: undefined, items: [] },
    [customer?.id],
  );
  // The default delivery address fills the form once, when it arrives.
  const saved = useLoad(
    async (signal) => (customer ? { owner: customer.id, ...(await listAddresses(customer.id, signal)) } : undefined),
    [customer?.id],
  );
  const [filledAddress, setFilledAddress] = useState(false);
  useEffect(() => {
    // Only with the signed-in customer's own answer (an earlier render may
    // still hold the answer from before the session was read).
    if (filledAddress || saved.status !== "ready" || !saved.data || saved.data.owner !== customer?.id) return;
    setFilledAddress(true);
    const preferred = saved.data.items.find((each) => each.is_default_shipping);
    if (preferred) {
      // Not over what the shopper already typed while the addresses loaded.
      setAddress((typed) =>
        typed !== emptyAddress
          ? typed
          : {
              recipient: preferred.recipient,
              line1: preferred.line1,
              line2: preferred.line2 ?? "",
              city: preferred.city,
              region: preferred.region ?? "",
              postal_code: preferred.postal_code,
              country: preferred.country,
            },
      );
    }
  }, [saved, filledAddress, customer?.id]);
  const [choseInitialCard, setChoseInitialCard] = useState(false);
  useEffect(() => {
    // The newest saved card is chosen once, when the cards first arrive.
    if (choseInitialCard || cards.status !== "ready" || cards.data.owner !== customer?.id || !customer) return;
    setChoseInitialCard(true);
    const newest = [...cards.data.items].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
    if (newest) setCardChoice(newest.id);
  }, [cards, choseInitialCard, customer]);

  if (!ready) return <Loading what="your account" />;
  if (!customer) return <SignInFirst />;
  if (!cart) return <Loading what="your cart" />;
  if (cart.lines.length === 0) {
    return (
      <section className="status-page">
        <h1>Your cart is empty</h1>
        <Link to="/">Find something you like</Link>
      </section>
    );
  }

  const quoteFailure = quoted.status === "failed" ? quoted.error : undefined;
  const couponProblem = quoted.status === "ready" ? quoted.data?.couponProblem : undefined;
  const currentQuote = quoted.status === "ready" ? quoted.data?.quote : undefined;
  // An order placed while new totals load would be for totals not yet shown.
  const quoteRefreshing = quoted.status === "ready" && quoted.refreshing === true;

  async function paymentMethod(key: string): Promise<string | undefined> {
    if (cardChoice !== "new") return cardChoice;
    const expiry = parseExpiry(card.expiry);
    const newCard: NewCard = {
      number: digitsOf(card.number),
      expiry_month: expiry?.month ?? 0,
      expiry_year: expiry?.year ?? 0,
      cvc: card.cvc.trim(),
      holder: card.holder.trim(),
    };
    const problems = cardErrors(newCard);
    if (Object.keys(problems).length) {
      setErrors((current) => ({ ...current, card: problems }));
      return undefined;
    }
    const saved = await saveCard(newCard, `card-${key}`);
    // Saved now: shown among the saved cards and chosen, so a retry uses it.
    setCardChoice(saved.id);
    setCard({ number: "", expiry: "", cvc: "", holder: "" });
    cards.retry();
    return saved.id;
  }

  async function placeOrder(event: FormEvent) {
    event.preventDefault();
    setRefusal(undefined);
    const problems = addressErrors({ ...address, region });
    setErrors({ address: problems, card: {} });
    if (Object.keys(problems).length) return;
    const key = attemptKey ?? crypto.randomUUID();
    setAttemptKey(key);
    setPlacing("placing");
    try {
      const method = await paymentMethod(key);
      if (!method) {
        setPlacing("idle");
        return;
      }
      const order = {
        shipping_address: { ...address, region, line2: address.line2 || undefined },
        shipping_speed: speed,
        coupon: couponProblem ? undefined : coupon,
        payment_method: method,
        email: email.trim(),
      };
      for (let attempt = 0; ; attempt++) {
        const outcome = await checkout(order, key);
        if (left.current) return;
        if (outcome.settled) {
          await refresh();
          navigate(`/orders/${outcome.order.id}`, { state: { placed: true } });
          return;
        }
        if (attempt >= settleFor)
          throw new Error("The payment is still being processed. Your orders page will show the outcome.");
        setPlacing("settling");
        await new Promise((wake) => setTimeout(wake, settleEvery));
        if (left.current) return;
      }
    } catch (error) {
      setPlacing("idle");
      if (error instanceof ApiError && error.code === "order-not-placed") {
        // That order is over (cancelled, nothing charged): a new try is a new order.
        setAttemptKey(undefined);
        setRefusal(`${asSentence(error.message)} Nothing was charged.`);
      } else if (error instanceof ApiError && error.status >= 400 && error.status < 500 && error.status !== 409) {
        setAttemptKey(undefined);
        setRefusal(describe(error));
      } else {
        setRefusal(describe(error as Error)); // the same key goes again on the next try
      }
    }
  }

  return (
    <form className="checkout" onSubmit={placeOrder} noValidate aria-busy={placing !== "idle"}>
      <h1>Checkout</h1>
      <div className="checkout-columns">
        <div className="checkout-form">
          <fieldset>
            <legend>Contact</legend>
            <Field label="Email" id="email">
              <input
                id="email"
                type="email"
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                required
              />
            </Field>
          </fieldset>
          <fieldset>
            <legend>Delivery address</legend>
            <AddressFields address={address} errors={errors.address} onChange={setAddress} />
          </fieldset>
          <fieldset>
            <legend>Shipping</legend>
            {(currentQuote?.shipping_options ?? []).map((option) => (
              <label key={option.speed} className="choice">
                <input
                  type="radio"
                  name="speed"
                  value={option.speed}
                  checked={speed === option.speed}
                  onChange={() => setSpeed(option.speed)}
                />
                <span>
                  {option.speed === "express" ? "Express" : "Standard"}:{" "}
                  {option.price.amount === 0 ? "free" : <Price money={option.price} />}, {deliveryDays(option.estimate)}
                </span>
              </label>
            ))}
          </fieldset>
          <fieldset>
            <legend>Coupon</legend>
            <div className="field-row coupon-row">
              <Field label="Coupon code" id="coupon" error={couponProblem}>
                <input
                  id="coupon"
                  value={couponText}
                  onChange={(e) => setCouponText(e.target.value)}
                  aria-invalid={!!couponProblem}
                />
              </Field>
              <button type="button" className="secondary" onClick={() => setCoupon(couponText.trim() || undefined)}>
                Apply
              </button>
            </div>
            {coupon && !couponProblem && currentQuote?.coupon && (
              <p className="field-ok">Coupon {currentQuote.coupon} applied.</p>
            )}
          </fieldset>
          <fieldset>
            <legend>Payment</legend>
            {cards.status === "ready" &&
              cards.data.items.map((saved) => (
                <label key={saved.id} className="choice">
                  <input
                    type="radio"
                    name="card"
                    checked={cardChoice === saved.id}
                    onChange={() => setCardChoice(saved.id)}
                  />
                  <span>
                    {saved.brand.toUpperCase()} ending {saved.last4}, expires{" "}
                    {String(saved.expiry_month).padStart(2, "0")}/{saved.expiry_year}
                  </span>
                </label>
              ))}
            {cards.status === "ready" && cards.data.items.length > 0 && (
              <label className="choice">
                <input type="radio" name="card" checked={cardChoice === "new"} onChange={() => setCardChoice("new")} />
                <span>A new card</span>
              </label>
            )}
            {cardChoice === "new" && (
              <div className="new-card">
                <Field label="Card number" id="card-number" error={errors.card.number}>
                  <input
                    id="card-number"
                    inputMode="numeric"
                    autoComplete="cc-number"
                    value={card.number}
                    onChange={(e) => setCard({ ...card, number: e.target.value })}
                    aria-invalid={!!errors.card.number}
                  />
                </Field>
                <div className="field-row">
                  <Field label="Expiry (MM/YY)" id="card-expiry" error={errors.card.expiry_month}>
                    <input
                      id="card-expiry"
                      autoComplete="cc-exp"
                      placeholder="MM/YY"
                      value={card.expiry}
                      onChange={(e) => setCard({ ...card, expiry: e.target.value })}
                      aria-invalid={!!errors.card.expiry_month}
                    />
                  </Field>
                  <Field label="Security code" id="card-cvc" error={errors.card.cvc}>
                    <input
                      id="card-cvc"
                      inputMode="numeric"
                      autoComplete="cc-csc"
                      value={card.cvc}
                      onChange={(e) => setCard({ ...card, cvc: e.target.value })}
                      aria-invalid={!!errors.card.cvc}
                    />
                  </Field>
                </div>
                <Field label="Name on card" id="card-holder" error={errors.card.holder}>
                  <input
                    id="card-holder"
                    autoComplete="cc-name"
                    value={card.holder}
                    onChange={(e) => setCard({ ...card, holder: e.target.value })}
                    aria-invalid={!!errors.card.holder}
                  />
                </Field>
                <p className="hint">Test mode: 4242 4242 4242 4242 is approved, 4000 0000 0000 0002 is declined.</p>
              </div>
            )}
          </fieldset>
        </div>
        <div>
          {quoteFailure && <Failure error={quoteFailure} retry={quoted.retry} />}
          <Summary quoted={currentQuote} failure={quoteFailure} />
          {refusal && (
            <p role="alert" className="status-failed checkout-refusal">
              {refusal}
            </p>
          )}
          <button
            type="submit"
            className="place-order"
            disabled={placing !== "idle" || !currentQuote || quoteRefreshing}
          >
            {placing === "idle"
              ? "Place order"
              : placing === "settling"
                ? "Waiting for the payment…"
                : "Placing your order…"}
          </button>
        </div>
      </div>
    </form>
  );
}
