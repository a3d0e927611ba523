/// <reference types="vitest/config" />
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { appIcons } from "./build/app-icons.ts";
import { precompress } from "./build/precompress.ts";

// `npm run dev` serves the app on :5173 with /api proxied to a running shop
// (scripts/shop.sh); the storefront client accepts that origin's callback.
const shop = process.env.SHOP_URL ?? "http://localhost:8080";

export default defineConfig({
  plugins: [react(), appIcons(), precompress()],
  server: { port: 5173, proxy: { "/api": shop } },
  build: { target: "es2022", sourcemap: true, reportCompressedSize: false },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}", "build/**/*.test.ts"],
    setupFiles: ["src/test/setup.ts"],
    restoreMocks: true,
  },
});
