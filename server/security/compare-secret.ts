import "server-only";
import crypto from "node:crypto";

/**
 * Constant-time comparison of a received secret with the expected one. Both sides are hashed
 * first, so neither the content nor the length of the expected secret leaks through timing.
 * Anything but a non-empty string is a mismatch.
 */
export function isSameSecret(received: unknown, expected: string): boolean {
  if (typeof received !== "string" || received.length === 0 || expected.length === 0) return false;
  const receivedDigest = crypto.createHash("sha256").update(received, "utf8").digest();
  const expectedDigest = crypto.createHash("sha256").update(expected, "utf8").digest();
  return crypto.timingSafeEqual(receivedDigest, expectedDigest);
}
