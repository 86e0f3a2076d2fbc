import "server-only";
import { getAdminPasswordHash } from "@/server/admin/get-admin-password-hash";
import { verifyPassword } from "@/server/admin/verify-password";
import { env } from "@/server/env";
import { isSameSecret } from "@/server/security/compare-secret";

export interface VerifyAdminCredentialsOptions {
  email: string;
  password: string;
}

/**
 * Checks an email and password against ADMIN_EMAIL (case-insensitively) and the owner's password
 * hash. The password is hashed even when the email is wrong, so the response time does not tell
 * an attacker whether they guessed the email.
 */
export async function verifyAdminCredentials({ email, password }: VerifyAdminCredentialsOptions): Promise<boolean> {
  const isEmailRight = isSameSecret(normaliseEmail(email), env.ADMIN_EMAIL);
  const isPasswordRight = await verifyPassword({ password, hash: await getAdminPasswordHash() });
  return isEmailRight && isPasswordRight;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}
