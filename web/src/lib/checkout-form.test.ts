import { describe, expect, it } from "vitest";
import { addressErrors, cardErrors, countryName, parseExpiry, passesLuhn } from "./checkout-form";

const address = { recipient: "Ada", line1: "1 Main St", city: "Berlin", postal_code: "10115", country: "DE" };
const card = { number: "4242 4242 4242 4242", expiry_month: 12, expiry_year: 2031, cvc: "123", holder: "Ada" };
const today = new Date("2026-12-04T00:00:00Z");

describe("the address", () => {
  it("is complete with the fields the cart requires", () => {
    expect(addressErrors(address)).toEqual({});
    expect(Object.keys(addressErrors({ ...address, recipient: " ", city: "" }))).toEqual(["recipient", "city"]);
  });

  it("needs a state in the US", () => {
    expect(addressErrors({ ...address, country: "US" }).region).toMatch(/state/);
    expect(addressErrors({ ...address, country: "US", region: "ny" })).toEqual({});
  });
});

describe("the card", () => {
  it("passes Luhn for the documented test cards and not for a typo", () => {
    for (const number of ["4242424242424242", "5555555555554444", "378282246310005", "4000000000000002"]) {
      expect(passesLuhn(number)).toBe(true);
    }
    expect(passesLuhn("4242424242424241")).toBe(false);
    expect(passesLuhn("4242")).toBe(false);
  });

  it("names each field that is wrong", () => {
    expect(cardErrors(card, today)).toEqual({});
    expect(cardErrors({ ...card, expiry_month: 11, expiry_year: 2026 }, today).expiry_month).toBe(
      "This card has expired.",
    );
    expect(cardErrors({ ...card, expiry_month: 12, expiry_year: 2026 }, today)).toEqual({});
    expect(cardErrors({ ...card, number: "3782 822463 10005", cvc: "123" }, today).cvc).toMatch(/4 digits/);
    expect(Object.keys(cardErrors({ ...card, number: "1234", cvc: "", holder: "" }, today))).toEqual([
      "number",
      "cvc",
      "holder",
    ]);
  });

  it("reads the expiry as people write it", () => {
    expect(parseExpiry("12/31")).toEqual({ month: 12, year: 2031 });
    expect(parseExpiry(" 3 / 2030 ")).toEqual({ month: 3, year: 2030 });
    expect(parseExpiry("1231")).toBeNull();
  });
});

describe("countries", () => {
  it("are named in the reader's language", () => {
    expect(countryName("DE", "en")).toBe("Germany");
    expect(countryName("DE", "de")).toBe("Deutschland");
  });
});
