import { request, requestWithStatus } from "./http";
import type { Address, Cart, CartToken, Order, Quote, ShippingSpeed } from "./types";

const base = "/cart/v1";

// A guest's cart is named by its token; a signed-in customer's by their
// access token, which the client sends by itself.
function guest(cartToken: string | undefined): Record<string, string> {
  return cartToken ? { "Cart-Token": cartToken } : {};
}

export function newCartToken(): Promise<CartToken> {
  return request(`${base}/cart-tokens`, { method: "POST" });
}

export function getCart(cartToken: string | undefined, signal?: AbortSignal): Promise<Cart> {
  return request(`${base}/cart`, { headers: guest(cartToken), signal });
}

export function addItem(cartToken: string | undefined, productId: string, quantity: number): Promise<Cart> {
  return request(`${base}/cart/items`, {
    method: "POST",
    headers: guest(cartToken),
    body: { product_id: productId, quantity },
  });
}

export function setQuantity(cartToken: string | undefined, productId: string, quantity: number): Promise<Cart> {
  return request(`${base}/cart/items/${encodeURIComponent(productId)}`, {
    method: "PUT",
    headers: guest(cartToken),
    body: { quantity },
  });
}

export function removeItem(cartToken: string | undefined, productId: string): Promise<Cart> {
  return request(`${base}/cart/items/${encodeURIComponent(productId)}`, {
    method: "DELETE",
    headers: guest(cartToken),
  });
}

// The guest's lines into the customer's cart, right after sign-in (so with
// the new access token itself, before the app has taken it up).
export function mergeGuestCart(cartToken: string, accessToken: string): Promise<Cart> {
  return request(`${base}/cart/merge`, {
    method: "POST",
    headers: { "Cart-Token": cartToken, Authorization: `Bearer ${accessToken}` },
  });
}

export interface QuoteRequest {
  destination: { country: string; region?: string };
  shipping_speed?: ShippingSpeed;
  coupon?: string;
}

export function quote(parameters: QuoteRequest, signal?: AbortSignal): Promise<Quote> {
  return request(`${base}/cart/quote`, { method: "POST", body: parameters, signal });
}

export interface CheckoutRequest {
  shipping_address: Address;
  shipping_speed: ShippingSpeed;
  coupon?: string;
  payment_method: string;
  email: string;
}

// 201 or 200: the order (paid, or replayed); 202: still settling, send the
// same request with the same key again.
export async function checkout(
  order: CheckoutRequest,
  idempotencyKey: string,
): Promise<{ order: Order; settled: boolean }> {
  const { body, status } = await requestWithStatus<Order>(`${base}/checkout`, {
    method: "POST",
    body: order,
    headers: { "Idempotency-Key": idempotencyKey },
  });
  return { order: body, settled: status !== 202 };
}
