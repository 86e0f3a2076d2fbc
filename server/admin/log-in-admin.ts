import "server-only";
import { findAdminDeviceId, rememberAdminDevice } from "@/server/admin/admin-device";
import { ADMIN_SESSION_IDLE_MS } from "@/server/admin/admin-session-token";
import { markLoginSucceeded, reserveLoginAttempt } from "@/server/admin/login-throttle";
import { createAdminSession } from "@/server/admin/create-admin-session";
import { normaliseEmail, verifyAdminCredentials } from "@/server/admin/verify-admin-credentials";
import { db } from "@/server/db";
import { log } from "@/server/log";

export interface LogInAdminOptions {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
  /** The tg_admin_device cookie, when the browser sent one. */
  deviceToken?: string | null;
  now?: Date;
}

export type LogInAdminResult =
  /** `deviceToken`: a browser signing in for the first time is now known; set it as its device cookie. */
  | { ok: true; token: string; expiresAt: Date; deviceToken: string | null }
  | { ok: false; reason: "invalid_credentials" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** Login attempts are kept for a day: long enough to investigate, short enough to stay small. */
const LOGIN_ATTEMPT_RETENTION_MS = 24 * 60 * 60 * 1000;

/**
 * Signs the owner in: refuses while this browser, address or email is throttled (without checking
 * the password, so a throttled attacker learns nothing), records the attempt, and opens a session on
 * success, remembering the browser as a known device.
 */
export async function logInAdmin({ email, password, ip, userAgent, deviceToken, now = new Date() }: LogInAdminOptions): Promise<LogInAdminResult> {
  const normalisedEmail = normaliseEmail(email);
  const deviceId = await findAdminDeviceId({ token: deviceToken, email: normalisedEmail });
  const reservation = await reserveLoginAttempt({ email: normalisedEmail, ip, deviceId, now });
  if (reservation.isThrottled) {
    log.warn({ event: "admin.login.throttled", ip, isKnownDevice: deviceId !== null }, "admin login throttled");
    return { ok: false, reason: "throttled", retryAfterSeconds: reservation.retryAfterSeconds };
  }

  const isValid = await verifyAdminCredentials({ email: normalisedEmail, password });
  if (!isValid) {
    log.warn({ event: "admin.login.failed", ip, isKnownDevice: deviceId !== null }, "admin login failed");
    return { ok: false, reason: "invalid_credentials" };
  }
  await markLoginSucceeded(reservation.attemptId);

  await Promise.all([
    db.loginAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - LOGIN_ATTEMPT_RETENTION_MS) } } }),
    db.adminSession.deleteMany({ where: { OR: [{ expiresAt: { lt: now } }, { lastSeenAt: { lt: new Date(now.getTime() - ADMIN_SESSION_IDLE_MS) } }] } }),
  ]);
  const device = await rememberAdminDevice({ deviceId, email: normalisedEmail, now });
  const session = await createAdminSession({ email: normalisedEmail, ip, userAgent, now });
  log.info({ event: "admin.login.succeeded", ip, isKnownDevice: deviceId !== null }, "admin signed in");
  return { ok: true, ...session, deviceToken: device?.token ?? null };
}
