import "server-only";
import { db } from "@/server/db";
import { env } from "@/server/env";
import { serializeCookie } from "@/server/http/cookies";
import { hashBearerToken, newBearerToken } from "@/server/security/bearer-token";

/** The anonymous reader's cookie: a random bearer token; the database keeps only its hash. */
export const READER_COOKIE = "tg_reader";
const READER_COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60;
/** The reader id behind a cookie value, or null for a missing, malformed or unknown token. */
export async function getReaderIdByToken(token: string | null | undefined): Promise<string | null> {
  const tokenHash = hashBearerToken(token);
  if (!tokenHash) return null;
  const reader = await db.reader.findUnique({ where: { tokenHash }, select: { id: true } });
  return reader?.id ?? null;
}

export interface NewReader {
  readerId: string;
  setCookieHeader: string;
}

export async function createReader(): Promise<NewReader> {
  const { token, tokenHash } = newBearerToken();
  const reader = await db.reader.create({ data: { tokenHash }, select: { id: true } });
  return {
    readerId: reader.id,
    setCookieHeader: serializeCookie(READER_COOKIE, token, { maxAgeSeconds: READER_COOKIE_MAX_AGE_SECONDS, isSecure: env.isSecureOrigin }),
  };
}
