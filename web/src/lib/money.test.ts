import { describe, expect, it } from "vitest";
import { formatMoney, parseMajorUnits } from "./money";

describe("formatMoney", () => {
  it("divides by the currency's own number of decimals", () => {
    expect(formatMoney({ amount: 3795, currency: "EUR" }, "en-GB")).toBe("€37.95");
    expect(formatMoney({ amount: 500, currency: "JPY" }, "en-US")).toBe("¥500");
    expect(formatMoney({ amount: 1234, currency: "KWD" }, "en-GB")).toBe("KWD\u00a01.234");
  });

  it("writes zero and large amounts exactly", () => {
    expect(formatMoney({ amount: 0, currency: "USD" }, "en-US")).toBe("$0.00");
    expect(formatMoney({ amount: 123456789, currency: "USD" }, "en-US")).toBe("$1,234,567.89");
  });
});

describe("parseMajorUnits", () => {
  it("reads whole and decimal prices into minor units", () => {
    expect(parseMajorUnits("37.95")).toBe(3795);
    expect(parseMajorUnits("37,9")).toBe(3790);
    expect(parseMajorUnits("12")).toBe(1200);
    expect(parseMajorUnits(" 0.05 ")).toBe(5);
  });

  it("refuses what is not a price", () => {
    for (const text of ["", "abc", "-1", "1.234", "1e5", "12.3.4"]) expect(parseMajorUnits(text)).toBeNull();
  });
});
