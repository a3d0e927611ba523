// An admin runs the shop in a real browser against the real embedded shop:
// gives a product a new picture and more stock, sees the day's figures,
// ships a customer's order; the customer then sees it shipped with its
// tracking number. A customer cannot open the admin.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launch, openPage } from "./browser.mjs";
import { accessibilityViolations, serious } from "./audits.mjs";
import { shopAndBrowser } from "./shop.mjs";
import {
  addFirstResultToCart,
  admin,
  enterCard,
  fillBerlinAddress,
  picture,
  signInOnAuthPage,
  signUpOnAuthPage,
  unexpected,
} from "./steps.mjs";

const world = shopAndBrowser(launch, { before, after });

describe("an admin", () => {
  it("changes a product's picture and stock, and ships an order the customer then sees shipped", async () => {
    const customer = await openPage(world.browser, "admin-customer");
    const operator = await openPage(world.browser, "admin");
    try {
      await operator.run(() =>
        customer.run(async () => {
          // A customer orders.
          const shopper = customer.page;
          const title = await addFirstResultToCart(shopper, world.shop.url, "lamp");
          await shopper.goto(`${world.shop.url}/checkout`);
          await shopper.getByRole("button", { name: "Create an account" }).click();
          await signUpOnAuthPage(shopper, `grace-${Date.now()}@example.com`);
          await shopper.getByRole("heading", { name: "Checkout" }).waitFor();
          await fillBerlinAddress(shopper);
          await enterCard(shopper, "5555 5555 5555 4444");
          await shopper.getByRole("button", { name: "Place order" }).click();
          await shopper.getByText("Thank you! Your order is paid").waitFor();
          const orderUrl = shopper.url();
          const orderId = orderUrl.split("/").at(-1);

          // A customer is not an admin.
          await shopper.goto(`${world.shop.url}/admin`);
          await shopper.getByRole("heading", { name: "Admins only" }).waitFor();

          // The admin signs in.
          const page = operator.page;
          await page.goto(`${world.shop.url}/admin`);
          await page.getByRole("button", { name: "Sign in" }).last().click();
          await signInOnAuthPage(page, admin);
          await page.getByRole("heading", { name: "Dashboard" }).waitFor();
          await page.getByTestId("orders-today").waitFor();
          assert.ok(Number(await page.getByTestId("orders-today").innerText()) >= 1);
          assert.notEqual(await page.getByTestId("revenue-today").innerText(), "—");
          await operator.photograph("dashboard");
          assert.deepEqual(serious(await accessibilityViolations(page)), []);

          // A new picture and more stock for the product the customer bought.
          await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
          await page.getByLabel("Find products").fill(title);
          await page.getByRole("button", { name: "Find" }).click();
          await page.getByRole("table", { name: "Products" }).getByRole("link", { name: title, exact: true }).click();
          await page.getByRole("heading", { name: title }).waitFor();
          const pictures = page.locator(".picture-list li");
          const before = await pictures.count();
          await page.getByLabel(/Upload a picture/).setInputFiles(picture);
          await page.getByText(/Picture uploaded \(512×512\)/).waitFor();
          assert.equal(await pictures.count(), before + 1);
          await page.getByRole("button", { name: "Save changes" }).click();
          await page.getByRole("status").getByText("Saved.").waitFor();
          await operator.photograph("product-with-a-new-picture");

          const figures = page.getByTestId("stock-figures");
          const availableBefore = Number(/available (\d+)/.exec(await figures.innerText())[1]);
          await page.getByLabel("Units in (+) or out (−)").fill("7");
          await page.getByLabel("Reason").fill("delivery from the supplier");
          await page.getByRole("button", { name: "Adjust stock" }).click();
          await page.getByText("Stock adjusted.").waitFor();
          assert.match(await figures.innerText(), new RegExp(`available ${availableBefore + 7}$`));
          await operator.photograph("stock-adjusted");
          assert.deepEqual(serious(await accessibilityViolations(page)), []);

          // The storefront shows the new picture, made as AVIF (what Chromium asks for first).
          const formats = new Set();
          shopper.on("response", (response) => {
            if (new URL(response.url()).pathname.startsWith("/api/images/")) {
              formats.add(response.headers()["content-type"]);
            }
          });
          await shopper.goto(`${world.shop.url}/search?q=${encodeURIComponent(title)}`);
          await shopper.locator(".results .product-card a").first().click();
          // Its own thumbnail when it joined other pictures, else the product's picture.
          const shown =
            before > 0
              ? shopper.getByRole("button", { name: `Picture ${before + 1}` }).locator("img")
              : shopper.locator(".product-gallery").getByRole("img", { name: title });
          await shown.scrollIntoViewIfNeeded();
          await shown.evaluate((image) => image.decode()); // rejects when it cannot be shown
          assert.ok(formats.has("image/avif"), `the variants came as ${[...formats].join(", ")}`);

          // A new product, made and then deleted (no order ever held it).
          await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Products" }).click();
          await page.getByRole("link", { name: "New product" }).click();
          await page.getByRole("heading", { name: "New product" }).waitFor();
          await page.getByLabel("Title").fill("E2E Test Lantern");
          await page.getByLabel("SKU").fill(`e2e-lantern-${Date.now()}`);
          await page.getByLabel("Brand").fill("Lumen & Co");
          await page.getByLabel("Category").selectOption({ label: "Floor Lamps" });
          await page.getByLabel("Price (EUR)").fill("49.90");
          await page.getByLabel("Units on hand").fill("3");
          await page.getByRole("button", { name: "Create product" }).click();
          await page.getByRole("heading", { name: "E2E Test Lantern" }).waitFor();
          assert.match(await page.getByTestId("stock-figures").innerText(), /available 3$/);
          await operator.photograph("product-created");
          await page.getByRole("button", { name: "Delete product" }).click();
          await page.getByRole("button", { name: "Yes, delete it" }).click();
          await page.getByRole("heading", { name: "Products" }).waitFor();

          // The admin ships the order.
          await page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Orders" }).click();
          await page.getByLabel("Status").selectOption("paid");
          await page
            .getByRole("table", { name: "Orders" })
            .getByRole("link", { name: orderId.slice(-8).toUpperCase() })
            .click();
          await page.getByLabel("Tracking number").fill("JD014600006281234567");
          await operator.photograph("order-to-ship");
          await page.getByRole("button", { name: "Ship and capture the payment" }).click();
          await page.getByRole("button", { name: "Mark delivered" }).waitFor();
          assert.match(await page.locator(".order-admin .order-status").first().innerText(), /Shipped/);
          await operator.photograph("order-shipped");
          assert.deepEqual(serious(await accessibilityViolations(page)), []);

          // The customer sees it shipped, with the carrier and tracking number.
          await shopper.goto(orderUrl);
          await shopper.getByText("Shipped with DHL, tracking number").waitFor();
          assert.match(await shopper.locator(".order-status").innerText(), /Shipped/);
          assert.deepEqual(await shopper.locator(".timeline li strong").allInnerTexts(), [
            "Placed",
            "Awaiting payment",
            "Paid",
            "Shipped",
          ]);
          await customer.photograph("customer-sees-shipped");

          assert.deepEqual(unexpected(operator.errors), []);
          assert.deepEqual(unexpected(customer.errors), []);
        }),
      );
    } finally {
      await customer.close();
      await operator.close();
    }
  });
});
