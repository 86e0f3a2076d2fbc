import { z } from "zod";

/**
 * Shapes of HandCash's payment-request API (v3) and payment webhook, from HandCash's OpenAPI spec
 * (tests/fixtures/handcash-openapi/, see its README) and docs/api.md. What we send follows the
 * spec to the letter, because Cloud refuses anything else; what we read is parsed leniently where
 * the spec and HandCash's docs disagree, so a harmless difference never fails a payment.
 */

/** Spec limits on `product` (HandCash's create and update bodies). */
export const PRODUCT_NAME_MAX_LENGTH = 25;
export const PRODUCT_DESCRIPTION_MAX_LENGTH = 200;
const PRODUCT_IMAGE_URL_MAX_LENGTH = 2048;

/** The currencies we price in that HandCash accepts as `denominationCurrencyCode` (BSV is not one of them). */
export const HANDCASH_DENOMINATION_CURRENCIES = ["USD", "EUR", "GBP"] as const;

/** HandCash's ids are MongoDB ObjectIds: every path with an id refuses anything else with a 400. */
export const HANDCASH_ID_PATTERN = /^[a-fA-F0-9]{24}$/;

/** The spec's pattern for `redirectUrl` and `webhookUrl`: https, or http on localhost only. */
const HANDCASH_URL_PATTERN = /https:\/\/(?=\w*)|http:\/\/(?=localhost)|(?<!http):\/\//;

const handcashUrlSchema = z.string().regex(HANDCASH_URL_PATTERN, "must be https (or http://localhost)");

export const createPaymentRequestBodySchema = z.strictObject({
  product: z.strictObject({
    name: z.string().min(1).max(PRODUCT_NAME_MAX_LENGTH),
    description: z.string().max(PRODUCT_DESCRIPTION_MAX_LENGTH).optional(),
    imageUrl: z.string().max(PRODUCT_IMAGE_URL_MAX_LENGTH).optional(),
  }),
  instrumentCurrencyCode: z.literal("BSV"),
  /** Left out for BSV prices: `sendAmount` is then in BSV. */
  denominationCurrencyCode: z.enum(HANDCASH_DENOMINATION_CURRENCIES).optional(),
  receivers: z.array(z.strictObject({ sendAmount: z.number().positive(), destination: z.string().min(1) })).min(1),
  requestedUserData: z.array(z.enum(["paymail", "email", "phoneNumber"])),
  notifications: z.strictObject({
    webhook: z.strictObject({ webhookUrl: handcashUrlSchema, customParameters: z.record(z.string(), z.string()) }),
  }),
  expirationType: z.enum(["never", "onPaymentCompleted", "limit"]),
  redirectUrl: handcashUrlSchema,
});
export type CreatePaymentRequestBody = z.infer<typeof createPaymentRequestBodySchema>;

/**
 * A time as HandCash sends it: the spec says string, older docs show unix seconds (1650558683),
 * so numbers (seconds or milliseconds) and numeric strings are read too. Anything unreadable is
 * treated as absent rather than failing the whole answer.
 */
const handcashTimeSchema = z.unknown().transform(parseHandCashTime).optional();

function parseHandCashTime(value: unknown): string | undefined {
  let millis = Number.NaN;
  if (typeof value === "number") millis = toMillis(value);
  else if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value.trim())) millis = toMillis(Number(value));
  else if (typeof value === "string") millis = Date.parse(value);
  // Beyond ±8.64e15 ms a Date is invalid and toISOString would throw.
  return Number.isFinite(millis) && Math.abs(millis) <= 8.64e15 ? new Date(millis).toISOString() : undefined;
}

/** Below 10^11 a timestamp can only be seconds (10^11 ms is 1973; 10^11 s is the year 5138). */
function toMillis(timestamp: number): number {
  return Math.abs(timestamp) < 1e11 ? timestamp * 1000 : timestamp;
}

const paymentAmountSchema = z.looseObject({
  amount: z.number(),
  currencyCode: z.string(),
  denominatedIn: z.string().optional(),
});

/** An evidence field that is malformed counts as absent: it can only weaken a confirmation, never fail one. */
function optionalEvidence<T extends z.ZodType>(schema: T) {
  return schema.optional().catch(undefined);
}

/** HandCash may add fields at any time, so unknown keys are kept, never rejected. */
export const paymentRequestSchema = z.looseObject({
  id: z.string().min(1),
  paymentRequestUrl: z.url(),
  paymentRequestQrCodeUrl: z.url(),
  paymentAmount: optionalEvidence(paymentAmountSchema),
  expiresAt: handcashTimeSchema,
  createdAt: handcashTimeSchema,
  notifications: optionalEvidence(z.looseObject({ webhook: z.looseObject({ customParameters: z.record(z.string(), z.unknown()).optional() }).optional() })),
});
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const paymentRequestListSchema = z.looseObject({ items: z.array(z.unknown()) });

/**
 * The public view. Only `status` is always there, and its values are not documented;
 * `transactionId` and `paymentsCount` are optional in the spec (ADR 007 says what confirms a payment).
 */
export const paymentRequestPublicInfoSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  transactionId: optionalEvidence(z.string().min(1)),
  paymentsCount: optionalEvidence(z.number().int().nonnegative()),
  paymentAmount: optionalEvidence(paymentAmountSchema),
  expiresAt: handcashTimeSchema,
});
export type PaymentRequestPublicInfo = z.infer<typeof paymentRequestPublicInfoSchema>;

/** Public stats: every field is required in the spec. */
export const paymentRequestStatsSchema = z.looseObject({
  totalPayments: z.number().int().nonnegative(),
  totalVolume: z.number().optional().catch(undefined),
  uniqueUsers: z.number().int().nonnegative().optional().catch(undefined),
});
export type PaymentRequestStats = z.infer<typeof paymentRequestStatsSchema>;

export const handcashErrorBodySchema = z.looseObject({ message: z.string() });

const identifierSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "must be 1-128 letters, digits, '-' or '_'");

/**
 * The payment webhook, after the appSecret has been checked and removed. Extra fields are kept
 * (HandCash adds fields such as paymentMethod), but nothing here is trusted for money: the
 * order is found by paymentRequestId and holds the price.
 */
export const handcashWebhookPayloadSchema = z.looseObject({
  paymentRequestId: identifierSchema,
  transactionId: identifierSchema,
  customParameters: z.record(z.string(), z.unknown()).default({}),
  userData: z
    .looseObject({
      id: z.string().max(256).optional(),
      paymail: z.string().max(256).optional(),
      email: z.string().max(256).optional(),
      phoneNumber: z.string().max(64).optional(),
    })
    .default({}),
  paymentMethod: z.string().max(64).optional(),
});
export type HandCashWebhookPayload = z.infer<typeof handcashWebhookPayloadSchema>;
