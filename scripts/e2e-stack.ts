/**
 * The stack Playwright runs against: a fresh database (beside DATABASE_URL's, or on an embedded
 * PostgreSQL when it is unset), seeded; the HandCash emulator with a compressed retry schedule;
 * and the production build served as `npm start` serves it (scripts/serve-app.ts), configured
 * exactly like a deployment except that HANDCASH_API_BASE points at the emulator.
 */
import crypto from "node:crypto";
import { E2E_APP_PORT, E2E_APP_URL, E2E_EMULATOR_PORT } from "../tests/e2e/stack-config.ts";
import { TEST_ADMIN_EMAIL, TEST_ADMIN_PASSWORD, TEST_HANDCASH_APP_ID, TEST_HANDCASH_APP_SECRET, TEST_RECEIVER } from "../tests/setup/test-config.ts";
import { prepareDatabase, runSeed, SERVE_APP_ARGS, startEmulatorProcess, TS_NODE_ARGS } from "./lib/local-stack.ts";
import { TEST_BUILD_ENV } from "./lib/test-build.ts";
import { shutdown, startChild, stopOnSignals } from "./lib/processes.ts";

stopOnSignals();

try {
  const databaseUrl = await prepareDatabase({
    databaseName: `tollgate_e2e_${crypto.randomBytes(4).toString("hex")}`,
    embeddedDataDir: ".data/postgres-e2e",
    embeddedPort: 54331,
    isFresh: true,
  });
  await runSeed(databaseUrl, { ifEmpty: false });
  await startEmulatorProcess({
    port: E2E_EMULATOR_PORT,
    appId: TEST_HANDCASH_APP_ID,
    appSecret: TEST_HANDCASH_APP_SECRET,
    extraEnv: { EMULATOR_RETRY_INITIAL_MS: "250", EMULATOR_RETRY_MAX_DELAY_MS: "2000" },
  });

  const buildEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...TEST_BUILD_ENV };
  const build = startChild("build", "node_modules/.bin/next", ["build"], buildEnv, { isOneShot: true });
  if ((await build.exited) !== 0) throw new Error("next build failed; see the [build] lines above.");

  const appEnv: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    ...TEST_BUILD_ENV,
    DATABASE_URL: databaseUrl,
    HANDCASH_APP_ID: TEST_HANDCASH_APP_ID,
    HANDCASH_APP_SECRET: TEST_HANDCASH_APP_SECRET,
    HANDCASH_API_BASE: `http://127.0.0.1:${E2E_EMULATOR_PORT}`,
    HANDCASH_RECEIVER: TEST_RECEIVER,
    ADMIN_EMAIL: TEST_ADMIN_EMAIL,
    ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    APP_URL: E2E_APP_URL,
    LOG_LEVEL: "warn",
    RECONCILE_INTERVAL_SECONDS: "5",
  };
  startChild("worker", process.execPath, [...TS_NODE_ARGS, "scripts/worker.ts"], appEnv);
  startChild("app", process.execPath, [...SERVE_APP_ARGS, "--port", String(E2E_APP_PORT)], appEnv);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await shutdown(1);
}
