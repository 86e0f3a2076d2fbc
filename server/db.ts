import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/server/env";

export type { Prisma } from "@/generated/prisma/client";

/** The client inside an interactive transaction, passed between domains for atomic writes. */
export type TransactionClient = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
export type DbClient = PrismaClient | TransactionClient;

function createPrismaClient(): PrismaClient {
  if (!env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set. Start the app with `npm run dev`, which provides an embedded PostgreSQL, or set DATABASE_URL.");
  }
  const adapter = new PrismaPg({ connectionString: env.DATABASE_URL, max: 10, connectionTimeoutMillis: 5_000 });
  return new PrismaClient({ adapter });
}

// Hot reloading in development re-evaluates modules; keep one pool across reloads.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const db: PrismaClient = globalForPrisma.prisma ?? createPrismaClient();

if (!env.isProduction) globalForPrisma.prisma = db;
