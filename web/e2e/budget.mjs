// The storefront's performance budget, measured in the e2e run and written
// to e2e/artifacts/budget.json: the entry's JavaScript gzipped (checked:
// it is the same on every machine) and how long the product page takes to
// become usable (recorded, not asserted: it depends on the machine).
import { readFile } from "node:fs/promises";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = resolve(dirname(fileURLToPath(import.meta.url)), "../dist");

export const entryBudgetBytes = 200 * 1024;

// The gzipped bytes of every script index.html loads up front.
export async function entryScriptBytes() {
  const html = await readFile(join(dist, "index.html"), "utf8");
  const scripts = [
    ...html.matchAll(/<script[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link rel="modulepreload"[^>]+href="([^"]+)"/g),
  ];
  let total = 0;
  for (const [, src] of scripts) total += gzipSync(await readFile(join(dist, src))).length;
  return { total, files: scripts.map(([, src]) => src) };
}
