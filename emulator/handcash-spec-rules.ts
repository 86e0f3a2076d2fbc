/**
 * Rules from HandCash's OpenAPI spec for payment requests (tests/fixtures/handcash-openapi/, from
 * HandCash/handcash-sdk spec/sdkOpenapi.json), which the emulator enforces as Cloud does.
 * tests/integration/emulator/generated-client.test.ts holds them to the spec file itself.
 */

/** `denominationCurrencyCode`: ISO 4217 and a few more (BTC, XAU, XAG, XDR, CNH…); no BSV and no SAT. */
export const DENOMINATION_CURRENCY_CODES = [
  "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BRL",
  "BSD", "BTC", "BTN", "BWP", "BYN", "BYR", "BZD", "CAD", "CDF", "CHF", "CLF", "CLP", "CNY", "CNH", "COP", "CRC", "CUC", "CUP", "CVE", "CZK",
  "DJF", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GGP", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
  "HNL", "HRK", "HTG", "HUF", "IDR", "ILS", "IMP", "INR", "IQD", "IRR", "ISK", "JEP", "JMD", "JOD", "JPY", "KES", "KGS", "KHR", "KMF", "KPW",
  "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "LTL", "LVL", "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU",
  "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
  "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SLL", "SOS", "SRD", "STD", "SVC", "SYP", "SZL",
  "THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VES", "VND", "VUV", "WST", "XAF", "XAG",
  "XAU", "XCD", "XDR", "XOF", "XPF", "YER", "ZAR", "ZMK", "ZMW", "ZWL",
] as const;

export const PRODUCT_LIMITS = { name: 25, description: 200, longDescription: 500, imageUrl: 2048 } as const;

/**
 * `redirectUrl` and `webhookUrl`, as the spec writes it (unanchored): https, http only on
 * localhost, or an app scheme such as `myapp://`. http://127.0.0.1 is refused.
 */
export const HANDCASH_URL_PATTERN = /https:\/\/(?=\w*)|http:\/\/(?=localhost)|(?<!http):\/\//;

/** Every `{id}` in a path: a MongoDB ObjectId. */
export const OBJECT_ID_PATTERN = /^[a-fA-F0-9]{24}$/;

/** `receivers[].tags[]`. */
export const RECEIVER_TAG_PATTERN = /^[\w\-_. ]{3,25}$/;

export const MAX_RECEIVERS = 1000;
