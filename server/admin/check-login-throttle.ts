import "server-only";
import { db } from "@/server/db";

/** Failed sign-ins allowed per window, per IP address and per email address. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface CheckLoginThrottleOptions {
  /** Already lowercased. */
  email: string;
  ip: string;
  now?: Date;
}

export type LoginThrottle = { isThrottled: false } | { isThrottled: true; retryAfterSeconds: number };

/**
 * Whether this IP or this email has used up its failures in the last 15 minutes. Per email is
 * what protects the one real account: rotating IPs (or forging X-Forwarded-For) does not get an
 * attacker more than five guesses per window. A throttled attempt is not counted itself, so the
 * lock lifts 15 minutes after the fifth failure rather than being extended by every retry.
 */
export async function checkLoginThrottle({ email, ip, now = new Date() }: CheckLoginThrottleOptions): Promise<LoginThrottle> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const [byIp, byEmail] = await Promise.all([recentFailures({ ip }, since), recentFailures({ email }, since)]);
  const blocking = [byIp, byEmail].filter((failures) => failures.length >= LOGIN_MAX_FAILURES);
  if (blocking.length === 0) return { isThrottled: false };
  // The lock lifts when the oldest failure that still counts towards the limit leaves the window.
  const unlocksAt = Math.max(...blocking.map((failures) => failures[failures.length - LOGIN_MAX_FAILURES]!.getTime() + LOGIN_WINDOW_MS));
  return { isThrottled: true, retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
}

async function recentFailures(where: { ip: string } | { email: string }, since: Date): Promise<Date[]> {
  const rows = await db.loginAttempt.findMany({
    where: { ...where, isSuccess: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: 100,
  });
  return rows.map((row) => row.createdAt);
}
