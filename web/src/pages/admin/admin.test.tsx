import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeShop, product, type FakeShop } from "../../test/fake-shop";
import { renderApp } from "../../test/render";
import { signIn } from "../../test/sign-in";

const lamp = product({ id: "01a23eac-0000-7000-8000-000000000001", title: "Reading Lamp", category_id: "lamps" });
let shop: FakeShop;

beforeEach(() => {
  localStorage.clear();
  shop = fakeShop();
  shop.on("GET", "/api/catalog/v1/categories", {
    body: { items: [{ id: "lamps", slug: "lamps", name: "Lamps", parent_id: null, path: "lamps", position: 0 }] },
  });
  shop.on("GET", `/api/catalog/v1/products/${lamp.id}`, { body: lamp });
});

describe("the admin", () => {
  it("is closed to customers", async () => {
    signIn([]);
    renderApp("/admin");
    expect(await screen.findByRole("heading", { name: "Admins only" })).toBeInTheDocument();
  });

  it("sends a product's changes with If-Match and says when someone changed it first", async () => {
    signIn(["admin"]);
    shop.on("PATCH", `/api/catalog/v1/products/${lamp.id}`, {
      status: 412,
      body: { type: "/problems/precondition-failed", title: "Precondition failed", status: 412 },
    });
    renderApp(`/admin/products/${lamp.id}`);
    const price = await screen.findByLabelText("Price (EUR)");
    expect(price).toHaveValue("37.95");
    await userEvent.clear(price);
    await userEvent.type(price, "39.5");
    await userEvent.click(screen.getByRole("button", { name: "Save changes" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("Someone changed this product since you opened it.");
    const patch = shop.calls.find((call) => call.method === "PATCH")!;
    expect(patch.headers["Content-Type"]).toBe("application/merge-patch+json");
    expect(patch.body).toMatchObject({ price: { amount: 3950, currency: "EUR" }, category: "lamps" });
  });

  it("refuses a stock adjustment that is not a whole number before sending it", async () => {
    signIn(["admin"]);
    renderApp(`/admin/products/${lamp.id}`);
    await userEvent.type(await screen.findByLabelText("Units in (+) or out (−)"), "2.5");
    await userEvent.click(screen.getByRole("button", { name: "Adjust stock" }));
    expect(await screen.findByText("Enter how many units arrive (12) or leave (-3).")).toBeInTheDocument();
    shop.on("POST", `/api/catalog/v1/products/${lamp.id}/inventory/adjustments`, {
      body: { ...lamp.stock, on_hand: 10, available: 10 },
    });
    await userEvent.clear(screen.getByLabelText("Units in (+) or out (−)"));
    await userEvent.type(screen.getByLabelText("Units in (+) or out (−)"), "7");
    await userEvent.click(screen.getByRole("button", { name: "Adjust stock" }));
    await waitFor(() => expect(screen.getByTestId("stock-figures")).toHaveTextContent("available 10"));
    const adjustment = shop.calls.find((call) => call.url.pathname.endsWith("/adjustments"))!;
    expect(adjustment.body).toEqual({ delta: 7 });
    expect(adjustment.headers["Idempotency-Key"]).toMatch(/^[0-9a-f-]{36}$/);
  });
});
