import { describe, expect, it } from "vitest";
import { readFilters, searchRequest, toggleBrand, writeFilters } from "./listing";

describe("listing filters", () => {
  it("round-trip through the URL", () => {
    const params = new URLSearchParams(
      "q=desk+lamp&brand=Lumen&brand=Sonora&min_price=1000&max_price=2499&in_stock=true&sort=price_asc",
    );
    const filters = readFilters(params, "lighting");
    expect(filters).toEqual({
      q: "desk lamp",
      category: "lighting",
      brands: ["Lumen", "Sonora"],
      minPrice: 1000,
      maxPrice: 2499,
      inStock: true,
      sort: "price_asc",
    });
    expect(writeFilters(filters).toString()).toBe(params.toString());
  });

  it("ignore values that are not theirs", () => {
    const filters = readFilters(new URLSearchParams("sort=cheapest&min_price=-5&max_price=1e3&in_stock=yes"));
    expect(filters.sort).toBe("relevance");
    expect(filters.minPrice).toBeUndefined();
    expect(filters.maxPrice).toBeUndefined();
    expect(filters.inStock).toBe(false);
  });

  it("ask the search service only for what is set", () => {
    const request = searchRequest(readFilters(new URLSearchParams("q=lamp"), ""), "next");
    expect(request).toEqual({ q: "lamp", limit: 24, cursor: "next" });
  });

  it("toggle a brand on and off", () => {
    const none = readFilters(new URLSearchParams());
    const one = toggleBrand(none, "Lumen");
    expect(one.brands).toEqual(["Lumen"]);
    expect(toggleBrand(one, "Lumen").brands).toEqual([]);
  });
});
