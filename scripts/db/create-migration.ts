/**
 * Writes a new migration by diffing the schema snapshot of the latest migration against
 * prisma/schema.prisma with Prisma's own schema engine (WebAssembly build, no download and
 * no database needed). Usage: npm run db:migrate:create -- <name>
 * Each migration folder keeps schema.prisma as it was, so the next diff has a base.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { listMigrationDirectories, MIGRATIONS_DIR, SCHEMA_PATH } from "../lib/migrations.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migrate:create -- <name in snake_case>");
  process.exit(1);
}

const globals = globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown };
globals.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (message: string) => console.error(message) };

const schema = fs.readFileSync(SCHEMA_PATH, "utf8");
const previous = listMigrationDirectories().at(-1);
const previousSchema = previous ? fs.readFileSync(path.join(MIGRATIONS_DIR, previous, "schema.prisma"), "utf8") : null;

// The engine connects at start-up although a schema-to-schema diff reads no tables.
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("Set DATABASE_URL to any reachable PostgreSQL (e.g. the one `npm run dev` prints); nothing is written to it.");
  process.exit(1);
}
const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: databaseUrl }));
const engine = await SchemaEngine.new({ datamodels: [[SCHEMA_PATH, schema]] }, () => {}, adapter);
const result = await engine.diff({
  from: previousSchema ? { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: previousSchema }] } : { tag: "empty" },
  to: { tag: "schemaDatamodel", files: [{ path: SCHEMA_PATH, content: schema }] },
  script: true,
  exitCode: null,
  filters: { externalTables: [], externalEnums: [] },
});
const sql = result.stdout ?? "";
engine.free();

if (!sql.trim() || sql.includes("-- This is an empty migration.")) {
  console.log("Schema unchanged: no migration written.");
} else {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const directory = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, "migration.sql"), sql);
  fs.writeFileSync(path.join(directory, "schema.prisma"), schema);
  fs.writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
  console.log(`Wrote ${path.relative(process.cwd(), directory)}/migration.sql`);
}
// The adapter's pool would otherwise keep the process alive for its idle timeout.
process.exit(0);
