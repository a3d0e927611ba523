import type { Money } from "../api/types";

const formats = new Map<string, Intl.NumberFormat>();

function formatFor(currency: string, locale: string | undefined): Intl.NumberFormat {
  const key = `${locale ?? ""}/${currency}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: "currency", currency });
    formats.set(key, format);
  }
  return format;
}

// How many decimals the currency's minor unit has (ISO 4217): 2 for EUR,
// 0 for JPY, 3 for KWD.
export function fractionDigits(currency: string): number {
  return formatFor(currency, "en").resolvedOptions().maximumFractionDigits ?? 2;
}

// Minor units to a price as people read it: 3795 EUR -> "€37.95", 500 JPY
// -> "¥500". The number of decimals is the currency's (ISO 4217), so the
// division is exact for every currency the shop can hold.
export function formatMoney(money: Money, locale?: string): string {
  return formatFor(money.currency, locale).format(money.amount / 10 ** fractionDigits(money.currency));
}

// Whole units in a form field ("37.95") to minor units; null when it is
// not a price.
export function parseMajorUnits(text: string, fractionDigits = 2): number | null {
  const match = /^\s*(\d{1,9})(?:[.,](\d*))?\s*$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? "";
  if (fraction.length > fractionDigits) return null;
  return Number(match[1]) * 10 ** fractionDigits + Number(fraction.padEnd(fractionDigits, "0") || 0);
}
