/**
 * `npm run dev`: the whole product on one machine. PostgreSQL (DATABASE_URL, or an embedded
 * server under .data/), migrations, the demo articles when the catalogue is empty, the HandCash
 * emulator when HANDCASH_API_BASE is unset or local, the reconciliation worker and `next dev`.
 * Ctrl-C stops all of it.
 */
import { loadDotEnvFile, prepareDatabase, runSeed, startEmulatorProcess, TS_NODE_ARGS } from "./lib/local-stack.ts";
import { shutdown, startChild, stopOnSignals } from "./lib/processes.ts";

const DEV_DEFAULTS = {
  appId: "tollgate-dev-app-id",
  appSecret: "tollgate-dev-app-secret",
  apiBase: "http://127.0.0.1:4010",
};

loadDotEnvFile();
stopOnSignals();

try {
  const port = Number(process.env.PORT ?? 3000);
  const databaseUrl = await prepareDatabase({ databaseName: "tollgate", embeddedDataDir: ".data/postgres", embeddedPort: 54329, isFresh: false });
  await runSeed(databaseUrl, { ifEmpty: true });

  const apiBase = process.env.HANDCASH_API_BASE ?? DEV_DEFAULTS.apiBase;
  const apiBaseUrl = new URL(apiBase);
  if (["127.0.0.1", "localhost"].includes(apiBaseUrl.hostname)) {
    await startEmulatorProcess({
      port: Number(apiBaseUrl.port || 80),
      appId: process.env.HANDCASH_APP_ID ?? DEV_DEFAULTS.appId,
      appSecret: process.env.HANDCASH_APP_SECRET ?? DEV_DEFAULTS.appSecret,
    });
  } else {
    console.log(`Using HandCash at ${apiBase} (no emulator).`);
  }

  const appEnv = { ...process.env, DATABASE_URL: databaseUrl, NODE_ENV: "development" as const };
  startChild("worker", process.execPath, [...TS_NODE_ARGS, "scripts/worker.ts"], appEnv);
  startChild("next", "node_modules/.bin/next", ["dev", "--port", String(port)], appEnv);
  console.log(`\nTollgate: http://localhost:${port}   HandCash emulator: ${apiBase}   Ctrl-C stops everything.\n`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
