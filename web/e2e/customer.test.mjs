// A shopper in a real browser against the real embedded shop: fills a cart
// as a guest, signs up on the auth service's pages in the middle of
// checking out (the guest cart comes along), is declined with one test
// card (a clear error, the order cancelled, nothing charged, the cart
// kept), pays with another, and sees the order paid with its timeline.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launch, openPage } from "./browser.mjs";
import { startShop } from "./shop.mjs";

let shop;
let browser;

before(async () => {
  shop = await startShop();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await shop?.stop();
});

// Chromium logs every 4xx answer as a console error; the ones a spec
// causes on purpose are named, anything else fails it.
function unexpected(errors, ...expectedStatuses) {
  return errors.filter(
    (error) => !expectedStatuses.some((status) => error.includes(`Failed to load resource: the server responded with a status of ${status}`)),
  );
}

async function enterCard(page, number) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
}

describe("a shopper", () => {
  it("signs up at checkout, is declined clearly, pays with another card and sees the order", async () => {
    const { page, errors, photograph, close } = await openPage(browser, "checkout");
    try {
      await page.goto(`${shop.url}/search?q=jigsaw`);
      await page.locator(".results .product-card a").first().click();
      const title = await page.getByRole("heading", { level: 1 }).innerText();
      await page.getByRole("button", { name: "Add to cart" }).click();
      await page.getByText("Added to your cart").waitFor();
      await page.getByRole("link", { name: "View cart" }).click();
      await page.getByRole("link", { name: "Check out" }).click();
      await page.getByRole("heading", { name: "Sign in to check out" }).waitFor();
      await photograph("sign-in-to-check-out");

      await page.getByRole("button", { name: "Create an account" }).click();
      await page.getByRole("heading", { name: "Create an account" }).waitFor();
      const email = `ada-${Date.now()}@example.com`;
      await page.getByLabel("Name").fill("Ada Lovelace");
      await page.getByLabel("Email").fill(email);
      await page.getByLabel("Password").fill("a long passphrase of ada");
      await photograph("sign-up");
      await page.getByRole("button", { name: "Create account" }).click();

      await page.getByRole("heading", { name: "Checkout" }).waitFor();
      const summary = page.getByRole("complementary", { name: "Order summary" });
      await summary.getByText(title).waitFor(); // the guest's line joined the new account's cart
      assert.equal(await page.getByLabel("Email").inputValue(), email);
      await page.getByLabel("Full name").fill("Ada Lovelace");
      await page.getByLabel("Street and number").fill("Unter den Linden 1");
      await page.getByLabel("Postal code").fill("10117");
      await page.getByLabel("City").fill("Berlin");
      assert.match(await summary.innerText(), /DE VAT \(included\)/);
      await page.getByLabel(/^Express/).check();
      await summary.getByText("Shipping (express)").waitFor();
      await page.getByLabel(/^Standard/).check();
      await summary.getByText("Shipping (standard)").waitFor();
      await enterCard(page, "4000 0000 0000 0002");
      await photograph("checkout-filled");

      await page.getByRole("button", { name: "Place order" }).click();
      const refusal = page.locator(".checkout-refusal");
      await refusal.waitFor();
      assert.match(await refusal.innerText(), /declined.*Nothing was charged\./s);
      assert.equal(await page.locator(".cart-count").innerText(), "1", "the cart is kept after a decline");
      await photograph("card-declined");

      await page.getByLabel("A new card").check();
      await enterCard(page, "4242 4242 4242 4242");
      await page.getByRole("button", { name: "Place order" }).click();
      await page.waitForURL(/\/orders\//);
      await page.getByText("Thank you! Your order is paid").waitFor();
      assert.match(await page.locator(".order-status").innerText(), /Paid/);
      const timeline = await page.locator(".timeline li strong").allInnerTexts();
      assert.deepEqual(timeline, ["Placed", "Awaiting payment", "Paid"]);
      assert.equal(await page.locator(".cart-count").innerText(), "0", "what was ordered left the cart");
      await photograph("order-paid");

      await page.getByRole("link", { name: "All your orders" }).click();
      await page.getByRole("heading", { name: "Your orders" }).waitFor();
      const statuses = await page.locator(".orders-list .order-status").allInnerTexts();
      assert.deepEqual(statuses.sort(), ["Cancelled", "Paid"]);
      await photograph("orders");
      await page.locator(".orders-list li", { hasText: "Cancelled" }).getByRole("link").click();
      await page.getByRole("heading", { name: /^Order / }).waitFor();
      assert.match(await page.locator("main").innerText(), /Cancelled \(.*declined.*\)/);
      await photograph("declined-order");

      assert.deepEqual(unexpected(errors, 409), []);
    } finally {
      await close();
    }
  });
});
