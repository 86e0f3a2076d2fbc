/**
 * `npm run worker`: the reconciliation worker (server/jobs/worker.ts). `npm run dev` and
 * `npm start` start it beside the web server; run more copies on other machines if you like.
 *
 * It outlives database outages: graphile-worker 0.17 can fail a job's bookkeeping query without
 * awaiting it (an unhandled rejection) or stop its runner when PostgreSQL goes away. Such
 * failures are logged and the runner is started again with backoff; any other unhandled error
 * still ends the process, so a real bug is never papered over.
 */
import { loadDotEnvFile } from "./lib/local-stack.ts";

loadDotEnvFile();
const { startWorker } = await import("../server/jobs/worker.ts");
const { isDatabaseUnavailableError } = await import("../server/errors.ts");
const { log } = await import("../server/log.ts");

const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

process.on("unhandledRejection", (reason) => {
  if (isDatabaseUnavailableError(reason)) {
    log.warn({ event: "worker.db_unavailable", err: reason }, "database unavailable; the worker carries on");
    return;
  }
  log.fatal({ event: "worker.crashed", err: reason }, "unhandled rejection in the worker");
  process.exit(1);
});

let isStopping = false;
let stopCurrent: (() => Promise<void>) | null = null;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    void (stopCurrent?.() ?? Promise.resolve()).finally(() => process.exit(0));
  });
}

for (let failures = 0; !isStopping; ) {
  try {
    const runner = await startWorker();
    stopCurrent = () => runner.stop();
    failures = 0;
    await runner.promise;
    if (isStopping) break;
    log.warn({ event: "worker.runner_stopped" }, "the job runner stopped; starting it again");
    await new Promise((resolve) => setTimeout(resolve, RESTART_DELAYS_MS[0]));
  } catch (error) {
    if (isStopping) break;
    if (!isDatabaseUnavailableError(error)) throw error;
    const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)]!;
    failures += 1;
    log.warn({ event: "worker.restart_later", err: error, delayMs: delay }, "database unavailable; restarting the worker later");
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}
