import { beforeEach, inject } from "vitest";
import { testEnv } from "./test-config";

// Before any app module is imported: server/env.ts parses process.env once, at import.
Object.assign(process.env, testEnv({ DATABASE_URL: inject("databaseUrl"), HANDCASH_API_BASE: inject("emulatorUrl") }));

const { db } = await import("@/server/db");

/** Faults one test switched on in the shared emulator (an outage, a thinner public view) must not reach the next. */
async function clearEmulatorFaults(): Promise<void> {
  for (const [path, body] of [
    ["/_emulator/outage", { status: null }],
    ["/_emulator/public-view", {}],
  ] as const) {
    const response = await fetch(`${inject("emulatorUrl")}${path}`, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`emulator refused ${path}: ${response.status}`);
  }
}

beforeEach(async () => {
  await clearEmulatorFaults();
  await db.$executeRawUnsafe(
    'TRUNCATE "OrderEvent", "WebhookEvent", "Payment", "Entitlement", "Fulfilment", "Order", "Reader", "Product", "RejectedWebhook", "RateLimitCounter", "AdminSession", "AdminDevice", "LoginAttempt", "AuditLog" RESTART IDENTITY CASCADE',
  );
  // Jobs a payment queued in an earlier test (graphile-worker's schema is installed with the migrations).
  await db.$executeRawUnsafe("TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues CASCADE");
});
