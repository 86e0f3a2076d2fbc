import type { IncomingMessage } from "node:http";
import type { z } from "zod";
import { formatValidationMessage } from "./schemas";

/** Small request/response helpers for the node:http server; routes return a Reply instead of writing. */

export const MAX_BODY_BYTES = 1024 * 1024;
// Past this the client is clearly misbehaving; stop draining and drop the connection.
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;

export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export function replyJson(status: number, value: unknown): Reply {
  return { status, headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(value) };
}

export function replyHtml(status: number, html: string): Reply {
  return { status, headers: { "content-type": "text/html; charset=utf-8" }, body: html };
}

export function replyEmpty(status: number): Reply {
  return { status };
}

export function replyRedirect(location: string): Reply {
  return { status: 303, headers: { location } };
}

/**
 * Reads the whole body. An oversized body is drained before the 413 is sent, because most
 * clients (fetch included) report a reset instead of the status if the server answers mid-upload.
 */
export function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_DRAIN_BYTES) {
        request.destroy();
        return;
      }
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    request.on("end", () => {
      if (size > MAX_BODY_BYTES) reject(new HttpError(413, "Request body exceeds 1 MiB"));
      else resolve(Buffer.concat(chunks));
    });
    request.on("error", reject);
  });
}

/** Cloud's clients send JSON as application/json, text/plain or with no content-type at all; all are read as JSON. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString("utf8").trim();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new HttpError(400, `Invalid JSON body: ${(error as Error).message}`);
  }
}

export function parseWithSchema<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (!parsed.success) throw new HttpError(400, formatValidationMessage(parsed.error.issues));
  return parsed.data;
}

export function getHeader(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
