import "server-only";
import crypto from "node:crypto";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { serializeCookie } from "@/server/http/cookies";

/** The anonymous reader's cookie: a random bearer token; the database keeps only its hash. */
export const READER_COOKIE = "tg_reader";
const READER_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token).digest("hex");
}

/** The hash a cookie value is stored under, or null for a missing or malformed value. */
export function hashReaderToken(token: string | null | undefined): string | null {
  return token && TOKEN_SHAPE.test(token) ? hashToken(token) : null;
}

/** The reader id behind a cookie value, or null for a missing, malformed or unknown token. */
export async function getReaderIdByToken(token: string | null | undefined): Promise<string | null> {
  const tokenHash = hashReaderToken(token);
  if (!tokenHash) return null;
  const reader = await db.reader.findUnique({ where: { tokenHash }, select: { id: true } });
  return reader?.id ?? null;
}

export interface NewReader {
  readerId: string;
  setCookieHeader: string;
}

export async function createReader(): Promise<NewReader> {
  const token = crypto.randomBytes(32).toString("base64url");
  const reader = await db.reader.create({ data: { tokenHash: hashToken(token) }, select: { id: true } });
  return {
    readerId: reader.id,
    setCookieHeader: serializeCookie(READER_COOKIE, token, { maxAgeSeconds: READER_COOKIE_MAX_AGE_SECONDS, isSecure: env.isSecureOrigin }),
  };
}
