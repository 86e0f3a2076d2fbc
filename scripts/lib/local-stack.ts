/**
 * Building blocks shared by the dev launcher, the e2e stack and the fault suite: a database
 * (DATABASE_URL or embedded), migrations, the seed, and the HandCash emulator process.
 */
import fs from "node:fs";
import { applyMigrations, describeMigrationResult } from "./migrations.ts";
import { createFreshDatabase, dropDatabase, ensureDatabase, startEmbeddedPostgres } from "./database.ts";
import { onShutdown, startChild, waitForHttp } from "./processes.ts";

/** Node flags for running our TypeScript: tsx, and the react-server condition so `server-only` modules load outside Next. */
export const TS_NODE_ARGS = ["--conditions=react-server", "--import", "tsx"];

/**
 * Node arguments that serve the production build (scripts/serve-app.ts), followed by `--port <n>`.
 * Without the react-server condition: Next loads its own React builds.
 */
export const SERVE_APP_ARGS = ["--import", "tsx", "scripts/serve-app.ts"];

export function loadDotEnvFile(path = ".env"): void {
  if (fs.existsSync(path)) process.loadEnvFile(path);
}

export interface PrepareDatabaseOptions {
  /** Database created on the server (embedded, or the one DATABASE_URL points at when `isFresh`). */
  databaseName: string;
  embeddedDataDir: string;
  embeddedPort: number;
  /** Drop and recreate the database (tests) instead of keeping it (dev). */
  isFresh: boolean;
}

/**
 * Returns a migrated database URL. With DATABASE_URL set, dev uses that database as is, and
 * tests create a fresh database beside it on the same server; without it, an embedded
 * PostgreSQL is started and stopped on shutdown.
 */
export async function prepareDatabase({ databaseName, embeddedDataDir, embeddedPort, isFresh }: PrepareDatabaseOptions): Promise<string> {
  let databaseUrl: string;
  const configuredUrl = process.env.DATABASE_URL;
  if (configuredUrl) {
    if (isFresh) {
      databaseUrl = await createFreshDatabase(configuredUrl, databaseName);
      onShutdown(() => dropDatabase(configuredUrl, databaseName));
    } else {
      databaseUrl = configuredUrl;
    }
  } else {
    console.log(`No DATABASE_URL: starting an embedded PostgreSQL in ${embeddedDataDir} on port ${embeddedPort}…`);
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir, port: embeddedPort });
    onShutdown(() => embedded.stop());
    databaseUrl = isFresh ? await createFreshDatabase(embedded.serverUrl, databaseName) : await ensureDatabase(embedded.serverUrl, databaseName);
  }
  const changes = describeMigrationResult(await applyMigrations(databaseUrl));
  if (changes) console.log(changes);
  return databaseUrl;
}

export async function runSeed(databaseUrl: string, { ifEmpty }: { ifEmpty: boolean }): Promise<void> {
  const seed = startChild(
    "seed",
    process.execPath,
    [...TS_NODE_ARGS, "prisma/seed.ts", ...(ifEmpty ? ["--if-empty"] : [])],
    {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NODE_ENV: "development",
    },
    { isOneShot: true },
  );
  if ((await seed.exited) !== 0) throw new Error("Seeding failed; see the [seed] lines above.");
}

export interface EmulatorProcessOptions {
  port: number;
  appId: string;
  appSecret: string;
  extraEnv?: Record<string, string>;
}

export async function startEmulatorProcess({ port, appId, appSecret, extraEnv }: EmulatorProcessOptions): Promise<string> {
  const url = `http://127.0.0.1:${port}`;
  startChild("emulator", process.execPath, ["--import", "tsx", "emulator/main.ts"], {
    ...process.env,
    EMULATOR_PORT: String(port),
    EMULATOR_PUBLIC_URL: `http://localhost:${port}`,
    EMULATOR_APP_ID: appId,
    EMULATOR_APP_SECRET: appSecret,
    ...extraEnv,
  });
  await waitForHttp(`${url}/_emulator/health`, 30_000);
  return url;
}
