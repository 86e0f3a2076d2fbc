import { beforeEach, inject } from "vitest";
import { testEnv } from "./test-config";

// Before any app module is imported: server/env.ts parses process.env once, at import.
Object.assign(process.env, testEnv({ DATABASE_URL: inject("databaseUrl"), HANDCASH_API_BASE: inject("emulatorUrl") }));

const { db } = await import("@/server/db");

beforeEach(async () => {
  await db.$executeRawUnsafe(
    'TRUNCATE "OrderEvent", "WebhookEvent", "Payment", "Entitlement", "Order", "Reader", "Product", "RejectedWebhook", "RateLimitCounter", "AdminSession", "AdminDevice", "LoginAttempt", "AuditLog" RESTART IDENTITY CASCADE',
  );
});
