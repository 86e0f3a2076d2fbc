import "server-only";
import crypto from "node:crypto";

/**
 * Random bearer tokens for cookies (reader identity, admin sessions): 32 random bytes, base64url.
 * The database keeps only their SHA-256, so a leaked table cannot be replayed as a cookie.
 */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function sha256(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** A new token for the cookie, and the hash to store for it. */
export function newBearerToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString("base64url");
  return { token, tokenHash: sha256(token) };
}

/** The stored form of a cookie's token, or null for a missing or malformed one (never looked up). */
export function hashBearerToken(token: string | null | undefined): string | null {
  return token && TOKEN_SHAPE.test(token) ? sha256(token) : null;
}
