import { request } from "./http";
import type { Address } from "./types";

const base = "/customers/v1/customers";
const of = (customerId: string) => `${base}/${encodeURIComponent(customerId)}`;

export interface Profile {
  id: string;
  email: string | null;
  name: string;
  phone: string | null;
  preferences: { newsletter: boolean; language: string; currency: string };
  created_at: string;
  updated_at: string;
}

export interface SavedAddress {
  id: string;
  label: string | null;
  recipient: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postal_code: string;
  country: string;
  phone: string | null;
  is_default_shipping: boolean;
  is_default_billing: boolean;
}

export interface NewAddress extends Address {
  label?: string;
  is_default_shipping?: boolean;
}

export function getProfile(customerId: string, signal?: AbortSignal): Promise<Profile> {
  return request(of(customerId), { signal });
}

export function changeProfile(
  customerId: string,
  patch: { name?: string; phone?: string | null; preferences?: Partial<Profile["preferences"]> },
): Promise<Profile> {
  return request(of(customerId), {
    method: "PATCH",
    body: patch,
    headers: { "Content-Type": "application/merge-patch+json" },
  });
}

export function listAddresses(customerId: string, signal?: AbortSignal): Promise<{ items: SavedAddress[] }> {
  return request(`${of(customerId)}/addresses`, { signal });
}

export function addAddress(customerId: string, address: NewAddress, idempotencyKey: string): Promise<SavedAddress> {
  return request(`${of(customerId)}/addresses`, {
    method: "POST",
    body: address,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

export function makeDefaultShipping(customerId: string, addressId: string): Promise<SavedAddress> {
  return request(`${of(customerId)}/addresses/${encodeURIComponent(addressId)}`, {
    method: "PATCH",
    body: { is_default_shipping: true },
    headers: { "Content-Type": "application/merge-patch+json" },
  });
}

export function deleteAddress(customerId: string, addressId: string): Promise<void> {
  return request(`${of(customerId)}/addresses/${encodeURIComponent(addressId)}`, { method: "DELETE" });
}

export function exportData(customerId: string): Promise<unknown> {
  return request(`${of(customerId)}/export`);
}

export function eraseCustomer(customerId: string): Promise<void> {
  return request(of(customerId), { method: "DELETE" });
}

// Views feed "recommended for you"; a lost one costs nothing.
export function recordView(customerId: string, productId: string): Promise<void> {
  return request(`${of(customerId)}/recently-viewed`, { method: "POST", body: { product_id: productId } });
}
