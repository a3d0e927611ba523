// A shopper in a real browser against the real embedded shop: fills a cart
// as a guest, signs up on the auth service's pages in the middle of
// checking out (the guest cart comes along), is declined with one test
// card (a clear error, the order cancelled, nothing charged, the cart
// kept), pays with another, and sees the order paid with its timeline.
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
  signInOnAuthPage,
  signUpOnAuthPage,
  unexpected,
} from "./steps.mjs";

const world = shopAndBrowser(launch, { before, after });

describe("a shopper", () => {
  it("signs up at checkout, is declined clearly, pays with another card and sees the order", async () => {
    const { page, errors, photograph, run, close } = await openPage(world.browser, "checkout");
    try {
      await run(async () => {
        const title = await addFirstResultToCart(page, world.shop.url, "jigsaw");
        await page.getByRole("link", { name: "View cart" }).click();
        await page.getByRole("link", { name: "Check out" }).click();
        await page.getByRole("heading", { name: "Sign in to check out" }).waitFor();
        await photograph("sign-in-to-check-out");

        const merges = [];
        page.on("request", (request) => {
          if (new URL(request.url()).pathname === "/api/cart/v1/cart/merge") merges.push(request.method());
        });
        await page.getByRole("button", { name: "Create an account" }).click();
        const email = `ada-${Date.now()}@example.com`;
        await page.getByRole("heading", { name: "Create an account" }).waitFor();
        await photograph("sign-up");
        await signUpOnAuthPage(page, email);

        await page.getByRole("heading", { name: "Checkout" }).waitFor();
        const summary = page.getByRole("complementary", { name: "Order summary" });
        await summary.getByText(title).waitFor(); // the guest's line joined the new account's cart
        assert.deepEqual(merges, ["POST"], "the guest cart is merged once");
        assert.equal(await page.getByLabel("Email").inputValue(), email);
        await fillBerlinAddress(page);
        assert.match(await summary.innerText(), /DE VAT \(included\)/);
        await page.getByLabel(/^Express/).check();
        await summary.getByText("Shipping (express)").waitFor();
        await page.getByLabel(/^Standard/).check();
        await summary.getByText("Shipping (standard)").waitFor();
        await enterCard(page, "4000 0000 0000 0002");
        await photograph("checkout-filled");
        assert.deepEqual(serious(await accessibilityViolations(page)), []);

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
        assert.deepEqual(serious(await accessibilityViolations(page)), []);

        await page.getByRole("link", { name: "All your orders" }).click();
        await page.getByRole("heading", { name: "Your orders" }).waitFor();
        const statuses = await page.locator(".orders-list .order-status").allInnerTexts();
        assert.deepEqual(statuses.sort(), ["Cancelled", "Paid"]);
        await photograph("orders");
        await page.locator(".orders-list li", { hasText: "Cancelled" }).getByRole("link").click();
        await page.getByRole("heading", { name: /^Order / }).waitFor();
        assert.match(await page.locator("main").innerText(), /Cancelled \(.*declined.*\)/);
        await photograph("declined-order");
        const declinedOrder = page.url().split("/").at(-1);

        // The payment service's side, as an admin sees it: the declined
        // card was never charged, the other one was authorized in full.
        const operator = await openPage(world.browser, "checkout-admin");
        try {
          await operator.run(async () => {
            await operator.page.goto(`${world.shop.url}/admin/orders/${declinedOrder}`);
            await operator.page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
            await signInOnAuthPage(operator.page, admin);
            const payments = operator.page.getByRole("table", { name: "Payments" });
            await payments.waitFor();
            const row = (await payments.locator("tbody tr").allInnerTexts()).join("\n");
            assert.match(row, /declined \(card_declined\)/);
            assert.match(row, /€0\.00\s+€0\.00$/, "nothing captured, nothing refunded");
            await operator.photograph("declined-payment-as-the-admin-sees-it");
          });
        } finally {
          await operator.close();
        }

        assert.deepEqual(unexpected(errors, 409), []);
      });
    } finally {
      await close();
    }
  });
});
