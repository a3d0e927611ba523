import type { Address, NewCard } from "../api/types";

// The countries the cart has tax and shipping rules for (services/cart:
// EU VAT, the UK, Switzerland, Norway, US sales tax by state, Canada).
export const shippingCountries = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
  "GB",
  "CH",
  "NO",
  "US",
  "CA",
] as const;

export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale, { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

// A form's address before anything is typed (Germany, the shop's home).
export const emptyAddress: Address = {
  recipient: "",
  line1: "",
  line2: "",
  city: "",
  region: "",
  postal_code: "",
  country: "DE",
};

export type AddressErrors = Partial<Record<keyof Address, string>>;

// What the page can tell before asking the services; they check again.
export function addressErrors(address: Address): AddressErrors {
  const errors: AddressErrors = {};
  if (!address.recipient.trim()) errors.recipient = "Enter the name to deliver to.";
  if (!address.line1.trim()) errors.line1 = "Enter the street and number.";
  if (!address.city.trim()) errors.city = "Enter the city.";
  if (!address.postal_code.trim()) errors.postal_code = "Enter the postal code.";
  if (!/^[A-Z]{2}$/.test(address.country)) errors.country = "Choose a country.";
  if (address.country === "US" && !/^[A-Z]{2}$/.test((address.region ?? "").trim().toUpperCase())) {
    errors.region = "Enter the state as two letters, such as NY.";
  }
  return errors;
}

export function digitsOf(number: string): string {
  return number.replace(/[\s-]/g, "");
}

export function passesLuhn(digits: string): boolean {
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export type CardErrors = Partial<Record<keyof NewCard, string>>;

export function cardErrors(card: NewCard, today: Date = new Date()): CardErrors {
  const errors: CardErrors = {};
  const digits = digitsOf(card.number);
  if (!passesLuhn(digits)) errors.number = "This is not a valid card number.";
  const month = card.expiry_month;
  const year = card.expiry_year;
  if (!Number.isInteger(month) || month < 1 || month > 12 || !Number.isInteger(year) || year < 2000 || year > 2100) {
    errors.expiry_month = "Enter the expiry as MM / YYYY.";
  } else if (year < today.getUTCFullYear() || (year === today.getUTCFullYear() && month < today.getUTCMonth() + 1)) {
    errors.expiry_month = "This card has expired.";
  }
  const amex = /^3[47]/.test(digits);
  if (!(amex ? /^\d{4}$/ : /^\d{3}$/).test(card.cvc)) {
    errors.cvc = amex ? "Enter the 4 digits on the front." : "Enter the 3 digits on the back.";
  }
  if (!card.holder.trim()) errors.holder = "Enter the name on the card.";
  return errors;
}

// "12/2031" or "12 / 31" -> month and four-digit year.
export function parseExpiry(text: string): { month: number; year: number } | null {
  const match = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(text);
  if (!match) return null;
  const year = Number(match[2]);
  return { month: Number(match[1]), year: year < 100 ? 2000 + year : year };
}
