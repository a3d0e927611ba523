import type { OrderStatus } from "../api/types";

export const statusLabels: Record<OrderStatus, string> = {
  pending: "Placed",
  awaiting_payment: "Awaiting payment",
  paid: "Paid",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  partially_refunded: "Partly refunded",
  refunded: "Refunded",
};

export function formatTime(iso: string, locale?: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
}

export function deliveryDays(estimate: { min_days: number; max_days: number }): string {
  const { min_days: min, max_days: max } = estimate;
  if (min === max) return `${min} ${min === 1 ? "day" : "days"}`;
  return `${min}–${max} days`;
}
