import { describe, expect, it } from "vitest";
import { imageSrcSet, imageUrl } from "./images";

describe("product image URLs", () => {
  it("ask the images service for allow-listed widths only", () => {
    expect(imageUrl("abc", 320)).toBe("/api/images/v1/images/abc?w=320");
    expect(imageSrcSet("abc", 160, 320)).toBe(
      "/api/images/v1/images/abc?w=160 160w, /api/images/v1/images/abc?w=240 240w, /api/images/v1/images/abc?w=320 320w",
    );
  });
});
