import http from "node:http";
import { Writable } from "node:stream";
import pg from "pg";
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

describe("objects of database and HTTP clients", () => {
  /** What pg-pool emits when an idle connection drops (a shutdown, an outage): the error carries its whole client. */
  function buildDroppedConnectionError() {
    const client = new pg.Client({ connectionString: "postgresql://tollgate:db-password-1@127.0.0.1:5432/tollgate" });
    Object.assign(client, { processID: 31337, secretKey: 271828182 });
    const error = Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", severity: "FATAL", client });
    const request = http.request("http://127.0.0.1:9/v3/paymentRequests", { headers: { "app-secret": "top-secret-4" } });
    request.on("error", () => {});
    request.destroy();
    return { error, request };
  }

  it("writes an error's type, message, code and causes, and a client as its class name only", () => {
    const { lines, logger } = captureLines();
    const { error, request } = buildDroppedConnectionError();
    const wrapped = new Error("payment request failed", { cause: Object.assign(new Error("socket hang up"), { code: "ECONNRESET", request }) });
    logger.warn({ event: "worker.db_connection_lost", err: error }, "worker lost a database connection");
    // graphile-worker's own messages carry their error under meta.error.
    logger.error({ event: "worker.log", meta: { error, job: { id: "7", payload: { orderId: "order-1" }, run_at: new Date(0) } } }, "Failed task");
    logger.error({ event: "order.payment_request_failed", err: wrapped, client: error.client }, "payment request creation failed");

    const written = JSON.stringify(lines);
    for (const secret of ["271828182", "31337", "db-password-1", "top-secret-4", "connectionParameters", "_events"]) {
      expect(written).not.toContain(secret);
    }
    expect(lines[0]?.err).toMatchObject({
      type: "Error",
      message: "terminating connection due to administrator command",
      code: "57P01",
      severity: "FATAL",
      client: "[Client]",
    });
    expect(lines[1]?.meta).toMatchObject({
      error: { code: "57P01", client: "[Client]" },
      job: { id: "7", payload: { orderId: "order-1" }, run_at: "1970-01-01T00:00:00.000Z" },
    });
    expect(lines[2]).toMatchObject({
      err: { message: "payment request failed", cause: { message: "socket hang up", code: "ECONNRESET", request: "[ClientRequest]" } },
      client: "[Client]",
    });
  });

  it("survives cycles and very deep values", () => {
    const { lines, logger } = captureLines();
    const cyclic: Record<string, unknown> = { name: "loop" };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leaf: true };
    for (let i = 0; i < 20; i++) deep = { deeper: deep };
    logger.info({ event: "test.shapes", cyclic, deep, count: 10n }, "shapes");
    expect(lines[0]).toMatchObject({ cyclic: { name: "loop", self: "[Circular]" }, count: "10" });
    expect(JSON.stringify(lines[0]?.deep)).toContain("[Nested too deep]");
  });
});
