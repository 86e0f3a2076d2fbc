import { z } from "zod";

/** Shapes of HandCash's payment-request API (v3) and payment webhook; see docs/api.md. */

export const createPaymentRequestBodySchema = z.object({
  product: z.object({
    name: z.string().min(1),
    description: z.string().optional(),
    imageUrl: z.string().optional(),
  }),
  instrumentCurrencyCode: z.literal("BSV"),
  denominationCurrencyCode: z.string().length(3),
  receivers: z.array(z.object({ sendAmount: z.number().positive(), destination: z.string().min(1) })).min(1),
  requestedUserData: z.array(z.enum(["paymail", "email", "phoneNumber"])),
  notifications: z.object({
    webhook: z.object({ webhookUrl: z.string(), customParameters: z.record(z.string(), z.string()) }),
  }),
  expirationType: z.enum(["never", "onPaymentCompleted", "limit"]),
  redirectUrl: z.string(),
});
export type CreatePaymentRequestBody = z.infer<typeof createPaymentRequestBodySchema>;

const paymentAmountSchema = z.object({
  amount: z.number(),
  currencyCode: z.string(),
  denominatedIn: z.string().optional(),
});

/** HandCash may add fields at any time, so unknown keys are kept, never rejected. */
export const paymentRequestSchema = z.looseObject({
  id: z.string().min(1),
  paymentRequestUrl: z.url(),
  paymentRequestQrCodeUrl: z.url(),
  paymentAmount: paymentAmountSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  createdAt: z.iso.datetime({ offset: true }).optional(),
});
export type PaymentRequest = z.infer<typeof paymentRequestSchema>;

export const paymentRequestPublicInfoSchema = z.looseObject({
  id: z.string().min(1),
  status: z.string(),
  transactionId: z.string().optional(),
  paymentAmount: paymentAmountSchema.optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
});
export type PaymentRequestPublicInfo = z.infer<typeof paymentRequestPublicInfoSchema>;

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
