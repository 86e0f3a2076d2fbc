import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";
import { log } from "@/server/log";

export type { Prisma } from "@/generated/prisma/client";

/** The client inside an interactive transaction, passed between domains for atomic writes. */
export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbClient = PrismaClient | TransactionClient;

/**
 * Connections open on first use. Without DATABASE_URL (only possible during `next build`, which
 * imports routes but queries nothing) the URL points nowhere rather than at pg's implicit
 * localhost defaults; instrumentation.ts refuses to start a server without it.
 */
const UNCONFIGURED_DATABASE_URL = "postgresql://database-url-not-set@127.0.0.1:1/none";

interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
}

/** One pool for both Prisma and the hot paths' prepared statements, so they share one connection budget. */
function createDatabase(): Database {
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL ?? UNCONFIGURED_DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by the server (restart, outage) must not crash the process; the next query reconnects.
  pool.on("error", (error) => log.warn({ event: "db.idle_connection_lost", err: error }, "an idle database connection was closed"));
  // `$disconnect()` ends the pool too, so scripts exit as soon as they are done.
  return { pool, prisma: new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) }) };
}

// Hot reloading in development re-evaluates modules; keep one pool across reloads.
const globalForDatabase = globalThis as unknown as { tollgateDatabase?: Database };
const database = globalForDatabase.tollgateDatabase ?? createDatabase();
if (!env.isProduction) globalForDatabase.tollgateDatabase = database;

export const db: PrismaClient = database.prisma;

/** A statement PostgreSQL parses and plans once per connection; `name` must be unique to `text`. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a named prepared statement on the shared pool, bypassing Prisma's query engine. Only for the
 * paths every reader or every payment takes (see ADR 009); everything else goes through Prisma.
 * Timestamps come back as Date only for `timestamptz` columns: select Prisma's `timestamp(3)`
 * columns `AT TIME ZONE 'UTC'`, which is how Prisma stores them.
 */
export async function queryPrepared<Row extends pg.QueryResultRow>({ name, text }: PreparedStatement, values: unknown[]): Promise<Row[]> {
  const result = await database.pool.query<Row>({ name, text, values });
  return result.rows;
}
