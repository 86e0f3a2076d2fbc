import "server-only";
import { ADMIN_SESSION_IDLE_MS } from "@/server/admin/admin-session-token";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { hashBearerToken } from "@/server/security/bearer-token";

export interface AdminSession {
  id: string;
  email: string;
  expiresAt: Date;
  /** How the owner appears in audit logs and order timelines. */
  actor: string;
}

export interface GetAdminSessionOptions {
  token: string | null | undefined;
  now?: Date;
}

/** Activity is written back at most this often, so browsing the admin is not a write per request. */
const LAST_SEEN_RESOLUTION_MS = 60_000;

/**
 * The live session behind a cookie token, or null when it is missing, unknown, past its absolute
 * expiry, idle too long, or belongs to an email that is no longer ADMIN_EMAIL. Dead sessions are
 * deleted on sight.
 */
export async function getAdminSession({ token, now = new Date() }: GetAdminSessionOptions): Promise<AdminSession | null> {
  const tokenHash = hashBearerToken(token);
  if (!tokenHash) return null;
  const session = await db.adminSession.findUnique({
    where: { tokenHash },
    select: { id: true, email: true, expiresAt: true, lastSeenAt: true },
  });
  if (!session) return null;
  const isExpired = session.expiresAt <= now || now.getTime() - session.lastSeenAt.getTime() > ADMIN_SESSION_IDLE_MS;
  if (isExpired || session.email !== env.ADMIN_EMAIL) {
    await db.adminSession.deleteMany({ where: { id: session.id } });
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() > LAST_SEEN_RESOLUTION_MS) {
    await db.adminSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } });
  }
  return { id: session.id, email: session.email, expiresAt: session.expiresAt, actor: `admin:${session.email}` };
}
