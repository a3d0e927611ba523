// The session outlives its access tokens: with one-minute tokens (the
// shortest the auth service allows), the storefront renews the token with
// the refresh token before it expires, without a page load, and the
// customer stays signed in and served.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { launch, openPage } from "./browser.mjs";
import { shopAndBrowser } from "./shop.mjs";
import { signUpOnAuthPage, unexpected } from "./steps.mjs";

const world = shopAndBrowser(launch, { before, after }, { AUTH_ACCESS_TOKEN_SECONDS: "60" });

function storedSession(page) {
  return page.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.startsWith("oidc.user:"));
    const user = key ? JSON.parse(localStorage.getItem(key)) : null;
    return user && { access: user.access_token, refresh: user.refresh_token, expiresAt: user.expires_at };
  });
}

describe("a signed-in session", () => {
  it("renews its access token with the refresh token before it expires", async () => {
    const { page, errors, run, close } = await openPage(world.browser, "session");
    try {
      await run(async () => {
        await page.goto(`${world.shop.url}/account`);
        await page.getByRole("main").getByRole("button", { name: "Sign in" }).click();
        await page.getByRole("link", { name: "Create an account" }).click();
        await signUpOnAuthPage(page, `renew-${Date.now()}@example.com`);
        await page.getByRole("heading", { name: "Your account" }).waitFor();
        const first = await storedSession(page);
        assert.ok(first?.access && first.refresh, "signed in with an access and a refresh token");

        // Renewal is due 30 s before the minute is up.
        await page.waitForFunction(
          (token) => {
            const key = Object.keys(localStorage).find((name) => name.startsWith("oidc.user:"));
            return key && JSON.parse(localStorage.getItem(key)).access_token !== token;
          },
          first.access,
          { timeout: 50_000, polling: 500 },
        );
        const renewed = await storedSession(page);
        assert.notEqual(renewed.refresh, first.refresh, "the refresh token rotated");
        assert.ok(renewed.expiresAt > first.expiresAt);

        // The renewed token is the one the pages now send.
        await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
        await page.reload();
        await page.getByText("Profile", { exact: true }).waitFor();
        assert.equal(await page.getByLabel("Name", { exact: true }).inputValue(), "Ada Lovelace");
        assert.deepEqual(unexpected(errors), []);
      });
    } finally {
      await close();
    }
  });
});
