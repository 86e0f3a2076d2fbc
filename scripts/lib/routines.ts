/**
 * The database's functions and triggers (prisma/routines/*.sql) are source files, not migrations:
 * each is written with CREATE OR REPLACE, so changing one is an edit of that file. The migrator
 * applies all of them after the migrations on every deploy, in name order and in one transaction,
 * so a deploy never serves a mix and a hand-edited function is put back; `_tollgate_routines` keeps
 * each file's checksum, which says what is deployed and which files a deploy changed.
 * `findRoutineDrift` tells whether the database holds exactly what the files define.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type pg from "pg";

export const ROUTINES_DIR = path.resolve("prisma/routines");

export interface RoutineFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readRoutineFiles(): RoutineFile[] {
  return fs
    .readdirSync(ROUTINES_DIR)
    .filter((name) => name.endsWith(".sql"))
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(ROUTINES_DIR, name), "utf8");
      return { name, sql, checksum: crypto.createHash("sha256").update(sql).digest("hex") };
    });
}

const CREATE_BOOKKEEPING_TABLE = `
CREATE TABLE IF NOT EXISTS "_tollgate_routines" (
  "name" TEXT PRIMARY KEY,
  "checksum" VARCHAR(64) NOT NULL,
  "applied_at" TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Applies every routine file; returns the names of those whose checksum differs from the last
 * deploy's (or that are new). The caller holds the migration lock.
 */
export async function applyRoutines(client: pg.Client): Promise<string[]> {
  await client.query(CREATE_BOOKKEEPING_TABLE);
  const files = readRoutineFiles();
  const { rows } = await client.query<{ name: string; checksum: string }>(`SELECT "name", "checksum" FROM "_tollgate_routines"`);
  const recorded = new Map(rows.map((row) => [row.name, row.checksum]));
  const changed = files.filter((file) => recorded.get(file.name) !== file.checksum).map((file) => file.name);
  await client.query("BEGIN");
  try {
    for (const file of files) {
      try {
        await client.query(file.sql);
      } catch (error) {
        throw new Error(`Routine file prisma/routines/${file.name} failed: ${(error as Error).message}`, { cause: error });
      }
    }
    await client.query(`DELETE FROM "_tollgate_routines"`);
    for (const file of files) {
      await client.query(`INSERT INTO "_tollgate_routines" ("name", "checksum") VALUES ($1, $2)`, [file.name, file.checksum]);
    }
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return changed;
}

export interface RoutineDrift {
  /** Defined by the files, but the database holds another definition (edited by hand, or not deployed). */
  differing: string[];
  /** Defined by the files, absent from the database. */
  missing: string[];
  /** In the database (a `tollgate_` function or a trigger in schema public), defined by no file. */
  stale: string[];
}

/**
 * Our functions and triggers as PostgreSQL prints them back, and whether the current transaction
 * wrote them: a CREATE OR REPLACE rewrites the catalogue row, so its xmin becomes our xid.
 */
const SNAPSHOT_ROUTINES = `
  SELECT 'function ' || p.oid::regprocedure::text AS "name", pg_get_functiondef(p.oid) AS "definition",
         p.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296 AS "isWrittenNow"
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
  WHERE n.nspname = 'public' AND p.proname LIKE 'tollgate\\_%'
  UNION ALL
  SELECT 'trigger ' || t.tgname || ' on ' || c.relname, pg_get_triggerdef(t.oid),
         t.xmin::text::bigint = pg_current_xact_id()::text::bigint % 4294967296
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND NOT t.tgisinternal`;

interface RoutineRow {
  name: string;
  definition: string;
  isWrittenNow: boolean;
}

/**
 * Compares the database with the routine files by applying the files inside a transaction that is
 * then rolled back: what they define, PostgreSQL's own rendering before and after must agree, and
 * nothing of ours may exist that no file defines. Changes nothing.
 */
export async function findRoutineDrift(client: pg.Client): Promise<RoutineDrift> {
  await client.query("BEGIN");
  try {
    // Assigns this transaction its xid now, before anything is written.
    await client.query("SELECT pg_current_xact_id()");
    const before = new Map((await client.query<RoutineRow>(SNAPSHOT_ROUTINES)).rows.map((row) => [row.name, row.definition]));
    for (const file of readRoutineFiles()) await client.query(file.sql);
    const after = (await client.query<RoutineRow>(SNAPSHOT_ROUTINES)).rows;
    const defined = after.filter((row) => row.isWrittenNow);
    const definedNames = new Set(defined.map((row) => row.name));
    return {
      differing: defined.filter((row) => before.has(row.name) && before.get(row.name) !== row.definition).map((row) => row.name),
      missing: defined.filter((row) => !before.has(row.name)).map((row) => row.name),
      stale: [...before.keys()].filter((name) => !definedNames.has(name)),
    };
  } finally {
    await client.query("ROLLBACK");
  }
}
