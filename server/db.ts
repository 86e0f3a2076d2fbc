import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";

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

function createPrismaClient(): PrismaClient {
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL ?? UNCONFIGURED_DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

// Hot reloading in development re-evaluates modules; keep one pool across reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (!env.isProduction) globalForPrisma.prisma = db;
