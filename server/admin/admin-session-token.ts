import "server-only";
import crypto from "node:crypto";

/** A session lasts at most this long after sign-in, however active the owner is. */
export const ADMIN_SESSION_MAX_AGE_MS = 12 * 60 * 60 * 1000;
/** …and ends sooner when unused for this long (the sliding part). */
export const ADMIN_SESSION_IDLE_MS = 2 * 60 * 60 * 1000;
/** The cookie is sent only to the admin, never to public pages or the API. */
export const ADMIN_SESSION_COOKIE_PATH = "/admin";

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

/** 32 random bytes, base64url: what the cookie holds. */
export function newAdminSessionToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** What the database holds instead of the token, so a leaked table cannot be replayed as a cookie. */
export function hashAdminSessionToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

export function isWellFormedAdminSessionToken(token: string | null | undefined): token is string {
  return typeof token === "string" && TOKEN_SHAPE.test(token);
}
