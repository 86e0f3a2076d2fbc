import { CURRENCIES, type Money } from "@/lib/money";
import { ORDER_STATUSES, type OrderStatusName } from "@/lib/order-statuses";
import type { CreatedOrder, OrderStatusView } from "@/lib/schemas/orders";

/**
 * The paywall's checks of the orders API's answers. They say what createdOrderSchema and
 * orderStatusViewSchema (lib/schemas/orders.ts) say, written out because running zod in the
 * browser would add about 30 kB (gzip) to every article page; tests/unit/orders/order-responses.test.ts
 * holds them to those schemas. Each returns the known fields only, or null for anything else.
 */

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === "string";
}

function isOrderStatus(value: unknown): value is OrderStatusName {
  return (ORDER_STATUSES as readonly unknown[]).includes(value);
}

const ISO_UTC_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.\d+)?Z$/;

/** An ISO 8601 date and time in UTC ("2026-12-02T14:00:00.000Z") naming a real instant (no 30 February). */
function isIsoDateTime(value: unknown): value is string {
  if (!isString(value)) return false;
  const match = ISO_UTC_DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  const fields = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds()];
  return fields.every((field, index) => field === [year, month, day, hour, minute, second][index]);
}

function isWebUrl(value: unknown): value is string {
  if (!isString(value)) return false;
  try {
    const { protocol } = new URL(value);
    return protocol === "https:" || protocol === "http:";
  } catch {
    return false;
  }
}

function parseMoney(value: unknown): Money | null {
  if (!isFields(value) || !Number.isInteger(value.amount) || !(CURRENCIES as readonly unknown[]).includes(value.currency)) return null;
  return { amount: value.amount as number, currency: value.currency as Money["currency"] };
}

export function parseCreatedOrder(value: unknown): CreatedOrder | null {
  if (!isFields(value)) return null;
  const { orderId, status, paymentRequestUrl, paymentRequestQrCodeUrl, expiresAt } = value;
  const price = parseMoney(value.price);
  const isValid =
    isString(orderId) &&
    isOrderStatus(status) &&
    isWebUrl(paymentRequestUrl) &&
    isWebUrl(paymentRequestQrCodeUrl) &&
    isIsoDateTime(expiresAt) &&
    price !== null;
  if (!isValid) return null;
  return { orderId, status, paymentRequestUrl, paymentRequestQrCodeUrl, expiresAt, price };
}

export function parseOrderStatusView(value: unknown): OrderStatusView | null {
  if (!isFields(value)) return null;
  const { orderId, status, productSlug, paidAt, expiresAt } = value;
  const isValid = isString(orderId) && isOrderStatus(status) && isString(productSlug) && (paidAt === null || isIsoDateTime(paidAt)) && isIsoDateTime(expiresAt);
  if (!isValid) return null;
  return { orderId, status, productSlug, paidAt, expiresAt };
}
