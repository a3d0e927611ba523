import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { Cart, SearchResult } from "../api/types";
import { fakeShop, product, type FakeShop } from "../test/fake-shop";
import { renderApp } from "../test/render";

let shop: FakeShop;

const puzzle = product();
const cartWith = (quantity: number): Cart => ({
  owner: "guest",
  currency: "EUR",
  lines: [
    {
      product_id: puzzle.id,
      sku: puzzle.sku,
      title: puzzle.title,
      quantity,
      unit_price: puzzle.price,
      subtotal: { amount: puzzle.price.amount * quantity, currency: "EUR" },
      tax_category: "standard",
      weight_grams: 370,
      available: 3,
      added_at: "2026-12-04T01:30:00Z",
    },
  ],
  item_count: quantity,
  merchandise: { amount: puzzle.price.amount * quantity, currency: "EUR" },
  version: 1,
  updated_at: "2026-12-04T01:30:00Z",
});

const found: SearchResult = {
  query: "puzle",
  corrected_query: "puzzle",
  corrections: [{ typed: "puzle", corrected: "puzzle" }],
  relaxed: false,
  sort: "relevance",
  total: 1,
  total_exact: true,
  items: [{ ...puzzle, in_stock: true, highlight: { title: "Tinker Toys Pro <mark>Puzzle</mark> Box" } }],
  facets: {
    brand: [{ value: "Tinker Toys", count: 1 }],
    category: [{ value: "toys", count: 1 }],
    price: [{ min: 2500, max: 5000, count: 1 }],
  },
  next_cursor: null,
};

beforeEach(() => {
  localStorage.clear();
  shop = fakeShop();
  shop.on("GET", "/api/catalog/v1/categories", {
    body: { items: [{ id: "t", slug: "toys", name: "Toys & Games", parent_id: null, path: "toys", position: 0 }] },
  });
});

describe("the product page", () => {
  beforeEach(() => {
    shop.on("GET", `/api/catalog/v1/products/by-slug/${puzzle.slug}`, { body: puzzle });
    shop.on("GET", `/api/recommendations/v1/recommendations/products/${puzzle.id}/similar`, {
      body: { model: "popular", trained_at: null, items: [] },
    });
  });

  it("shows the product, its stock and its picture at several widths", async () => {
    renderApp(`/products/${puzzle.slug}`);
    expect(await screen.findByRole("heading", { name: puzzle.title })).toBeInTheDocument();
    expect(screen.getByText("Only 3 left")).toBeInTheDocument();
    expect(screen.getAllByText("€37.95").length).toBeGreaterThan(0);
    const picture = screen.getByRole("img", { name: puzzle.title });
    expect(picture.getAttribute("srcset")).toContain("?w=960 960w");
    expect(
      within(screen.getByRole("navigation", { name: "Breadcrumb" })).getByText("Toys & Games"),
    ).toBeInTheDocument();
  });

  it("adds to a new guest cart and the header counts it", async () => {
    shop.on("POST", "/api/cart/v1/cart-tokens", {
      status: 201,
      body: { cart_token: "t".repeat(43), expires_in_seconds: 1 },
    });
    shop.on("POST", "/api/cart/v1/cart/items", { body: cartWith(2) });
    renderApp(`/products/${puzzle.slug}`);
    const quantity = await screen.findByRole("spinbutton", { name: "Quantity" });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "2");
    await userEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(await screen.findByText(/Added to your cart/)).toBeInTheDocument();
    const added = shop.calls.find((call) => call.url.pathname === "/api/cart/v1/cart/items")!;
    expect(added.body).toEqual({ product_id: puzzle.id, quantity: 2 });
    expect(added.headers["Cart-Token"]).toBe("t".repeat(43));
    expect(localStorage.getItem("shop.cart-token")).toBe("t".repeat(43));
    expect(screen.getByLabelText("2 items")).toBeInTheDocument();
  });

  it("keeps what was added when the read of the new cart answers after the add", async () => {
    shop.on("POST", "/api/cart/v1/cart-tokens", {
      status: 201,
      body: { cart_token: "t".repeat(43), expires_in_seconds: 1 },
    });
    // The read of the new token's cart starts while the add is on its way
    // and answers (still empty) only after the add has answered.
    let readStarted: () => void = () => {};
    const reading = new Promise<void>((resolve) => (readStarted = resolve));
    let addAnswered: () => void = () => {};
    const added = new Promise<void>((resolve) => (addAnswered = resolve));
    shop.on("GET", "/api/cart/v1/cart", async () => {
      readStarted();
      await added;
      return { body: { ...cartWith(1), lines: [], item_count: 0, version: 0 } };
    });
    shop.on("POST", "/api/cart/v1/cart/items", async () => {
      await reading;
      setTimeout(addAnswered, 0);
      return { body: cartWith(1) };
    });
    renderApp(`/products/${puzzle.slug}`);
    await userEvent.click(await screen.findByRole("button", { name: "Add to cart" }));
    expect(await screen.findByText(/Added to your cart/)).toBeInTheDocument();
    await waitFor(() => expect(shop.calls.filter((call) => call.url.pathname === "/api/cart/v1/cart")).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 20)); // the late read has answered
    expect(screen.getByLabelText("1 item")).toBeInTheDocument();
  });

  it("says what the cart service refused", async () => {
    localStorage.setItem("shop.cart-token", "k".repeat(43));
    shop.on("GET", "/api/cart/v1/cart", { body: { ...cartWith(1), lines: [], item_count: 0 } });
    shop.on("POST", "/api/cart/v1/cart/items", {
      status: 409,
      body: {
        type: "/problems/insufficient-stock",
        title: "Insufficient stock",
        status: 409,
        detail: "Only 3 are in stock",
      },
    });
    renderApp(`/products/${puzzle.slug}`);
    await userEvent.click(await screen.findByRole("button", { name: "Add to cart" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only 3 are in stock");
  });

  it("is a not-found page for an unknown product", async () => {
    renderApp("/products/nothing-like-this");
    expect(await screen.findByRole("heading", { name: "Nothing here" })).toBeInTheDocument();
  });
});

describe("search", () => {
  it("suggests as you type and goes to the product chosen with the keyboard", async () => {
    shop.on("GET", "/api/search/v1/search/suggest", {
      body: { query: "puz", corrected_query: null, suggestions: [{ text: "puzzle", products: 4 }], products: [puzzle] },
    });
    shop.on("GET", `/api/catalog/v1/products/by-slug/${puzzle.slug}`, { body: puzzle });
    const { router } = renderApp("/cart");
    const box = screen.getByRole("combobox", { name: "Search products" });
    await userEvent.type(box, "puz");
    const options = await screen.findAllByRole("option");
    expect(options.map((option) => option.textContent)).toEqual(["puzzle", `Product${puzzle.title}`]);
    await userEvent.keyboard("{ArrowDown}{ArrowDown}{Enter}");
    await waitFor(() => expect(router.state.location.pathname).toBe(`/products/${puzzle.slug}`));
  });

  it("closes the suggestions on Escape and keeps the words", async () => {
    shop.on("GET", "/api/search/v1/search/suggest", {
      body: { query: "puz", corrected_query: null, suggestions: [{ text: "puzzle", products: 4 }], products: [] },
    });
    renderApp("/cart");
    const box = screen.getByRole("combobox", { name: "Search products" });
    await userEvent.type(box, "puz");
    await screen.findByRole("option");
    await userEvent.keyboard("{Escape}");
    expect(box).toHaveAttribute("aria-expanded", "false");
    expect(box).toHaveValue("puz");
  });

  it("shows what the words were corrected to, highlights, and filters by a facet", async () => {
    shop.on("GET", "/api/search/v1/search", (url) => ({
      body: url.searchParams.get("brand") ? { ...found, facets: found.facets } : found,
    }));
    const { router } = renderApp("/search?q=puzle");
    expect(await screen.findByText("puzzle", { selector: "strong" })).toBeInTheDocument();
    expect(screen.getByText("Puzzle", { selector: "mark" })).toBeInTheDocument();
    await userEvent.click(screen.getByRole("checkbox", { name: /Tinker Toys/ }));
    await waitFor(() => expect(router.state.location.search).toBe("?q=puzle&brand=Tinker+Toys"));
    const searches = shop.calls.filter((call) => call.url.pathname === "/api/search/v1/search");
    expect(searches.at(-1)!.url.searchParams.getAll("brand")).toEqual(["Tinker Toys"]);
  });

  it("offers a retry when the search service fails", async () => {
    let failures = 1;
    shop.on("GET", "/api/search/v1/search", () =>
      failures-- > 0
        ? {
            status: 503,
            body: { type: "/problems/unavailable", title: "Unavailable", status: 503, detail: "Search is restarting" },
          }
        : { body: found },
    );
    renderApp("/search?q=puzle");
    expect(await screen.findByRole("alert")).toHaveTextContent("Search is restarting");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("heading", { name: "Results for “puzle”" })).toBeInTheDocument();
  });
});

