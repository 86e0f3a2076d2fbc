import "server-only";
import { type DbClient, db } from "@/server/db";
import { rateLimitSubjectOf } from "@/server/http/client-ip";

/**
 * Failed sign-ins allowed per 15 minutes (ADR 006). From the owner's known browser: five, for that
 * browser. From any other browser: five per address and email, twenty per address whatever the email
 * (each check costs a password hash), and a hundred per email from everywhere, the ceiling on guesses
 * spread over many addresses. Only that ceiling can lock the owner out, and never of a known browser.
 */
export const LOGIN_MAX_FAILURES = 5;
export const LOGIN_MAX_FAILURES_PER_ADDRESS = 20;
export const LOGIN_MAX_FAILURES_PER_EMAIL = 100;
export const LOGIN_WINDOW_MS = 15 * 60 * 1000;

export interface LoginAttemptOptions {
  /** Already lowercased. */
  email: string;
  ip: string;
  /** The owner's known browser this attempt comes from (AdminDevice), if any. */
  deviceId: string | null;
  now: Date;
}

export type LoginReservation = { isThrottled: false; attemptId: string } | { isThrottled: true; retryAfterSeconds: number };

type Throttle = { isThrottled: true; retryAfterSeconds: number };

/**
 * Takes one of the failures this attempt may still use in the last 15 minutes, before the password
 * is checked: the attempt is recorded as a failure at once (markLoginSucceeded corrects it).
 * Attempts that count against the same limit wait for each other here, so a burst of concurrent
 * guesses cannot all pass the check before any is recorded; the lock is held for a few queries,
 * not across the (slow) password hash. A throttled attempt is not counted itself, so the lock
 * lifts 15 minutes after the failure that reached the limit rather than being extended by every retry.
 */
export async function reserveLoginAttempt({ email, ip, deviceId, now }: LoginAttemptOptions): Promise<LoginReservation> {
  const address = rateLimitSubjectOf(ip);
  return db.$transaction(async (tx) => {
    // Always the email's lock first, then the browser's or the address's, so two attempts never wait for each other in a cycle.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`tollgate.login.email:${email}`}, 0))`;
    const second = deviceId ? `tollgate.login.device:${deviceId}` : `tollgate.login.ip:${address}`;
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${second}, 0))`;
    const throttle = await findThrottle(tx, { email, address, deviceId, now });
    if (throttle) return throttle;
    const attempt = await tx.loginAttempt.create({
      data: { email: email.slice(0, 320), ip: address, deviceId, isSuccess: false, createdAt: now },
      select: { id: true },
    });
    return { isThrottled: false, attemptId: attempt.id };
  });
}

/** The password was right: the reserved attempt no longer counts as a failure. */
export async function markLoginSucceeded(attemptId: string): Promise<void> {
  await db.loginAttempt.update({ where: { id: attemptId }, data: { isSuccess: true } });
}

interface ThrottleQuery {
  email: string;
  address: string;
  deviceId: string | null;
  now: Date;
}

async function findThrottle(tx: DbClient, { email, address, deviceId, now }: ThrottleQuery): Promise<Throttle | null> {
  const since = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const limits: Array<[where: { email?: string; ip?: string; deviceId: string | null }, limit: number]> = deviceId
    ? [[{ deviceId }, LOGIN_MAX_FAILURES]]
    : [
        [{ ip: address, email, deviceId: null }, LOGIN_MAX_FAILURES],
        [{ ip: address, deviceId: null }, LOGIN_MAX_FAILURES_PER_ADDRESS],
        [{ email, deviceId: null }, LOGIN_MAX_FAILURES_PER_EMAIL],
      ];
  let unlocksAt = 0;
  for (const [where, limit] of limits) {
    const failures = await listRecentFailures(tx, where, since, limit);
    // The limit lifts when the oldest failure that still counts towards it leaves the window.
    if (failures.length >= limit) unlocksAt = Math.max(unlocksAt, failures[failures.length - limit]!.getTime() + LOGIN_WINDOW_MS);
  }
  if (unlocksAt === 0) return null;
  return { isThrottled: true, retryAfterSeconds: Math.max(1, Math.ceil((unlocksAt - now.getTime()) / 1000)) };
}

/** The newest `limit` failures matching `where` in the window, oldest first. */
async function listRecentFailures(tx: DbClient, where: { email?: string; ip?: string; deviceId: string | null }, since: Date, limit: number): Promise<Date[]> {
  const rows = await tx.loginAttempt.findMany({
    where: { ...where, isSuccess: false, createdAt: { gt: since } },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
    take: limit,
  });
  return rows.map((row) => row.createdAt).reverse();
}
