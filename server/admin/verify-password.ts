import "server-only";
import crypto from "node:crypto";
import { deriveKey, type PasswordHash } from "@/server/admin/hash-password";

export interface VerifyPasswordOptions {
  password: string;
  hash: PasswordHash;
}

/** True when `password` produces `hash`; the comparison takes the same time wherever they differ. */
export async function verifyPassword({ password, hash }: VerifyPasswordOptions): Promise<boolean> {
  const derived = await deriveKey(password, hash.salt, hash.hash.length, hash.cost);
  return crypto.timingSafeEqual(derived, hash.hash);
}
