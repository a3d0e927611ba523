// The shapes the services answer with (their openapi.yaml files), as the
// storefront reads them. Money is always integer minor units.

export interface Money {
  amount: number;
  currency: string;
}

export interface Stock {
  product_id?: string;
  on_hand: number;
  reserved: number;
  available: number;
  in_stock: boolean;
  version: number;
}

export type TaxCategory = "standard" | "reduced" | "zero";

export interface Product {
  id: string;
  sku: string;
  slug: string;
  title: string;
  description: string;
  brand: string;
  category_id: string;
  category_path: string;
  attributes: Record<string, string>;
  price: Money;
  image_ids: string[];
  status: "draft" | "active" | "archived";
  popularity: number;
  tax_category: TaxCategory;
  weight_grams: number;
  stock: Stock;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface ProductPage {
  items: Product[];
  next_cursor: string | null;
}

export interface Category {
  id: string;
  slug: string;
  name: string;
  parent_id: string | null;
  path: string;
  position: number;
}

export interface ProductSummary {
  id: string;
  sku: string;
  slug: string;
  title: string;
  brand: string;
  category_path: string;
  price: Money;
  image_ids: string[];
  in_stock: boolean;
  popularity: number;
}

export interface SearchHit extends ProductSummary {
  score?: number;
  highlight?: { title?: string };
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface PriceBucket {
  min: number;
  max: number | null;
  count: number;
}

export interface SearchResult {
  query: string;
  corrected_query: string | null;
  corrections: { typed: string; corrected: string }[];
  relaxed: boolean;
  sort: string;
  total: number;
  total_exact: boolean;
  items: SearchHit[];
  facets?: { brand: FacetCount[]; category: FacetCount[]; price: PriceBucket[] };
  next_cursor: string | null;
}

export interface Suggestions {
  query: string;
  corrected_query: string | null;
  suggestions: { text: string; products: number }[];
  products: ProductSummary[];
}

export type RecommendationModel = "ease" | "als" | "popular";

export interface Recommendations {
  model: RecommendationModel;
  trained_at: string | null;
  items: { product_id: string; score: number; model: RecommendationModel }[];
}

export type LineProblem = "unavailable" | "out-of-stock" | "insufficient-stock";

export interface CartLine {
  product_id: string;
  sku: string;
  title: string;
  quantity: number;
  unit_price: Money;
  subtotal: Money;
  previous_unit_price?: Money;
  tax_category: TaxCategory;
  weight_grams: number;
  available?: number;
  problem?: LineProblem;
  added_at: string;
}

export interface Cart {
  owner: "customer" | "guest";
  currency: string;
  lines: CartLine[];
  item_count: number;
  merchandise: Money;
  version: number;
  updated_at: string;
  left_out?: string[];
}

export interface CartToken {
  cart_token: string;
  expires_in_seconds: number;
}

export interface Address {
  recipient: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postal_code: string;
  country: string;
  phone?: string;
}

export type ShippingSpeed = "standard" | "express";

export interface ShippingOption {
  speed: ShippingSpeed;
  price: Money;
  estimate: { min_days: number; max_days: number };
}

export interface QuoteLine {
  product_id: string;
  quantity: number;
  unit_price: Money;
  subtotal: Money;
  discount: Money;
  tax: Money;
  total: Money;
}

// What a quote and an order add up to (minor units).
export interface Totals {
  merchandise: Money;
  discount: Money;
  shipping: Money;
  shipping_tax: Money;
  tax: Money;
  total: Money;
}

export interface Quote extends Totals {
  currency: string;
  lines: QuoteLine[];
  prices_include_tax: boolean;
  tax_name: string;
  coupon?: string;
  shipping_option: ShippingOption;
  shipping_options: ShippingOption[];
}

export interface PaymentMethod {
  id: string;
  brand: "visa" | "mastercard" | "amex" | "discover";
  last4: string;
  expiry_month: number;
  expiry_year: number;
  holder: string;
  created_at: string;
}

export interface NewCard {
  number: string;
  expiry_month: number;
  expiry_year: number;
  cvc: string;
  holder: string;
}

export type OrderStatus =
  "pending" | "awaiting_payment" | "paid" | "shipped" | "delivered" | "cancelled" | "partially_refunded" | "refunded";

export interface OrderLine extends QuoteLine {
  sku: string;
  title: string;
}

export interface Order {
  id: string;
  customer_id: string;
  email: string;
  status: OrderStatus;
  processing?: string;
  cancel_reason?: string;
  currency: string;
  lines: OrderLine[];
  totals: Totals & { refunded?: Money };
  prices_include_tax: boolean;
  tax_name?: string;
  coupon?: string;
  shipping: {
    address: Address;
    speed: string;
    estimate: { min_days: number; max_days: number };
    carrier?: string;
    tracking_number?: string;
  };
  payment_method: string;
  history: { status: OrderStatus; at: string; note?: string }[];
  placed_at: string;
  updated_at: string;
}
