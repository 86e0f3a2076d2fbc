import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";

const HEALTH_TIMEOUT_MS = 2_000;

export async function isDatabaseReachable(): Promise<boolean> {
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("health check timed out")), HEALTH_TIMEOUT_MS).unref()),
    ]);
    return true;
  } catch (error) {
    log.warn({ event: "health.database_unreachable", err: error }, "database health check failed");
    return false;
  }
}
