import "server-only";
import { db } from "@/server/db";
import { log } from "@/server/log";

export type DatabaseStatus = { isReachable: true; latencyMs: number } | { isReachable: false; error: string };

const TIMEOUT_MS = 2_000;

/** A `SELECT 1` round trip, timed; never throws. */
export async function measureDatabase(): Promise<DatabaseStatus> {
  const startedAt = performance.now();
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref()),
    ]);
    return { isReachable: true, latencyMs: Math.round((performance.now() - startedAt) * 10) / 10 };
  } catch (error) {
    log.warn({ event: "admin.settings.database_unreachable", err: error }, "database check failed");
    return { isReachable: false, error: error instanceof Error ? error.message.split("\n")[0]!.slice(0, 200) : "unknown error" };
  }
}
