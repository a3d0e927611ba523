import type { Money, Order, Product } from "../api/types";

// Orders that brought money in: paid and everything after it, less what
// was refunded; cancelled orders never did.
const earning = new Set(["paid", "shipped", "delivered", "partially_refunded", "refunded"]);

export interface DayFigures {
  orders: number; // placed, whatever became of them
  paid: number;
  revenue: Money[]; // one sum per currency
}

export function dayFigures(orders: Order[]): DayFigures {
  const sums = new Map<string, number>();
  let paid = 0;
  for (const order of orders) {
    if (!earning.has(order.status)) continue;
    paid += 1;
    const kept = order.totals.total.amount - (order.totals.refunded?.amount ?? 0);
    sums.set(order.currency, (sums.get(order.currency) ?? 0) + kept);
  }
  return {
    orders: orders.length,
    paid,
    revenue: [...sums].map(([currency, amount]) => ({ amount, currency })),
  };
}

// Midnight where the admin is, as the instant the orders service filters by.
export function startOfDay(now: Date): string {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  return midnight.toISOString();
}

export const lowStockThreshold = 5;

// Active products with few units left to sell, fewest first.
export function lowStock(products: Product[], threshold = lowStockThreshold): Product[] {
  return products
    .filter((product) => product.status === "active" && product.stock.available <= threshold)
    .sort((a, b) => a.stock.available - b.stock.available || a.title.localeCompare(b.title));
}
