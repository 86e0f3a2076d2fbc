import "server-only";
import { hashPassword, type PasswordHash, parsePasswordHash } from "@/server/admin/hash-password";
import { env } from "@/server/env";

let cached: Promise<PasswordHash> | null = null;

/**
 * The owner's password hash: ADMIN_PASSWORD_HASH as given, or ADMIN_PASSWORD hashed once per
 * process on first use (with a random salt, so the plain password is never compared directly).
 */
export function getAdminPasswordHash(): Promise<PasswordHash> {
  cached ??= loadAdminPasswordHash().catch((error: unknown) => {
    cached = null;
    throw error;
  });
  return cached;
}

async function loadAdminPasswordHash(): Promise<PasswordHash> {
  if (env.ADMIN_PASSWORD_HASH) return parsePasswordHash(env.ADMIN_PASSWORD_HASH);
  if (!env.ADMIN_PASSWORD) throw new Error("Neither ADMIN_PASSWORD nor ADMIN_PASSWORD_HASH is set.");
  return parsePasswordHash(await hashPassword({ password: env.ADMIN_PASSWORD }));
}
