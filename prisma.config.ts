import { defineConfig } from "prisma/config";

// Only `prisma generate` uses this file here: migrations are applied by
// scripts/lib/migrations.ts because the Prisma CLI cannot fetch its schema engine offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // env("DATABASE_URL") would throw when unset and break `prisma generate` without a database.
  datasource: { url: process.env.DATABASE_URL ?? "" },
});
