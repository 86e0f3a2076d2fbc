/**
 * `npm start`: production. Validates the configuration (stopping with a message naming any
 * missing variable), applies pending migrations, then serves the built app (scripts/serve-app.ts:
 * Next's handler behind the request gate) and runs the reconciliation worker beside it; if either
 * dies, both stop (let your supervisor restart).
 * Production never starts an embedded database: DATABASE_URL is required.
 */
import { applyMigrations, describeMigrationResult } from "./lib/migrations.ts";
import { loadDotEnvFile, SERVE_APP_ARGS, TS_NODE_ARGS } from "./lib/local-stack.ts";
import { shutdown, startChild, stopOnSignals } from "./lib/processes.ts";

loadDotEnvFile();
// Set before the env module loads: production rules (no defaults for credentials) apply.
(process.env as Record<string, string>).NODE_ENV = "production";
stopOnSignals();

try {
  const { env } = await import("../server/env.ts");
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required in production");
  console.log(describeMigrationResult(await applyMigrations(env.DATABASE_URL)) ?? "Database schema is up to date.");
  startChild("worker", process.execPath, [...TS_NODE_ARGS, "scripts/worker.ts"], process.env);
  startChild("app", process.execPath, [...SERVE_APP_ARGS, "--port", String(env.PORT)], process.env);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
