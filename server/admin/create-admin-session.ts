import "server-only";
import { ADMIN_SESSION_MAX_AGE_MS } from "@/server/admin/admin-session-token";
import { db } from "@/server/db";
import { newBearerToken } from "@/server/security/bearer-token";

export interface CreateAdminSessionOptions {
  email: string;
  ip: string;
  userAgent: string | null;
  now?: Date;
}

export interface NewAdminSession {
  /** The bearer token for the cookie; only its hash is stored. */
  token: string;
  expiresAt: Date;
}

export async function createAdminSession({ email, ip, userAgent, now = new Date() }: CreateAdminSessionOptions): Promise<NewAdminSession> {
  const { token, tokenHash } = newBearerToken();
  const expiresAt = new Date(now.getTime() + ADMIN_SESSION_MAX_AGE_MS);
  await db.adminSession.create({
    data: { tokenHash, email, ip, userAgent: userAgent?.slice(0, 500) ?? null, createdAt: now, lastSeenAt: now, expiresAt },
  });
  return { token, expiresAt };
}
