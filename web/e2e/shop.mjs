// Starts the embedded shop (build/release/apps/shop/shop) for the browser
// tests: its own data directory, a free loopback port, the built web app,
// demo data; stopped by its PID.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const repository = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

function freePort() {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolvePort(port));
    });
  });
}

async function waitUntilReady(url, child, log, deadline) {
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the shop stopped (${child.exitCode ?? child.signalCode}) before it was ready:\n${log()}`);
    }
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wake) => setTimeout(wake, 100));
  }
  throw new Error(`the shop was not ready in time:\n${log()}`);
}

export async function startShop(extraEnvironment = {}) {
  // A shop that runs already (the compose stack, scripts/compose-test.sh):
  // the specs drive it as they find it.
  if (process.env.SHOP_URL) {
    return { url: process.env.SHOP_URL.replace(/\/$/, ""), log: () => "", stop: async () => {} };
  }
  const binary = process.env.SHOP_BINARY ?? join(repository, "build/release/apps/shop/shop");
  const data = await mkdtemp(join(tmpdir(), "shop-e2e-"));
  const port = await freePort();
  const url = `http://localhost:${port}`;
  const child = spawn(binary, [], {
    env: {
      ...process.env,
      SHOP_PORT: String(port),
      SHOP_ADDRESS: "127.0.0.1",
      SHOP_DATA_DIR: data,
      SHOP_WEB_ROOT: join(repository, "web/dist"),
      SHOP_PUBLIC_URL: url,
      SHOP_RATE_LIMIT: "0", // one browser making every request of every test
      SHOP_DEMO_PICTURE_SIZE: "320",
      ...extraEnvironment,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk) => {
    output = (output + chunk).slice(-20000);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  await waitUntilReady(url, child, () => output, Date.now() + 60000);
  return {
    url,
    log: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((done) => child.once("exit", done));
        process.kill(child.pid, "SIGTERM");
        const timer = setTimeout(() => process.kill(child.pid, "SIGKILL"), 15000);
        await exited;
        clearTimeout(timer);
      }
      await rm(data, { recursive: true, force: true });
    },
  };
}

// A spec file's shop and browser, started before its tests and stopped
// after them: `const world = shopAndBrowser(launch)`, then `world.shop`
// and `world.browser` inside the tests.
export function shopAndBrowser(launch, { before, after }, environment = {}) {
  const world = { shop: undefined, browser: undefined };
  before(async () => {
    world.shop = await startShop(environment);
    world.browser = await launch();
  });
  after(async () => {
    await world.browser?.close();
    await world.shop?.stop();
  });
  return world;
}
