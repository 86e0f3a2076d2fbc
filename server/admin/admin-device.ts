import "server-only";
import { db } from "@/server/db";
import { hashBearerToken, newBearerToken } from "@/server/security/bearer-token";

/**
 * The owner's known browsers (ADR 006). After a successful sign-in the browser keeps a random token
 * in this cookie (HttpOnly, Path=/admin, SameSite=Strict) and the database its SHA-256; sign-in
 * attempts carrying it are throttled per browser instead of with everyone else's.
 */
export const ADMIN_DEVICE_COOKIE = "tg_admin_device";
/** As long as browsers keep a cookie (Chrome caps Max-Age at 400 days); unused devices are forgotten after it. */
export const ADMIN_DEVICE_MAX_AGE_MS = 400 * 24 * 60 * 60 * 1000;

/** The known device behind a cookie token for this email, or null (missing, malformed, unknown, or another email's). */
export async function findAdminDeviceId({ token, email }: { token: string | null | undefined; email: string }): Promise<string | null> {
  const tokenHash = hashBearerToken(token);
  if (!tokenHash) return null;
  const device = await db.adminDevice.findUnique({ where: { tokenHash }, select: { id: true, email: true } });
  return device?.email === email ? device.id : null;
}

/**
 * After a successful sign-in: a known device is marked used; any other browser becomes a known
 * device and gets the token for its cookie. Devices unused for 400 days are deleted here.
 */
export async function rememberAdminDevice({ deviceId, email, now }: { deviceId: string | null; email: string; now: Date }): Promise<{ token: string } | null> {
  await db.adminDevice.deleteMany({ where: { lastUsedAt: { lt: new Date(now.getTime() - ADMIN_DEVICE_MAX_AGE_MS) } } });
  if (deviceId) {
    await db.adminDevice.update({ where: { id: deviceId }, data: { lastUsedAt: now } });
    return null;
  }
  const { token, tokenHash } = newBearerToken();
  await db.adminDevice.create({ data: { tokenHash, email, createdAt: now, lastUsedAt: now } });
  return { token };
}
