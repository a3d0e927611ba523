// What only admins may do (the services check the role; the pages only
// hide what would be refused).
import { query, request, requestWithStatus } from "./http";
import type { Money, Order, OrderStatus, Product, Stock, TaxCategory } from "./types";

const catalog = "/catalog/v1";
const orders = "/orders/v1/orders";

export interface ProductFields {
  sku: string;
  title: string;
  brand: string;
  category: string;
  description: string;
  price: Money;
  status: Product["status"];
  tax_category: TaxCategory;
  weight_grams: number;
  image_ids: string[];
}

// The product and its ETag, which a change sends back as If-Match so that
// it cannot overwrite a change made in between.
export async function productForEditing(id: string, signal?: AbortSignal): Promise<{ product: Product; etag: string }> {
  const { body, headers } = await requestWithStatus<Product>(`${catalog}/products/${encodeURIComponent(id)}`, {
    signal,
  });
  return { product: body, etag: headers.get("ETag") ?? "" };
}

export function createProduct(
  fields: ProductFields & { stock?: { on_hand: number } },
  idempotencyKey: string,
): Promise<Product> {
  return request(`${catalog}/products`, {
    method: "POST",
    body: fields,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export async function changeProduct(
  id: string,
  patch: Partial<ProductFields>,
  etag: string,
): Promise<{ product: Product; etag: string }> {
  const { body, headers } = await requestWithStatus<Product>(`${catalog}/products/${encodeURIComponent(id)}`, {
    method: "PATCH",
    body: patch,
    headers: { "Content-Type": "application/merge-patch+json", ...(etag ? { "If-Match": etag } : {}) },
  });
  return { product: body, etag: headers.get("ETag") ?? "" };
}

export function adjustStock(id: string, delta: number, reason: string, idempotencyKey: string): Promise<Stock> {
  return request(`${catalog}/products/${encodeURIComponent(id)}/inventory/adjustments`, {
    method: "POST",
    body: { delta, reason: reason || undefined },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export interface UploadedImage {
  id: string;
  width: number;
  height: number;
  format: string;
  bytes: number;
  dominant_color: string;
}

export function uploadImage(file: Blob): Promise<UploadedImage> {
  return request("/images/v1/images", { method: "POST", rawBody: file });
}

export interface OrderFilter {
  status?: OrderStatus;
  placed_from?: string;
  placed_until?: string;
  cursor?: string;
  limit?: number;
}

export function listAllOrders(
  filter: OrderFilter,
  signal?: AbortSignal,
): Promise<{ items: Order[]; next_cursor?: string }> {
  return request(`${orders}${query({ limit: 50, ...filter })}`, { signal });
}

export function shipOrder(id: string, carrier: string, trackingNumber: string): Promise<Order> {
  return request(`${orders}/${encodeURIComponent(id)}/ship`, {
    method: "POST",
    body: { carrier, tracking_number: trackingNumber },
  });
}

export function deliverOrder(id: string): Promise<Order> {
  return request(`${orders}/${encodeURIComponent(id)}/deliver`, { method: "POST" });
}

export function cancelOrder(id: string, reason: string): Promise<Order> {
  return request(`${orders}/${encodeURIComponent(id)}/cancel`, {
    method: "POST",
    body: { reason: reason || undefined },
  });
}

export function refundOrder(
  id: string,
  amount: Money | undefined,
  reason: string,
  idempotencyKey: string,
): Promise<Order> {
  return request(`${orders}/${encodeURIComponent(id)}/refunds`, {
    method: "POST",
    body: { amount, reason: reason || undefined },
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export interface Payment {
  id: string;
  order_id: string;
  card: { brand: string; last4: string };
  status: "authorized" | "declined" | "captured" | "partially_refunded" | "refunded" | "voided";
  decline_code: string | null;
  amount: Money;
  captured: Money;
  refunded: Money;
  created_at: string;
}

export function paymentsOfOrder(orderId: string, signal?: AbortSignal): Promise<{ items: Payment[] }> {
  return request(`/payments/v1/payments${query({ order_id: orderId })}`, { signal });
}

export function deleteProduct(id: string): Promise<void> {
  return request(`${catalog}/products/${encodeURIComponent(id)}`, { method: "DELETE" });
}
