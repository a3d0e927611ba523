import { vi } from "vitest";
import type { Product } from "../api/types";

// A stand-in for the gateway in component tests: answers fetch() by method
// and path (without the query) and records every call. A handler may answer
// later (a promise), to put answers out of order.
export type Answer = { status?: number; body?: unknown; type?: string };
export type Handler = (url: URL, init: RequestInit) => Answer | Promise<Answer>;

export interface FakeShop {
  calls: { method: string; url: URL; body: unknown; headers: Record<string, string> }[];
  on(method: string, path: string, handler: Handler | Answer): void;
}

export function fakeShop(): FakeShop {
  const handlers = new Map<string, Handler>();
  const shop: FakeShop = {
    calls: [],
    on(method, path, handler) {
      handlers.set(`${method} ${path}`, typeof handler === "function" ? handler : () => handler);
    },
  };
  vi.stubGlobal("fetch", async (input: string, init: RequestInit = {}) => {
    const url = new URL(input, "http://shop.test");
    const method = init.method ?? "GET";
    const body = typeof init.body === "string" ? JSON.parse(init.body) : undefined;
    shop.calls.push({ method, url, body, headers: { ...(init.headers as Record<string, string>) } });
    const handler = handlers.get(`${method} ${url.pathname}`);
    const answer = handler
      ? await handler(url, init)
      : { status: 404, body: { type: "/problems/not-found", title: "Not found", status: 404 } };
    const status = answer.status ?? 200;
    const type = answer.type ?? (status >= 400 ? "application/problem+json" : "application/json");
    return new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), {
      status,
      headers: { "Content-Type": type },
    });
  });
  return shop;
}

export function product(overrides: Partial<Product> = {}): Product {
  return {
    id: "01a23eac-2a5b-71df-80ae-6ade4013db1c",
    sku: "puzz-1338",
    slug: "tinker-toys-pro-puzzle-box-1338",
    title: "Tinker Toys Pro Puzzle Box",
    description: "A puzzle box made of wood.",
    brand: "Tinker Toys",
    category_id: "c1",
    category_path: "toys/puzzles",
    attributes: { colour: "sand" },
    price: { amount: 3795, currency: "EUR" },
    image_ids: ["a".repeat(64)],
    status: "active",
    popularity: 169,
    tax_category: "standard",
    weight_grams: 370,
    stock: { on_hand: 3, reserved: 0, available: 3, in_stock: true, version: 1 },
    version: 2,
    created_at: "2026-12-04T01:30:00.155Z",
    updated_at: "2026-12-04T01:30:00.398Z",
    ...overrides,
  };
}
