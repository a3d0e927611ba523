import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Cart, Order, Quote } from "../api/types";
import { fakeShop, product, type FakeShop } from "../test/fake-shop";
import { renderApp } from "../test/render";
import { signIn } from "../test/sign-in";

const puzzle = product();
const euros = (amount: number) => ({ amount, currency: "EUR" });

const cart: Cart = {
  owner: "customer",
  currency: "EUR",
  lines: [
    {
      product_id: puzzle.id,
      sku: puzzle.sku,
      title: puzzle.title,
      quantity: 1,
      unit_price: puzzle.price,
      subtotal: puzzle.price,
      tax_category: "standard",
      weight_grams: 370,
      available: 3,
      added_at: "2026-12-04T01:30:00Z",
    },
  ],
  item_count: 1,
  merchandise: puzzle.price,
  version: 3,
  updated_at: "2026-12-04T01:30:00Z",
};

const standard = { speed: "standard" as const, price: euros(490), estimate: { min_days: 1, max_days: 2 } };
const quoted: Quote = {
  currency: "EUR",
  lines: [
    {
      product_id: puzzle.id,
      quantity: 1,
      unit_price: puzzle.price,
      subtotal: puzzle.price,
      discount: euros(0),
      tax: euros(606),
      total: puzzle.price,
    },
  ],
  merchandise: puzzle.price,
  discount: euros(0),
  shipping: euros(490),
  shipping_tax: euros(78),
  tax: euros(684),
  total: euros(4285),
  prices_include_tax: true,
  tax_name: "DE VAT",
  shipping_option: standard,
  shipping_options: [standard, { speed: "express", price: euros(990), estimate: { min_days: 1, max_days: 1 } }],
};

const order = { id: "0192d3c4-0000-7000-8000-00000000abcd", status: "paid" } as Order;

let shop: FakeShop;

beforeEach(() => {
  localStorage.clear();
  shop = fakeShop();
  shop.on("GET", "/api/catalog/v1/categories", { body: { items: [] } });
  shop.on("GET", "/api/cart/v1/cart", { body: cart });
  shop.on("POST", "/api/cart/v1/cart/quote", { body: quoted });
  shop.on("GET", "/api/payments/v1/payment-methods", { body: { items: [] } });
  shop.on("POST", "/api/payments/v1/payment-methods", (_, init) => ({
    status: 201,
    body: {
      id: `card-for-${(init.headers as Record<string, string>)["Idempotency-Key"]}`,
      brand: "visa",
      last4: "4242",
      expiry_month: 12,
      expiry_year: 2030,
      holder: "Ada",
      created_at: "2026-12-04T01:30:00Z",
    },
  }));
});

async function fillAndPlace() {
  await userEvent.type(await screen.findByLabelText("Full name"), "Ada Lovelace");
  await userEvent.type(screen.getByLabelText("Street and number"), "Unter den Linden 1");
  await userEvent.type(screen.getByLabelText("Postal code"), "10117");
  await userEvent.type(screen.getByLabelText("City"), "Berlin");
  await userEvent.type(screen.getByLabelText("Card number"), "4242 4242 4242 4242");
  await userEvent.type(screen.getByLabelText("Expiry (MM/YY)"), "12/30");
  await userEvent.type(screen.getByLabelText("Security code"), "123");
  await userEvent.type(screen.getByLabelText("Name on card"), "Ada Lovelace");
  await screen.findByText("€42.85");
  await userEvent.click(screen.getByRole("button", { name: "Place order" }));
}

