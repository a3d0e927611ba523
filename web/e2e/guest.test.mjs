// A guest in a real browser against the real embedded shop: browses a
// category, searches with a typo, picks a suggestion, adds to the cart,
// changes the cart. Each step is photographed at desktop width and 375 px.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { artifacts, launch, openPage } from "./browser.mjs";
import { accessibilityViolations, installabilityErrors, serious } from "./audits.mjs";
import { entryBudgetBytes, entryScriptBytes } from "./budget.mjs";
import { shopAndBrowser } from "./shop.mjs";

const world = shopAndBrowser(launch, { before, after });

describe("a guest", () => {
  it("browses, searches with a typo, adds to the cart and changes it", async () => {
    const { page, errors, photograph, run, close } = await openPage(world.browser, "guest");
    try {
      await run(async () => {
        await page.goto(world.shop.url);
        await page.getByRole("heading", { name: "Popular now" }).waitFor();
        await page.getByRole("list", { name: "Popular now" }).getByRole("link").first().waitFor();
        await photograph("home");

        await page.getByRole("navigation", { name: "Categories" }).getByRole("link", { name: "Toys & Games" }).click();
        await page.getByRole("heading", { name: "Toys & Games", level: 1 }).waitFor();
        // click, not check(): the box follows the URL, which the router changes in a transition,
        // so right after the click it can still read unchecked; wait for it to be checked instead
        await page.getByRole("checkbox", { name: /Puzzlewood/ }).click();
        await page.getByRole("checkbox", { name: /Puzzlewood/, checked: true }).waitFor();
        await page.waitForURL(/brand=Puzzlewood/);
        await page.locator('.results[aria-busy="false"]').waitFor();
        const brands = await page.locator(".results .product-card-brand").allTextContents();
        assert.ok(brands.length > 0, "the brand has products");
        assert.deepEqual(new Set(brands), new Set(["Puzzlewood"]));
        await photograph("category-filtered-by-brand");

        const box = page.getByRole("combobox", { name: "Search products" });
        await box.fill("jigsaw puzle");
        await page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first().waitFor();
        await photograph("suggestions");
        await box.press("Enter");
        await page.waitForURL(/\/search\?q=jigsaw\+puzle/);
        const correction = page.locator(".did-you-mean");
        await correction.waitFor();
        assert.match(await correction.innerText(), /jigsaw puzzle/);
        const titles = await page.locator(".results .product-card-title").allTextContents();
        assert.ok(titles.length > 0, "the misspelt words find products");
        assert.ok(
          titles.every((title) => /puzzle/i.test(title)),
          titles.join(" | "),
        );
        await photograph("search-with-a-typo");

        await page.locator(".results .product-card a").first().click();
        const addButton = page.getByRole("button", { name: "Add to cart" });
        await addButton.waitFor();
        const title = await page.getByRole("heading", { level: 1 }).innerText();
        await photograph("product");
        await page.getByRole("spinbutton", { name: "Quantity" }).fill("2");
        await addButton.click();
        await page.getByText("Added to your cart").waitFor();
        assert.equal(await page.locator(".cart-count").innerText(), "2");

        await page.getByRole("link", { name: "View cart" }).click();
        await page.getByRole("heading", { name: "Your cart" }).waitFor();
        await page.locator(".cart-line-title", { hasText: title }).waitFor();
        await photograph("cart");
        const quantity = page.getByRole("spinbutton", { name: `Quantity of ${title}` });
        await quantity.fill("1");
        await quantity.blur();
        await page.locator(".cart-count", { hasText: /^1$/ }).waitFor();

        // The cart outlives the page: a reload reads it back by the stored token.
        await page.reload();
        await page.locator(".cart-line-title", { hasText: title }).waitFor();
        await page.getByRole("button", { name: `Remove ${title}` }).click();
        await page.getByRole("heading", { name: "Your cart is empty" }).waitFor();
        await photograph("cart-emptied");
        assert.deepEqual(errors, []);
      });
    } finally {
      await close();
    }
  });

  it("sees a clear page for a product that does not exist", async () => {
    const { page, errors, photograph, run, close } = await openPage(world.browser, "not-found");
    try {
      await run(async () => {
        const response = await page.goto(`${world.shop.url}/products/no-such-product`);
        assert.equal(response.status(), 200, "the app's own routes load the app");
        await page.getByRole("heading", { name: "Nothing here" }).waitFor();
        await photograph("unknown-product");
        // The catalog's 404 for the slug is the only failed request, which
        // Chromium reports on the console; nothing else may be there.
        assert.deepEqual(
          errors.filter((error) => !/404/.test(error)),
          [],
        );
      });
    } finally {
      await close();
    }
  });
});

