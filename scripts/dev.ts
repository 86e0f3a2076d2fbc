/**
 * `npm run dev`: the whole product on one machine. PostgreSQL (DATABASE_URL, or an embedded
 * server under .data/), migrations, the demo articles when the catalogue is empty, the HandCash
 * emulator when HANDCASH_API_BASE is unset or local, the reconciliation worker and `next dev`.
 * Ctrl-C stops all of it: the app and the worker first, then the database, one line each.
 */
import { formatDevBanner } from "./lib/dev-banner.ts";
import { loadDotEnvFile, prepareDatabase, runSeed, startEmulatorProcess, TS_NODE_ARGS } from "./lib/local-stack.ts";
import { detachFromTerminal, shutdown, startChild, stopOnSignals } from "./lib/processes.ts";

await detachFromTerminal();
loadDotEnvFile();
stopOnSignals();

try {
  // The app's own configuration rules and defaults: a bad variable in .env stops here, named.
  const { DEV_ADMIN_PASSWORD, env } = await import("../server/env.ts");
  const databaseUrl = await prepareDatabase({ databaseName: "tollgate", embeddedDataDir: ".data/postgres", embeddedPort: 54329, isFresh: false });
  await runSeed(databaseUrl, { ifEmpty: true });

  const apiBaseUrl = new URL(env.HANDCASH_API_BASE);
  const isEmulator = ["127.0.0.1", "localhost"].includes(apiBaseUrl.hostname);
  if (isEmulator) {
    await startEmulatorProcess({ port: Number(apiBaseUrl.port || 80), appId: env.HANDCASH_APP_ID, appSecret: env.HANDCASH_APP_SECRET });
  }

  const appEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" as const };
  startChild("worker", process.execPath, [...TS_NODE_ARGS, "scripts/worker.ts"], appEnv);
  startChild("next", "node_modules/.bin/next", ["dev", "--port", String(env.PORT)], appEnv);
  const devAdminPassword = env.ADMIN_PASSWORD === DEV_ADMIN_PASSWORD ? DEV_ADMIN_PASSWORD : null;
  console.log(formatDevBanner({ port: env.PORT, handcashApiBase: env.HANDCASH_API_BASE, isEmulator, adminEmail: env.ADMIN_EMAIL, devAdminPassword }));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
