/**
 * Once per integration run: a fresh PostgreSQL database (beside DATABASE_URL's, or on an
 * embedded server when it is unset), migrated; and a HandCash emulator on a free port.
 * Both are torn down at the end, the database dropped.
 */
import crypto from "node:crypto";
import type { TestProject } from "vitest/node";
import { createEmulatorServer } from "../../emulator/server";
import { resolveEmulatorConfig } from "../../emulator/config";
import { createFreshDatabase, dropDatabase, startEmbeddedPostgres } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import { TEST_HANDCASH_APP_ID, TEST_HANDCASH_APP_SECRET } from "./test-config";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    emulatorUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const databaseName = `tollgate_it_${crypto.randomBytes(4).toString("hex")}`;
  const embedded = process.env.DATABASE_URL ? null : await startEmbeddedPostgres({ dataDir: ".data/postgres-test", port: 54330 });
  const serverUrl = process.env.DATABASE_URL ?? embedded!.serverUrl;
  const databaseUrl = await createFreshDatabase(serverUrl, databaseName);
  await applyMigrations(databaseUrl);

  const emulator = createEmulatorServer(
    resolveEmulatorConfig({ port: 0, appId: TEST_HANDCASH_APP_ID, appSecret: TEST_HANDCASH_APP_SECRET, retryInitialMs: 50 }),
  );
  const emulatorUrl = await emulator.listen();

  project.provide("databaseUrl", databaseUrl);
  project.provide("emulatorUrl", emulatorUrl);

  return async () => {
    await emulator.close();
    await dropDatabase(serverUrl, databaseName);
    await embedded?.stop();
  };
}
