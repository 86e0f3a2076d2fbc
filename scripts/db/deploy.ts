/** `npm run db:deploy`: applies pending migrations and changed routines to DATABASE_URL (what `npm start` does first). */
import { applyMigrations, describeMigrationResult } from "../lib/migrations.ts";
import { loadDotEnvFile } from "../lib/local-stack.ts";

loadDotEnvFile();
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: nothing to migrate.");
  process.exit(1);
}
console.log(describeMigrationResult(await applyMigrations(databaseUrl)) ?? "Already up to date.");
