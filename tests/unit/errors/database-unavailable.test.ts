import { describe, expect, it } from "vitest";
import { Prisma } from "@/generated/prisma/client";
import { isDatabaseUnavailableError, toHttpResponse } from "@/server/errors";

function prismaError(code: string, message = "boom") {
  return new Prisma.PrismaClientKnownRequestError(message, { code, clientVersion: "7" });
}

describe("isDatabaseUnavailableError", () => {
  it.each([
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["an administrator shutdown (57P01)", Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" })],
    ["a connection exception (08006)", { code: "08006", message: "connection failure" }],
    ["adapter-pg's closed connection", new Error("driver adapter error", { cause: { kind: "ConnectionClosed" } })],
    ["no transaction could start (P2028)", prismaError("P2028", "Transaction API error: Unable to start a transaction in the given time.")],
    ["no pool connection in time (P2024)", prismaError("P2024")],
    // pg, when a pooled client whose connection already failed is used again (graphile-worker does, for its bookkeeping).
    ["a client whose connection broke", new Error("Client has encountered a connection error and is not queryable")],
    ["a nested cause", new Error("outer", { cause: new Error("middle", { cause: { code: "57P03" } }) })],
    [
      "Prisma's wrapped adapter error (P2039 with 57P01 inside)",
      new Prisma.PrismaClientKnownRequestError("Error in the driver adapter", {
        code: "P2039",
        clientVersion: "7",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01", message: "terminating" } } },
      }),
    ],
  ])("recognises %s", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(true);
  });

  it.each([
    ["a unique violation", prismaError("P2002")],
    ["a missing record", prismaError("P2025")],
    ["a syntax error", { code: "42601", message: "syntax error" }],
    ["a plain bug", new TypeError("x is undefined")],
  ])("does not mistake %s for an outage", (_label, error) => {
    expect(isDatabaseUnavailableError(error)).toBe(false);
  });

  it("turns an outage into 503 with Retry-After, and a bug into 500", async () => {
    const outage = toHttpResponse(prismaError("P2028"));
    expect(outage.status).toBe(503);
    expect(outage.headers.get("retry-after")).toBe("5");
    expect(toHttpResponse(new TypeError("bug")).status).toBe(500);
  });
});