describe("the cart page", () => {
  it("changes a quantity and removes a line", async () => {
    localStorage.setItem("shop.cart-token", "k".repeat(43));
    shop.on("GET", "/api/cart/v1/cart", { body: cartWith(1) });
    shop.on("PUT", `/api/cart/v1/cart/items/${puzzle.id}`, { body: cartWith(3) });
    shop.on("DELETE", `/api/cart/v1/cart/items/${puzzle.id}`, { body: { ...cartWith(1), lines: [], item_count: 0 } });
    renderApp("/cart");
    const quantity = await screen.findByRole("spinbutton", { name: `Quantity of ${puzzle.title}` });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "3");
    await userEvent.tab();
    expect(await screen.findByLabelText("3 items")).toBeInTheDocument();
    expect(shop.calls.find((call) => call.method === "PUT")!.body).toEqual({ quantity: 3 });
    await userEvent.click(screen.getByRole("button", { name: `Remove ${puzzle.title}` }));
    expect(await screen.findByRole("heading", { name: "Your cart is empty" })).toBeInTheDocument();
  });
});

describe("the quantity to add", () => {
  it("is refused with a reason outside 1 to what is in stock", async () => {
    shop.on("GET", `/api/catalog/v1/products/by-slug/${puzzle.slug}`, { body: puzzle });
    shop.on("GET", `/api/recommendations/v1/recommendations/products/${puzzle.id}/similar`, {
      body: { model: "popular", trained_at: null, items: [] },
    });
    renderApp(`/products/${puzzle.slug}`);
    const quantity = await screen.findByRole("spinbutton", { name: "Quantity" });
    await userEvent.clear(quantity);
    await userEvent.type(quantity, "12");
    await userEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Only 3 can be added.");
    await userEvent.clear(quantity);
    await userEvent.click(screen.getByRole("button", { name: "Add to cart" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Choose a quantity from 1 to 3.");
    expect(shop.calls.some((call) => call.url.pathname === "/api/cart/v1/cart/items")).toBe(false);
  });
});
