import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";

const CHECK_TIMEOUT_MS = 2_000;

export type DatabaseStatus = { isReachable: true; latencyMs: number } | { isReachable: false; error: string };

/** A `SELECT 1` round trip, timed, given up after 2 s; never throws (health and the admin's settings). */
export async function checkDatabase(): Promise<DatabaseStatus> {
  const startedAt = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
    ]);
    return { isReachable: true, latencyMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  } catch (error) {
    log.warn({ event: "health.database_unreachable", err: error }, "database check failed");
    return { isReachable: false, error: error instanceof Error ? (error.message.split("\n")[0] ?? "").slice(0, 200) : "unknown error" };
  }
}
