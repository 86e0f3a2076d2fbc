/**
 * Brings a database up to date, in three steps: prisma/migrations with the same
 * `_prisma_migrations` bookkeeping as `prisma migrate deploy`, using plain `pg` (the Prisma CLI
 * cannot download its schema engine on an offline machine; a database migrated here is seen as up
 * to date by the real CLI); graphile-worker's own schema, so a payment can queue its fulfilment job
 * before any worker has started; and our SQL functions and triggers from prisma/routines.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Logger, runMigrations as runJobQueueMigrations } from "graphile-worker";
import pg from "pg";
import { applyRoutines, findRoutineDrift } from "./routines.ts";

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const MIGRATIONS_DIR = path.resolve("prisma/migrations");

/** Any constant works: it only has to be the same for every process migrating this database. */
const MIGRATION_LOCK_KEY = 72_707_101;

export function listMigrationDirectories(): string[] {
  if (!fs.existsSync(MIGRATIONS_DIR)) return [];
  return fs
    .readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface ApplyMigrationsResult {
  applied: string[];
  /** Routine files that changed since the last deploy (all of them are applied on every deploy). */
  changedRoutines: string[];
  /** Our functions and triggers in the database that no routine file defines any more (drop them in a migration). */
  staleRoutines: string[];
}

/** graphile-worker's migration chatter stays quiet; its warnings and errors are printed. */
const jobQueueMigrationLogger = new Logger(() => (level, message) => {
  if (level === "error" || level === "warning") console.error(`[graphile-worker] ${message}`);
});

/**
 * Idempotent and safe to run from several processes at once (an advisory lock serialises them).
 * Each migration runs in its own transaction; a failed one is rolled back and stops the run.
 * A migration whose file changed after it was applied is an error, as with Prisma. The routines
 * come last, so they may use any table or type the migrations create.
 */
export async function applyMigrations(databaseUrl: string): Promise<ApplyMigrationsResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await client.query(CREATE_BOOKKEEPING_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const appliedChecksums = new Map(rows.map((row) => [row.migration_name, row.checksum]));
    const applied: string[] = [];
    for (const name of listMigrationDirectories()) {
      const sql = fs.readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8");
      const checksum = crypto.createHash("sha256").update(sql).digest("hex");
      const known = appliedChecksums.get(name);
      if (known !== undefined) {
        if (known !== checksum) throw new Error(`Migration ${name} was edited after it was applied; add a new migration instead.`);
        continue;
      }
      await client.query("BEGIN");
      try {
        await client.query(sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [crypto.randomUUID(), checksum, name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${name} failed: ${(error as Error).message}`, { cause: error });
      }
      applied.push(name);
    }
    await runJobQueueMigrations({ connectionString: databaseUrl, logger: jobQueueMigrationLogger });
    const changedRoutines = await applyRoutines(client);
    const { stale: staleRoutines } = await findRoutineDrift(client);
    return { applied, changedRoutines, staleRoutines };
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
}

/** One line for a launcher to print, or null when there was nothing to do. */
export function describeMigrationResult({ applied, changedRoutines, staleRoutines }: ApplyMigrationsResult): string | null {
  const parts = [
    ...(applied.length > 0 ? [`applied migrations ${applied.join(", ")}`] : []),
    ...(changedRoutines.length > 0 ? [`updated routines ${changedRoutines.join(", ")}`] : []),
    ...(staleRoutines.length > 0 ? [`WARNING: defined by no file in prisma/routines: ${staleRoutines.join(", ")}`] : []),
  ];
  return parts.length > 0 ? `Database: ${parts.join("; ")}.` : null;
}
