import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createProduct } from "@/prisma/factories";
import { readServerActionIds } from "../../scripts/lib/request-gate";
import { TEST_BUILD_DIR } from "../../scripts/lib/test-build";
import { TEST_ADMIN_EMAIL } from "../setup/test-config";
import { BAD_INPUT_CASES, type BadInputTargets } from "./bad-input-cases";
import { FAULT_LOG_DIR } from "./fault-config";
import { createOrdersThroughApi, openTestDatabase, pollUntil, restoreStack, sendRawRequest } from "./fault-driver";

/** Where the stack writes the app's output (tests/faults/production-app.ts: one file per process). */
const APP_LOG = path.resolve(FAULT_LOG_DIR, "app.log");

let db: PrismaClient;
let targets: BadInputTargets;
let logOffset: number;
let before: Awaited<ReturnType<typeof countRows>>;

function countRows() {
  return Promise.all([
    db.order.count(),
    db.product.count(),
    db.auditLog.count(),
    db.loginAttempt.count(),
    db.adminSession.count(),
    db.rejectedWebhook.count(),
  ]).then(([orders, products, audit, loginAttempts, sessions, rejectedWebhooks]) => ({ orders, products, audit, loginAttempts, sessions, rejectedWebhooks }));
}

/** A live owner session written as the login writes it, so admin pages read their parameters. */
async function createOwnerSession(): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  const now = new Date();
  await db.adminSession.create({
    data: {
      tokenHash: crypto.createHash("sha256").update(token).digest("hex"),
      email: TEST_ADMIN_EMAIL,
      ip: "127.0.0.1",
      expiresAt: new Date(now.getTime() + 3_600_000),
      lastSeenAt: now,
    },
  });
  return `tg_admin=${token}`;
}

function readLogSince(offset: number): string {
  return fs.readFileSync(APP_LOG, "utf8").slice(offset);
}

beforeAll(async () => {
  await restoreStack();
  db = openTestDatabase();
  const [order] = await createOrdersThroughApi(db, 1);
  const product = await createProduct(db, { published: true });
  const actionId = [...(readServerActionIds(path.resolve(TEST_BUILD_DIR, "server/server-reference-manifest.json")) ?? [])][0];
  if (!actionId) throw new Error("The build has no server actions to aim at");
  targets = {
    slug: product.slug,
    orderId: order!.orderId,
    readerCookie: order!.cookie,
    productId: product.id,
    adminCookie: await createOwnerSession(),
    actionId,
  };
  before = await countRows();
  logOffset = fs.statSync(APP_LOG).size;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("bad-input corpus", () => {
  test("holds a case for every kind of input, each named once", () => {
    expect(BAD_INPUT_CASES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(BAD_INPUT_CASES.map((badInput) => badInput.name)).size).toBe(BAD_INPUT_CASES.length);
  });

  test.each(BAD_INPUT_CASES.map((badInput) => [badInput.name, badInput] as const))("%s", async (_name, badInput) => {
    const { status, headers, body } = await sendRawRequest(badInput.build(targets));
    expect(status, body.slice(0, 300)).toBe(badInput.expectedStatus);
    if (badInput.refusedAs) {
      expect(headers["content-type"]).toBe("application/json");
      expect(JSON.parse(body)).toEqual({ error: expect.any(String) });
    }
  });

  test("changed nothing", async () => {
    expect(await countRows()).toEqual({ ...before, rejectedWebhooks: expect.any(Number) });
  });

  test("left a warning for each refusal and no error or stack trace in the log", async () => {
    // A last refusal marks the end: once its line is in the file, every earlier case's line is too.
    const marker = `corpus-end-${crypto.randomBytes(4).toString("hex")}`;
    await sendRawRequest({ method: "GET", path: `/${marker}/%zz`, headers: {} });
    const log = await pollUntil(
      async () => readLogSince(logOffset),
      (text) => text.includes(marker),
      { timeoutMs: 10_000 },
    );
    expect(log).toContain(marker);

    const lines = log.split("\n").filter(Boolean);
    const problems = lines.filter((line) => /"level":"(error|fatal)"/.test(line) || /^\s+at\s/.test(line) || line.startsWith("⨯") || /^\w*Error\b/.test(line));
    expect(problems).toEqual([]);

    const refusals = lines.flatMap((line) => {
      const match = /"event":"http\.bad_request","reason":"(\w+)"/.exec(line);
      return match ? [match[1]] : [];
    });
    for (const reason of new Set(BAD_INPUT_CASES.flatMap((badInput) => badInput.refusedAs ?? []))) {
      const expected = BAD_INPUT_CASES.filter((badInput) => badInput.refusedAs === reason).length + (reason === "malformed_path_encoding" ? 1 : 0);
      expect(
        refusals.filter((logged) => logged === reason),
        reason,
      ).toHaveLength(expected);
    }
  });
});
