import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeShop } from "../test/fake-shop";
import { ApiError, query, request, setAccessTokenSource } from "./http";

afterEach(() => setAccessTokenSource(() => undefined));

async function failureOf(call: Promise<unknown>): Promise<ApiError> {
  try {
    await call;
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("the request succeeded");
}

describe("request", () => {
  it("turns a problem document into an ApiError naming it", async () => {
    const shop = fakeShop();
    shop.on("POST", "/api/cart/v1/cart/items", {
      status: 409,
      body: { type: "/problems/insufficient-stock", title: "Insufficient stock", status: 409, detail: "Only 2 left" },
    });
    const failure = await failureOf(request("/cart/v1/cart/items", { method: "POST", body: {} }));
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure.code).toBe("insufficient-stock");
    expect(failure.status).toBe(409);
    expect(failure.message).toBe("Only 2 left");
  });

  it("describes an answer that is not a problem by its status", async () => {
    const shop = fakeShop();
    shop.on("GET", "/api/x", { status: 502, body: "<html>", type: "text/html" });
    const failure = await failureOf(request("/x"));
    expect(failure.code).toBe("unexpected-response");
    expect(failure.status).toBe(502);
  });

  it("says the shop cannot be reached when the network fails", async () => {
    vi.stubGlobal("fetch", async () => {
      throw new TypeError("Failed to fetch");
    });
    const failure = await failureOf(request("/x"));
    expect(failure.code).toBe("network");
  });

  it("sends JSON and the access token when there is one", async () => {
    const shop = fakeShop();
    shop.on("POST", "/api/thing", { status: 201, body: { ok: true } });
    setAccessTokenSource(() => "token-1");
    expect(await request("/thing", { method: "POST", body: { a: 1 } })).toEqual({ ok: true });
    expect(shop.calls[0]!.headers.Authorization).toBe("Bearer token-1");
    expect(shop.calls[0]!.headers["Content-Type"]).toBe("application/json");
    expect(shop.calls[0]!.body).toEqual({ a: 1 });
  });
});

describe("query", () => {
  it("leaves out unset values and repeats arrays", () => {
    expect(query({ q: "lamp", brand: ["A", "B"], empty: "", none: undefined, no: null, n: 0 })).toBe(
      "?q=lamp&brand=A&brand=B&n=0",
    );
    expect(query({})).toBe("");
  });
});
