// Debian's Chromium driven by playwright-core, with what every spec wants:
// console errors collected (a spec fails on any), and each step
// photographed at desktop width and at 375 px into e2e/artifacts/<spec>/.
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const artifacts = resolve(dirname(fileURLToPath(import.meta.url)), "artifacts");

export const viewports = {
  desktop: { width: 1280, height: 800 },
  phone: { width: 375, height: 740 },
};

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    headless: true,
    // Root in CI: Chromium's sandbox needs an unprivileged user.
    // (playwright-core already turns off Chromium's background
    // networking, component updates and /dev/shm use.)
    args: process.getuid?.() === 0 ? ["--no-sandbox"] : [],
  });
}

export async function openPage(browser, spec, viewport = "desktop") {
  const context = await browser.newContext({ viewport: viewports[viewport], locale: "en-GB" });
  const page = await context.newPage();
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  const folder = join(artifacts, spec);
  await mkdir(folder, { recursive: true });
  let step = 0;
  return {
    page,
    context,
    errors,
    // Both widths of the page as it is now; the page is left at desktop width.
    async photograph(name) {
      step += 1;
      const prefix = join(folder, `${String(step).padStart(2, "0")}-${name}`);
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.screenshot({ path: `${prefix}-desktop.png`, fullPage: true });
      await page.setViewportSize(viewports.phone);
      await page.waitForLoadState("networkidle").catch(() => {});
      await page.screenshot({ path: `${prefix}-375px.png`, fullPage: true });
      await page.setViewportSize(viewports[viewport]);
    },
    // Runs a spec's steps; when one fails, the page as it was then is
    // photographed ("failed-...") and the page's text joins the error.
    async run(steps) {
      try {
        await steps();
      } catch (error) {
        await page.screenshot({ path: join(folder, "failed.png"), fullPage: true }).catch(() => {});
        const text = await page
          .locator("main")
          .innerText({ timeout: 1000 })
          .catch(() =>
            page
              .locator("body")
              .innerText({ timeout: 1000 })
              .catch(() => ""),
          );
        error.message += `\n--- the page (${page.url()}) showed:\n${text.slice(0, 2000)}`;
        throw error;
      }
    },
    async close() {
      await context.close();
    },
  };
}
