import { request } from "./http";
import type { NewCard, PaymentMethod } from "./types";

const base = "/payments/v1/payment-methods";

export function savedCards(signal?: AbortSignal): Promise<{ items: PaymentMethod[] }> {
  return request(base, { signal });
}

// Saved once per key: a retry after a lost answer does not save it twice.
export function saveCard(card: NewCard, idempotencyKey: string): Promise<PaymentMethod> {
  return request(base, { method: "POST", body: card, headers: { "Idempotency-Key": idempotencyKey } });
}