describe("the storefront for everyone", () => {
  it("can be used with the keyboard alone", async () => {
    const { page, errors, photograph, run, close } = await openPage(world.browser, "keyboard");
    try {
      await run(async () => {
        await page.goto(world.shop.url);
        await page.getByRole("list", { name: "Popular now" }).getByRole("link").first().waitFor();
        await page.keyboard.press("Tab");
        assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
        // Tab to the search field, type with a typo, take the first suggestion.
        for (let presses = 0; presses < 5; presses++) {
          await page.keyboard.press("Tab");
          if (await page.evaluate(() => document.activeElement?.getAttribute("role") === "combobox")) break;
        }
        assert.equal(await page.evaluate(() => document.activeElement?.getAttribute("role")), "combobox");
        await page.keyboard.type("jigsw");
        await page.getByRole("listbox", { name: "Suggestions" }).getByRole("option").first().waitFor();
        await page.keyboard.press("Escape");
        await page.keyboard.press("Enter");
        await page.waitForURL(/\/search\?q=jigsw/);
        await page.locator(".results .product-card a").first().waitFor();
        // To the first result, open it, and add it to the cart.
        await page.locator(".results .product-card a").first().focus();
        await page.keyboard.press("Enter");
        await page.getByRole("button", { name: "Add to cart" }).focus();
        await page.keyboard.press("Enter");
        await page.getByText("Added to your cart").waitFor();
        await photograph("keyboard-added-to-cart");
        assert.deepEqual(errors, []);
      });
    } finally {
      await close();
    }
  });

  it("has no serious accessibility problems on its pages and can be installed", async () => {
    const { page, run, close } = await openPage(world.browser, "audits");
    try {
      await run(async () => {
        const report = {};
        const pages = { home: "/", search: "/search?q=lamp", category: "/c/kitchen", cart: "/cart" };
        for (const [name, path] of Object.entries(pages)) {
          await page.goto(`${world.shop.url}${path}`);
          await page.locator("main h1, main h2").first().waitFor();
          await page.waitForLoadState("networkidle");
          report[name] = await accessibilityViolations(page);
        }
        await page.goto(`${world.shop.url}/search?q=lamp`);
        await page.locator(".results .product-card a").first().click();
        await page.getByRole("button", { name: "Add to cart" }).waitFor();
        report.product = await accessibilityViolations(page);
        await writeFile(join(artifacts, "accessibility.json"), `${JSON.stringify(report, null, 2)}\n`);
        for (const [name, violations] of Object.entries(report)) {
          assert.deepEqual(serious(violations), [], `${name}: ${JSON.stringify(serious(violations), null, 2)}`);
        }
        await page.goto(world.shop.url);
        await page.waitForLoadState("networkidle");
        // Playwright's contexts are incognito, where nothing installs;
        // anything else would be the app's fault.
        assert.deepEqual(
          (await installabilityErrors(page)).filter((error) => error !== "in-incognito"),
          [],
        );
      });
    } finally {
      await close();
    }
  });
});

describe("the performance budget", () => {
  it("keeps the entry's JavaScript under 200 KB gzipped and records the product page's time to interactive", async () => {
    const entry = await entryScriptBytes();
    const { page, run, close } = await openPage(world.browser, "budget");
    try {
      await run(async () => {
        await page.goto(`${world.shop.url}/search?q=puzzle`);
        const product = page.locator(".results .product-card a").first();
        await product.waitFor();
        const href = await product.getAttribute("href");
        const timings = [];
        for (let run = 0; run < 5; run++) {
          await page.goto(`${world.shop.url}${href}`);
          await page.getByRole("button", { name: "Add to cart" }).waitFor({ state: "visible" });
          timings.push(await page.evaluate(() => performance.now()));
        }
        timings.sort((a, b) => a - b);
        // The reference, in the same run: a server-made HTML page of the
        // same stack with no script (the auth service's sign-in page).
        const verifier = randomBytes(32).toString("base64url");
        const challenge = createHash("sha256").update(verifier).digest("base64url");
        const signInPage = `${world.shop.url}/api/auth/oauth2/authorize?${new URLSearchParams({
          client_id: "storefront",
          redirect_uri: `${world.shop.url}/callback`,
          response_type: "code",
          scope: "openid",
          state: "budget",
          code_challenge: challenge,
          code_challenge_method: "S256",
        })}`;
        const reference = [];
        for (let run = 0; run < 5; run++) {
          await page.goto(signInPage);
          await page.getByRole("button", { name: "Sign in" }).waitFor({ state: "visible" });
          reference.push(await page.evaluate(() => performance.now()));
        }
        reference.sort((a, b) => a - b);
        const report = {
          entry_script_gzip_bytes: entry.total,
          entry_script_budget_bytes: entryBudgetBytes,
          entry_files: entry.files,
          product_page_interactive_ms: { median: timings[2], runs: timings },
          reference_html_page_ms: { median: reference[2], runs: reference },
          ratio_to_reference: timings[2] / reference[2],
          product_page_interactive_goal_ms: 1000,
        };
        await writeFile(join(artifacts, "budget.json"), `${JSON.stringify(report, null, 2)}\n`);
        console.log(
          `budget: entry ${entry.total} bytes gzipped; product page interactive in ${timings[2].toFixed(0)} ms, ` +
            `a plain HTML page of the stack in ${reference[2].toFixed(0)} ms (medians of 5)`,
        );
        assert.ok(entry.total < entryBudgetBytes, `entry script ${entry.total} bytes gzipped`);
      });
    } finally {
      await close();
    }
  });
});
