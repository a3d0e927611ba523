// Steps more than one spec takes, as a shopper or an admin would.
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";

// The embedded shop's default admin; another shop says its own.
export const admin = {
  email: process.env.SHOP_ADMIN_EMAIL ?? "admin@shop.local",
  password: process.env.SHOP_ADMIN_PASSWORD ?? "open sesame shop demo",
};

// A real PNG the build made (the app's icon), for uploads.
export const picture = join(resolve(dirname(fileURLToPath(import.meta.url)), "../dist"), "icon-512.png");

export async function addFirstResultToCart(page, shopUrl, words) {
  await page.goto(`${shopUrl}/search?q=${encodeURIComponent(words)}`);
  await page.locator(".results .product-card a").first().click();
  await page.getByRole("button", { name: "Add to cart" }).waitFor(); // the product page, not the results still
  const title = await page.getByRole("heading", { level: 1 }).innerText();
  await page.getByRole("button", { name: "Add to cart" }).click();
  await page.getByText("Added to your cart").waitFor();
  return title;
}

// Signing out leaves the stored session at once (the banner says "Sign in"
// while the page is still here), then goes by the auth service's sign-out
// page back to the shop's home: wait for the home, or the next step races
// that redirect.
export async function signedOutAtHome(page, shopUrl) {
  await page.waitForURL((url) => url.origin === new URL(shopUrl).origin && url.pathname === "/");
  await page.getByRole("banner").getByRole("button", { name: "Sign in" }).waitFor();
}

export async function signUpOnAuthPage(page, email, password = "a long passphrase of ada") {
  await page.getByRole("heading", { name: "Create an account" }).waitFor();
  await page.getByLabel("Name").fill("Ada Lovelace");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

export async function signInOnAuthPage(page, { email, password }) {
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

export async function fillBerlinAddress(page) {
  await page.getByLabel("Full name").fill("Ada Lovelace");
  await page.getByLabel("Street and number").fill("Unter den Linden 1");
  await page.getByLabel("Postal code").fill("10117");
  await page.getByLabel("City").fill("Berlin");
}

export async function enterCard(page, number) {
  await page.getByLabel("Card number").fill(number);
  await page.getByLabel("Expiry (MM/YY)").fill("12/30");
  await page.getByLabel("Security code").fill("123");
  await page.getByLabel("Name on card").fill("Ada Lovelace");
}

// Chromium logs every 4xx answer as a console error; the ones a spec
// causes on purpose are named, anything else fails it.
export function unexpected(errors, ...expectedStatuses) {
  return errors.filter(
    (error) =>
      !expectedStatuses.some((status) =>
        error.includes(`Failed to load resource: the server responded with a status of ${status}`),
      ),
  );
}
