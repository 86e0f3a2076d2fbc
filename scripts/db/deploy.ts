/** `npm run db:deploy`: applies pending migrations to DATABASE_URL (what `npm start` does first). */
import { applyMigrations } from "../lib/migrations.ts";
import { loadDotEnvFile } from "../lib/local-stack.ts";

loadDotEnvFile();
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL is not set: nothing to migrate.");
  process.exit(1);
}
const { applied } = await applyMigrations(databaseUrl);
console.log(applied.length > 0 ? `Applied: ${applied.join(", ")}` : "Already up to date.");
