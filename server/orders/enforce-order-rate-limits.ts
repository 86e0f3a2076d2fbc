import "server-only";
import { env } from "@/server/env";
import { rateLimitSubjectOf } from "@/server/http/client-ip";
import { enforceRateLimits } from "@/server/security/rate-limit";

const MESSAGE = "Too many payment attempts. Please wait a few minutes before trying again.";
export const SITE_WIDE_ORDERS_KEY = "orders:all";

/**
 * Every order may create a HandCash payment request, so creation is bounded per client address,
 * per reader and for the whole site. The narrow limits come first and count every attempt, refused
 * ones included, so hammering does not help; the site-wide ceiling counts only what is left.
 */
export async function enforceOrderRateLimitsForClient({ ip }: { ip: string }): Promise<void> {
  await enforceRateLimits(
    [{ key: `orders:ip:${rateLimitSubjectOf(ip)}`, limit: env.ORDER_RATE_LIMIT_PER_IP, windowSeconds: env.ORDER_RATE_LIMIT_WINDOW_SECONDS }],
    MESSAGE,
  );
}

/** …and per reader (cookie), counting the order that created the reader too. */
export async function enforceOrderRateLimitsForReader({ readerId }: { readerId: string }): Promise<void> {
  await enforceRateLimits(
    [{ key: `orders:reader:${readerId}`, limit: env.ORDER_RATE_LIMIT_PER_READER, windowSeconds: env.ORDER_RATE_LIMIT_WINDOW_SECONDS }],
    MESSAGE,
  );
}

/**
 * The ceiling that holds even against rotating cookies and addresses. Called only for an order about
 * to be written: one that passed the address and reader limits and names a real product with no
 * reusable pending order. A request refused earlier, or for a product that does not exist, must not
 * use up the whole site's budget, or one client could stop every sale (issue 9).
 */
export async function enforceSiteWideOrderRateLimit(): Promise<void> {
  await enforceRateLimits([{ key: SITE_WIDE_ORDERS_KEY, limit: env.ORDER_RATE_LIMIT_GLOBAL, windowSeconds: env.ORDER_RATE_LIMIT_WINDOW_SECONDS }], MESSAGE);
}
