import "server-only";
import { db } from "@/server/db";
import { AppError } from "@/server/errors";

export interface RateLimitRule {
  /** What is counted, e.g. `orders:reader:<id>`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Keys are built from ids and parsed addresses, never from raw request text: a key of arbitrary
 * length would grow the table without bound and can exceed what the primary key's btree accepts.
 */
const SAFE_KEY = /^[\x21-\x7e]{1,200}$/;

/**
 * Counts one hit in a fixed window shared by every app instance (a row per key and window in
 * PostgreSQL); returns 0 while within the limit, else the seconds until the window resets.
 */
async function countHit({ key, limit, windowSeconds }: RateLimitRule): Promise<number> {
  if (!SAFE_KEY.test(key)) throw new Error(`Refusing a rate-limit key that is not 1-200 printable ASCII characters (${key.length} characters)`);
  const now = Date.now();
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now / windowMs) * windowMs);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimitCounter" ("key", "windowStart", "count") VALUES (${key}, ${windowStart}, 1)
    ON CONFLICT ("key", "windowStart") DO UPDATE SET "count" = "RateLimitCounter"."count" + 1
    RETURNING "count"`;
  return (row?.count ?? 0) > limit ? Math.ceil((windowStart.getTime() + windowMs - now) / 1000) : 0;
}

/**
 * Counts a hit against each rule and throws RATE_LIMITED (→ 429 with Retry-After) when any is
 * exceeded. Refused attempts count too, so hammering does not help; a rule that must not count
 * attempts another rule refuses belongs in a later call (see enforce-order-rate-limits.ts).
 */
export async function enforceRateLimits(rules: RateLimitRule[], message: string): Promise<void> {
  let retryAfterSeconds = 0;
  for (const rule of rules) retryAfterSeconds = Math.max(retryAfterSeconds, await countHit(rule));
  if (retryAfterSeconds > 0) throw new AppError("RATE_LIMITED", message, { details: { retryAfterSeconds } });
}

/** True when the hit is within the limit; for work that is simply skipped when too frequent. */
export async function isWithinRateLimit(rule: RateLimitRule): Promise<boolean> {
  return (await countHit(rule)) === 0;
}

/** Hits beyond `limit` in the windows of `key` still kept (a day, see the worker's sweep), summed. */
export async function countHitsOverLimit({ key, limit }: Pick<RateLimitRule, "key" | "limit">): Promise<number> {
  const [row] = await db.$queryRaw<{ over: number }[]>`
    SELECT COALESCE(SUM("count" - ${limit}), 0)::int AS "over"
    FROM "RateLimitCounter"
    WHERE "key" = ${key} AND "count" > ${limit}`;
  return row?.over ?? 0;
}

/** Old windows are useless once passed; the worker's sweep calls this. */
export async function deleteExpiredRateLimitCounters(olderThan: Date): Promise<number> {
  const { count } = await db.rateLimitCounter.deleteMany({ where: { windowStart: { lt: olderThan } } });
  return count;
}
