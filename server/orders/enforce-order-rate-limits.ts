import "server-only";
import { env } from "@/server/env";
import { enforceRateLimits } from "@/server/security/rate-limit";

const MESSAGE = "Too many payment attempts. Please wait a few minutes before trying again.";

/**
 * Every order may create a HandCash payment request, so creation is bounded per IP and for the
 * whole site (the ceiling that holds even against rotating cookies and addresses). Checked before
 * anything is written, a new reader included.
 */
export async function enforceOrderRateLimitsForClient({ ip }: { ip: string }): Promise<void> {
  const windowSeconds = env.ORDER_RATE_LIMIT_WINDOW_SECONDS;
  await enforceRateLimits(
    [
      { key: `orders:ip:${ip}`, limit: env.ORDER_RATE_LIMIT_PER_IP, windowSeconds },
      { key: "orders:all", limit: env.ORDER_RATE_LIMIT_GLOBAL, windowSeconds },
    ],
    MESSAGE,
  );
}

/** …and per reader (cookie), counting the order that created the reader too. */
export async function enforceOrderRateLimitsForReader({ readerId }: { readerId: string }): Promise<void> {
  await enforceRateLimits([{ key: `orders:reader:${readerId}`, limit: env.ORDER_RATE_LIMIT_PER_READER, windowSeconds: env.ORDER_RATE_LIMIT_WINDOW_SECONDS }], MESSAGE);
}
