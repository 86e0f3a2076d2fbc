import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { parseJsonText, readBodyText } from "@/server/http/read-json-body";

function streamedRequest(parts: string[]): Request {
  const stream = new ReadableStream({
    start(controller) {
      for (const part of parts) controller.enqueue(new TextEncoder().encode(part));
      controller.close();
    },
  });
  return new Request("http://test.local/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
}

describe("readBodyText", () => {
  it("reads a body within the limit", async () => {
    await expect(readBodyText(streamedRequest(['{"a":', "1}"]), 100)).resolves.toBe('{"a":1}');
  });

  it("stops at the limit even without a Content-Length header", async () => {
    const error = await readBodyText(streamedRequest(["x".repeat(60), "x".repeat(60)]), 100).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a declared Content-Length over the limit before reading", async () => {
    const req = new Request("http://test.local/", { method: "POST", body: "small", headers: { "content-length": "1000000" } });
    await expect(readBodyText(req, 100)).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
  });
});

describe("parseJsonText", () => {
  it("drops prototype-reaching keys at any depth", () => {
    const parsed = parseJsonText('{"a":{"__proto__":{"polluted":true},"constructor":{"x":1},"ok":2},"prototype":3}') as Record<string, Record<string, unknown>>;
    expect(parsed).toEqual({ a: { ok: 2 } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports malformed JSON as invalid input", () => {
    expect(() => parseJsonText("{not json")).toThrow(expect.objectContaining({ code: "INVALID_INPUT" }) as Error);
  });

  it.each([
    ["a NUL in a value", '{"productId":"a\\u0000b"}'],
    ["a NUL in a nested value", '{"userData":{"paymail":"\\u0000"}}'],
    ["a NUL in a key", '{"a\\u0000":1}'],
    ["a NUL in an array", '{"list":["ok","\\u0000"]}'],
    ["a lone high surrogate", '{"productId":"a\\ud800b"}'],
    ["a lone low surrogate", '{"productId":"\\udc00"}'],
    ["surrogates in the wrong order", '{"productId":"\\udc00\\ud800"}'],
  ])("refuses text PostgreSQL cannot store: %s", (_label, text) => {
    expect(() => parseJsonText(text)).toThrow(expect.objectContaining({ code: "INVALID_INPUT", details: { reason: "unstorable_text" } }) as Error);
  });

  it("keeps text PostgreSQL can store: a surrogate pair, an escaped backslash before u0000", () => {
    expect(parseJsonText('{"emoji":"\\ud83d\\udd11","literal":"\\\\u0000"}')).toEqual({ emoji: "\u{1F511}", literal: "\\u0000" });
  });
});
