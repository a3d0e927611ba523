// A customer looks after their account in a real browser against the real
// embedded shop: signs up from the sign-in page, keeps a profile and a
// default address (which then fills the checkout), downloads their data,
// and deletes the account, after which it cannot sign in.
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { after, before, describe, it } from "node:test";
import { launch, openPage } from "./browser.mjs";
import { accessibilityViolations, serious } from "./audits.mjs";
import { shopAndBrowser } from "./shop.mjs";
import { addFirstResultToCart, signedOutAtHome, signInOnAuthPage, signUpOnAuthPage, unexpected } from "./steps.mjs";

const world = shopAndBrowser(launch, { before, after });

describe("a customer's account", () => {
  it("keeps a profile and addresses, exports the data and is deleted", async () => {
    const { page, errors, photograph, run, close } = await openPage(world.browser, "account");
    try {
      await run(async () => {
        const email = `mary-${Date.now()}@example.com`;
        const password = "a long passphrase of mary";
        await page.goto(`${world.shop.url}/account`);
        await page.getByRole("heading", { name: "Sign in to see your account" }).waitFor();
        await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("link", { name: "Create an account" }).click();
        await signUpOnAuthPage(page, email, password);
        await page.getByRole("heading", { name: "Your account" }).waitFor();
        assert.equal(await page.getByLabel("Name", { exact: true }).inputValue(), "Ada Lovelace");

        await page.getByLabel("Name", { exact: true }).fill("Mary Somerville");
        await page.getByLabel("Phone (optional)").fill("+44 20 7946 0000");
        await page.getByLabel("Send me the newsletter").check();
        await page.getByRole("button", { name: "Save profile" }).click();
        await page.getByText("Profile saved.").waitFor();

        const form = page.getByRole("form", { name: "New address" });
        await form.getByRole("button", { name: "Save address" }).click();
        await form.getByText("Enter the name to deliver to.").waitFor();
        await form.getByLabel("Full name").fill("Mary Somerville");
        await form.getByLabel("Street and number").fill("1 Infirmary Street");
        await form.getByLabel("Postal code").fill("EH1 1LT");
        await form.getByLabel("City").fill("Edinburgh");
        await form.getByLabel("Country").selectOption("GB");
        await form.getByRole("button", { name: "Save address" }).click();
        const saved = page.getByRole("list", { name: "Saved addresses" });
        await saved.locator("address", { hasText: "1 Infirmary Street" }).waitFor();
        await saved.getByText("Default delivery address").waitFor();
        await photograph("account");
        assert.deepEqual(serious(await accessibilityViolations(page)), []);

        // The default address fills the checkout, priced for the UK.
        await addFirstResultToCart(page, world.shop.url, "kettle");
        await page.goto(`${world.shop.url}/checkout`);
        await page
          .getByRole("complementary", { name: "Order summary" })
          .getByText(/GB VAT/)
          .waitFor();
        assert.equal(await page.getByLabel("Street and number").inputValue(), "1 Infirmary Street");
        assert.equal(await page.getByLabel("Country").inputValue(), "GB");
        await photograph("checkout-filled-from-the-address");

        // The data export is a file with what was entered.
        await page.goto(`${world.shop.url}/account`);
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Download my data" }).click(),
        ]);
        const exported = await readFile(await download.path(), "utf8");
        assert.match(exported, /Mary Somerville/);
        assert.match(exported, /1 Infirmary Street/);

        await page.getByRole("button", { name: "Delete my account" }).click();
        await page.getByRole("alertdialog").waitFor();
        await photograph("delete-account");
        await page.getByRole("button", { name: "Yes, delete it" }).click();
        await signedOutAtHome(page, world.shop.url);

        // The account is gone from the auth service too (its erasure follows the event).
        let refused = false;
        for (let attempt = 0; attempt < 20 && !refused; attempt++) {
          await page.goto(`${world.shop.url}/account`);
          await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
          await signInOnAuthPage(page, { email, password });
          // Either the auth page refuses, or (the erasure still on its way) the shop signs in.
          const refusal = page.getByText("The email or the password is not right.");
          await refusal
            .or(page.getByRole("button", { name: "Sign out" }))
            .first()
            .waitFor();
          refused = await refusal.isVisible();
          if (!refused) {
            await page.getByRole("button", { name: "Sign out" }).click();
            await signedOutAtHome(page, world.shop.url);
          }
        }
        assert.ok(refused, "the deleted account cannot sign in");
        assert.deepEqual(unexpected(errors, 401), []);
      });
    } finally {
      await close();
    }
  });
});
