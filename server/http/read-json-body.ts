import "server-only";
import type { z } from "zod";
import { AppError } from "@/server/errors";

/** Keys that could reach an object's prototype if a payload were ever merged into another object. */
const PROTOTYPE_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/**
 * Reads the body once, refusing more than `maxBytes` without buffering the excess.
 * The Content-Length header is checked first, but the count of bytes actually read decides.
 */
export async function readBodyText(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes} bytes.`);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new AppError("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes} bytes.`);
    }
    chunks.push(value);
  }
  return new TextDecoder("utf-8", { fatal: false }).decode(Buffer.concat(chunks));
}

/**
 * Text PostgreSQL cannot store: NUL (text and jsonb refuse it) and unpaired UTF-16 surrogates,
 * which JSON may spell as escapes ("\\ud800") and jsonb refuses as well. Refused at parse time,
 * so such a body is a 400 rather than a failed write.
 */
const UNPAIRED_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function isUnstorable(text: string): boolean {
  return text.includes("\u0000") || UNPAIRED_SURROGATE.test(text);
}

class UnstorableTextError extends Error {}

/** JSON.parse that drops prototype-reaching keys; throws INVALID_INPUT on malformed JSON or unstorable text. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text, (key, value: unknown) => {
      if (isUnstorable(key) || (typeof value === "string" && isUnstorable(value))) throw new UnstorableTextError();
      return PROTOTYPE_KEYS.has(key) ? undefined : value;
    });
  } catch (error) {
    if (error instanceof UnstorableTextError) {
      throw new AppError("INVALID_INPUT", "The request body must not contain NUL characters (\\u0000) or unpaired surrogates.", {
        details: { reason: "unstorable_text" },
      });
    }
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
}

export function describeFirstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "The request body has an invalid shape.";
  const where = issue.path.length > 0 ? issue.path.join(".") : "body";
  return `Invalid request body: ${where} ${issue.message}`;
}

/** Parses a JSON body against a schema; bad JSON or a bad shape is a 400 with a clear message. */
export async function readJsonBody<T>(req: Request, schema: z.ZodType<T>, { maxBytes = 16_384 } = {}): Promise<T> {
  const contentType = req.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(contentType)) {
    throw new AppError("UNSUPPORTED_MEDIA_TYPE", "Send the request body as application/json.");
  }
  const json = parseJsonText(await readBodyText(req, maxBytes));
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("INVALID_INPUT", describeFirstIssue(parsed.error));
  return parsed.data;
}
