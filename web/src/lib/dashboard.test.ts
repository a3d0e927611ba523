import { describe, expect, it } from "vitest";
import type { Order } from "../api/types";
import { product } from "../test/fake-shop";
import { dayFigures, lowStock, startOfDay } from "./dashboard";

const order = (status: Order["status"], total: number, refunded = 0): Order =>
  ({
    status,
    currency: "EUR",
    totals: { total: { amount: total, currency: "EUR" }, refunded: { amount: refunded, currency: "EUR" } },
  }) as Order;

describe("the day's figures", () => {
  it("count every order and the money of those paid, less refunds", () => {
    const figures = dayFigures([
      order("paid", 1000),
      order("shipped", 2500, 500),
      order("cancelled", 9999),
      order("awaiting_payment", 700),
    ]);
    expect(figures).toEqual({ orders: 4, paid: 2, revenue: [{ amount: 3000, currency: "EUR" }] });
  });

  it("start at local midnight", () => {
    const start = new Date(startOfDay(new Date(2026, 11, 4, 15, 30)));
    expect([start.getHours(), start.getMinutes(), start.getDate()]).toEqual([0, 0, 4]);
  });
});

describe("low stock", () => {
  it("lists active products at or under the threshold, fewest first", () => {
    const few = product({
      id: "a",
      title: "A",
      stock: { on_hand: 2, reserved: 0, available: 2, in_stock: true, version: 1 },
    });
    const none = product({
      id: "b",
      title: "B",
      stock: { on_hand: 0, reserved: 0, available: 0, in_stock: false, version: 1 },
    });
    const plenty = product({
      id: "c",
      title: "C",
      stock: { on_hand: 50, reserved: 0, available: 50, in_stock: true, version: 1 },
    });
    const archived = product({
      id: "d",
      status: "archived",
      stock: { on_hand: 0, reserved: 0, available: 0, in_stock: false, version: 1 },
    });
    expect(lowStock([few, none, plenty, archived]).map((p) => p.id)).toEqual(["b", "a"]);
  });
});
