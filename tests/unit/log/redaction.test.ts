import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/server/log";

function captureLines() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ destination: stream, level: "info" }) };
}

describe("log redaction", () => {
  it("never writes the HandCash secret, payer emails or premium bodies", () => {
    const { lines, logger } = captureLines();
    logger.info(
      {
        event: "webhook.handcash.processed",
        orderId: "order-1",
        appSecret: "top-secret-1",
        payload: { appSecret: "top-secret-2", userData: { email: "alice@example.com", paymail: "alice@handcash.io" } },
        product: { body: "the premium text" },
        request: { headers: { "app-secret": "top-secret-3" } },
      },
      "processed",
    );
    const written = JSON.stringify(lines);
    for (const secret of ["top-secret-1", "top-secret-2", "top-secret-3", "alice@example.com", "the premium text"]) {
      expect(written).not.toContain(secret);
    }
    expect(lines[0]).toMatchObject({ level: "info", service: "tollgate", event: "webhook.handcash.processed", orderId: "order-1", msg: "processed" });
    expect(written).toContain("alice@handcash.io");
  });
});
