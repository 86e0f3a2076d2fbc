import { type CurrencyCode, toMajorUnits } from "@/lib/money";
import {
  type CreatePaymentRequestBody,
  createPaymentRequestBodySchema,
  PRODUCT_DESCRIPTION_MAX_LENGTH,
  PRODUCT_NAME_MAX_LENGTH,
} from "@/server/handcash/schemas";

export interface BuildPaymentRequestBodyOptions {
  orderId: string;
  product: { title: string; summary: string; coverImageUrl: string | null };
  price: { amount: number; currency: CurrencyCode };
  receiver: string;
  webhookUrl: string;
  redirectUrl: string;
}

const ELLIPSIS = "…";

/**
 * The create body for one order, inside HandCash's limits (spec: `product.name` at most 25
 * characters, `description` at most 200): a longer title is shortened on a word boundary for the
 * name and given whole at the head of the description, which the pay page shows beneath it.
 * BSV is an instrument, not a denomination HandCash accepts, so a BSV price leaves
 * `denominationCurrencyCode` out and `sendAmount` is in BSV. Parsed against the spec's rules
 * before it is sent, so a body HandCash would refuse never leaves the app.
 */
export function buildPaymentRequestBody({
  orderId,
  product,
  price,
  receiver,
  webhookUrl,
  redirectUrl,
}: BuildPaymentRequestBodyOptions): CreatePaymentRequestBody {
  const name = fitText(product.title, PRODUCT_NAME_MAX_LENGTH);
  const description = fitText(name === product.title ? product.summary : `${product.title}. ${product.summary}`, PRODUCT_DESCRIPTION_MAX_LENGTH);
  return createPaymentRequestBodySchema.parse({
    product: {
      name,
      ...(description !== "" && { description }),
      ...(product.coverImageUrl?.startsWith("https://") && { imageUrl: product.coverImageUrl }),
    },
    instrumentCurrencyCode: "BSV",
    ...(price.currency !== "BSV" && { denominationCurrencyCode: price.currency }),
    receivers: [{ sendAmount: toMajorUnits(price), destination: receiver }],
    requestedUserData: ["paymail", "email"],
    notifications: { webhook: { webhookUrl, customParameters: { orderId } } },
    expirationType: "onPaymentCompleted",
    redirectUrl,
  });
}

/**
 * `text` in at most `maxLength` UTF-16 units (what HandCash's length check counts), cut after the
 * last whole word that fits and marked with an ellipsis; a single word longer than that is cut
 * inside, never inside a surrogate pair.
 */
export function fitText(text: string, maxLength: number): string {
  const clean = text.replace(/\s+/g, " ").trim();
  if (clean.length <= maxLength) return clean;
  const room = maxLength - ELLIPSIS.length;
  let cut = "";
  for (const character of clean) {
    if (cut.length + character.length > room) break;
    cut += character;
  }
  const lastSpace = cut.lastIndexOf(" ");
  const words = lastSpace > room / 2 ? cut.slice(0, lastSpace) : cut;
  return `${words.replace(/[\s.,;:!?—–-]+$/u, "")}${ELLIPSIS}`;
}
