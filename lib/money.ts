/** Money is integer minor units plus a currency code; BSV's minor unit is the satoshi. */
export const CURRENCIES = ["USD", "EUR", "GBP", "BSV"] as const;
export type CurrencyCode = (typeof CURRENCIES)[number];

export const MINOR_UNIT_DIGITS: Record<CurrencyCode, number> = { USD: 2, EUR: 2, GBP: 2, BSV: 8 };

export interface Money {
  amount: number;
  currency: CurrencyCode;
}

/** Minor units to the decimal number HandCash expects in `sendAmount` (250 USD cents → 2.5). */
export function toMajorUnits({ amount, currency }: Money): number {
  const digits = MINOR_UNIT_DIGITS[currency];
  return Number((amount / 10 ** digits).toFixed(digits));
}

/**
 * Parses a price typed by a person ("2.50", "3") into minor units, or null when it is not a
 * positive amount with at most the currency's number of decimals. A comma is refused rather than
 * guessed at: "1,5" reads as 1.50 in Paris and "1,500" as 1500 in London.
 */
export function parseMajorUnits(input: string, currency: CurrencyCode): number | null {
  const digits = MINOR_UNIT_DIGITS[currency];
  const match = /^(\d{1,12})(?:\.(\d+))?$/.exec(input.trim());
  if (!match) return null;
  const [, whole = "0", fraction = ""] = match;
  if (fraction.length > digits) return null;
  const amount = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, "0") || "0");
  return Number.isSafeInteger(amount) && amount > 0 ? amount : null;
}

export function formatMoney({ amount, currency }: Money, locale = "en-US"): string {
  if (currency === "BSV") {
    const major = (amount / 1e8).toFixed(8).replace(/0+$/, "").replace(/\.$/, "");
    return `${major} BSV`;
  }
  return new Intl.NumberFormat(locale, { style: "currency", currency }).format(amount / 10 ** MINOR_UNIT_DIGITS[currency]);
}
