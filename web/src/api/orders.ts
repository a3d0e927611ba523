import { query, request } from "./http";
import type { Order } from "./types";

const base = "/orders/v1/orders";

export function getOrder(id: string, signal?: AbortSignal): Promise<Order> {
  return request(`${base}/${encodeURIComponent(id)}`, { signal });
}

export function listOrders(cursor?: string, signal?: AbortSignal): Promise<{ items: Order[]; next_cursor?: string }> {
  return request(`${base}${query({ cursor, limit: 20 })}`, { signal });
}
