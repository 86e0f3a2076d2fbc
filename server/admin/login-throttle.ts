import "server-only";
import { type DbClient, db } from "@/server/db";

/** Failed sign-ins allowed per window, per IP address and per email address. */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface LoginAttemptOptions {
  /** Already lowercased. */
  email: string;
  ip: string;
  now: Date;
}

export type LoginReservation = { isThrottled: false; attemptId: string } | { isThrottled: true; retryAfterSeconds: number };

/**
 * Takes one of the failures this IP and this email may still use in the last 15 minutes, before the
 * password is checked: the attempt is recorded as a failure at once (markLoginSucceeded corrects it).
 * Per email is what protects the one real account: rotating IPs (or forging X-Forwarded-For) does
 * not get an attacker more than five guesses per window. Attempts for the same email or IP wait for
 * each other here, so a burst of concurrent guesses cannot all pass the check before any is
 * recorded; the lock is held for two queries, not across the (slow) password hash. A throttled
 * attempt is not counted itself, so the lock lifts 15 minutes after the fifth failure rather than
 * being extended by every retry.
 */
export async function reserveLoginAttempt({ email, ip, now }: LoginAttemptOptions): Promise<LoginReservation> {
  return db.$transaction(async (tx) => {
    // Always the email's lock first, then the IP's, so two attempts never wait for each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tollgate.login.email:${email}`}, 0))`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tollgate.login.ip:${ip}`}, 0))`;
    const throttle = await findThrottle(tx, { email, ip, now });
    if (throttle) return throttle;
    const attempt = await tx.loginAttempt.create({ data: { email: email.slice(0, 320), ip, isSuccess: false, createdAt: now }, select: { id: true } });
    return { isThrottled: false, attemptId: attempt.id };
  });
}

/** The password was right: the reserved attempt no longer counts as a failure. */
export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { isSuccess: true } });
}

async function findThrottle(tx: DbClient, { email, ip, now }: LoginAttemptOptions): Promise<{ isThrottled: true; retryAfterSeconds: number } | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const byIp = await recentFailures(tx, { ip }, since);
  const byEmail = await recentFailures(tx, { email }, since);
  const blocking = [byIp, byEmail].filter((failures) => failures.length >= LOGIN_MAX_FAILURES);
  if (blocking.length === 0) return null;
  // The lock lifts when the oldest failure that still counts towards the limit leaves the window.
  const unlocksAt = Math.max(...blocking.map((failures) => failures[failures.length - LOGIN_MAX_FAILURES]!.getTime() + LOGIN_WINDOW_MS));
  return { isThrottled: true, retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
}

async function recentFailures(tx: DbClient, where: { ip: string } | { email: string }, since: Date): Promise<Date[]> {
  const rows = await tx.loginAttempt.findMany({
    where: { ...where, isSuccess: false, createdAt: { gt: since } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
    take: 100,
  });
  return rows.map((row) => row.createdAt);
}