describe("checkout", () => {
  it("asks a guest to sign in first", async () => {
    renderApp("/checkout");
    expect(await screen.findByRole("heading", { name: "Sign in to check out" })).toBeInTheDocument();
  });

  it("names the fields that are missing before sending anything", async () => {
    signIn();
    renderApp("/checkout");
    await screen.findByText("€42.85");
    await userEvent.click(screen.getByRole("button", { name: "Place order" }));
    expect(screen.getByText("Enter the name to deliver to.")).toBeInTheDocument();
    expect(screen.getByText("Enter the city.")).toBeInTheDocument();
    expect(shop.calls.some((call) => call.url.pathname === "/api/cart/v1/checkout")).toBe(false);
  });

  it("sends the same key again while the order settles, then shows it", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    signIn();
    let answers = 0;
    shop.on("POST", "/api/cart/v1/checkout", () =>
      ++answers < 3 ? { status: 202, body: { ...order, status: "awaiting_payment" } } : { status: 201, body: order },
    );
    shop.on("GET", `/api/orders/v1/orders/${order.id}`, {
      body: {
        ...order,
        lines: [],
        history: [],
        totals: quoted,
        shipping: { address: {}, speed: "standard", estimate: { min_days: 1, max_days: 2 } },
      },
    });
    const { router } = renderApp("/checkout");
    await fillAndPlace();
    await waitFor(() => expect(router.state.location.pathname).toBe(`/orders/${order.id}`), { timeout: 5000 });
    const checkouts = shop.calls.filter((call) => call.url.pathname === "/api/cart/v1/checkout");
    expect(checkouts).toHaveLength(3);
    const keys = new Set(checkouts.map((call) => call.headers["Idempotency-Key"]));
    expect(keys.size).toBe(1);
    expect(checkouts[0]!.body).toMatchObject({
      email: "ada@example.com",
      shipping_speed: "standard",
      payment_method: `card-for-card-${[...keys][0]}`,
    });
    vi.useRealTimers();
  });

  it("stops settling when the shopper leaves, and does not bring them back", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    signIn();
    shop.on("POST", "/api/cart/v1/checkout", { status: 202, body: { ...order, status: "awaiting_payment" } });
    const { router } = renderApp("/checkout");
    await fillAndPlace();
    await screen.findByRole("button", { name: "Waiting for the payment…" });
    const checkouts = () => shop.calls.filter((call) => call.url.pathname === "/api/cart/v1/checkout").length;
    await router.navigate("/");
    await waitFor(() => expect(screen.queryByRole("heading", { name: "Checkout" })).toBeNull());
    const whenLeft = checkouts();
    await vi.advanceTimersByTimeAsync(30_000);
    expect(router.state.location.pathname).toBe("/");
    expect(checkouts()).toBeLessThanOrEqual(whenLeft + 1); // at most the one already on its way
    vi.useRealTimers();
  });

  it("does not fill the default address over what the shopper typed meanwhile", async () => {
    signIn();
    let answerAddresses: () => void = () => {};
    const addressesAnswered = new Promise<void>((resolve) => (answerAddresses = resolve));
    shop.on("GET", "/api/customers/v1/customers/customer-1/addresses", async () => {
      await addressesAnswered;
      return {
        body: {
          items: [
            {
              id: "a1",
              recipient: "Mary Somerville",
              line1: "1 Infirmary Street",
              city: "Edinburgh",
              postal_code: "EH1 1LT",
              country: "GB",
              is_default_shipping: true,
              is_default_billing: false,
            },
          ],
        },
      };
    });
    renderApp("/checkout");
    await userEvent.type(await screen.findByLabelText("Full name"), "Ada Lovelace");
    answerAddresses();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByLabelText("Full name")).toHaveValue("Ada Lovelace");
    expect(screen.getByLabelText("City")).toHaveValue("");
  });

  it("says a declined card charged nothing, and a new try is a new order", async () => {
    signIn();
    shop.on("POST", "/api/cart/v1/checkout", {
      status: 409,
      body: {
        type: "/problems/order-not-placed",
        title: "Order not placed",
        status: 409,
        detail: "the card was declined (card_declined)",
        order_id: "x",
      },
    });
    renderApp("/checkout");
    await fillAndPlace();
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "The card was declined (card_declined). Nothing was charged.",
    );
    await userEvent.click(screen.getByRole("button", { name: "Place order" }));
    await waitFor(() =>
      expect(shop.calls.filter((call) => call.url.pathname === "/api/cart/v1/checkout")).toHaveLength(2),
    );
    const [first, second] = shop.calls.filter((call) => call.url.pathname === "/api/cart/v1/checkout");
    expect(first!.headers["Idempotency-Key"]).not.toBe(second!.headers["Idempotency-Key"]);
  });
});
