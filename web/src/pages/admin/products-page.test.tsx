import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { fakeShop, product, type FakeShop } from "../../test/fake-shop";
import { renderApp } from "../../test/render";
import { signIn } from "../../test/sign-in";

let shop: FakeShop;
const lamp = product({ id: "p-lamp", title: "Walnut Desk Lamp", slug: "walnut-desk-lamp" });
const puzzle = product({ id: "p-puzzle", title: "Puzzle Box", slug: "puzzle-box" });
const vase = product({ id: "p-vase", title: "Stone Vase", slug: "stone-vase" });

beforeEach(() => {
  localStorage.clear();
  shop = fakeShop();
  shop.on("GET", "/api/catalog/v1/categories", { body: { items: [] } });
  signIn(["admin"]);
});

describe("the admin's products", () => {
  it("does not add a page of the last listing to a new search's results", async () => {
    let answerSecondPage: () => void = () => {};
    const secondPageAsked = new Promise<void>((resolve) => (answerSecondPage = resolve));
    shop.on("GET", "/api/catalog/v1/products", async (url) => {
      if (url.searchParams.has("ids")) return { body: { items: [lamp], next_cursor: null } };
      if (url.searchParams.has("cursor")) {
        await secondPageAsked;
        return { body: { items: [vase], next_cursor: null } };
      }
      return { body: { items: [puzzle], next_cursor: "page-2" } };
    });
    shop.on("GET", "/api/search/v1/search", {
      body: { items: [{ ...lamp, in_stock: true, highlight: {} }], facets: {}, total: 1, next_cursor: null },
    });
    renderApp("/admin/products");
    const table = await screen.findByRole("table", { name: "Products" });
    await within(table).findByText("Puzzle Box");

    const showMore = screen.getByRole("button", { name: "Show more" });
    await userEvent.click(showMore);
    await userEvent.click(showMore); // disabled while the page is on its way: asked once
    await userEvent.type(screen.getByLabelText("Find products"), "lamp");
    await userEvent.click(screen.getByRole("button", { name: "Find" }));
    await within(await screen.findByRole("table", { name: "Products" })).findByText("Walnut Desk Lamp");
    answerSecondPage();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const rows = within(screen.getByRole("table", { name: "Products" })).getAllByRole("link");
    expect(rows.map((row) => row.textContent)).toEqual(["Walnut Desk Lamp"]);
    await waitFor(() =>
      expect(shop.calls.filter((call) => call.url.searchParams.get("cursor") === "page-2")).toHaveLength(1),
    );
  });
});
