import { request } from "./http";
import type { Cart, CartToken } from "./types";

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
