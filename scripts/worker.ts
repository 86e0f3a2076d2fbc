/**
 * `npm run worker`: the reconciliation worker (server/jobs/worker.ts). `npm run dev` and
 * `npm start` start it beside the web server; run more copies on other machines if you like.
 *
 * It outlives database outages. graphile-worker 0.17 records a job's outcome without awaiting it,
 * so when PostgreSQL goes away at that moment the write fails as an unhandled rejection and the
 * job stays locked in the runner's name for four hours: the self-rescheduling sweep included,
 * which stopped reconciliation until the once-a-minute check re-queued it. Such a runner is
 * stopped and a new one started (with backoff, never slower than the reconcile interval) that
 * first releases the old runner's jobs. Any other unhandled error still ends the process, so a
 * real bug is never papered over.
 */
import type { StartedWorker } from "../server/jobs/worker.ts";
import { loadDotEnvFile } from "./lib/local-stack.ts";

loadDotEnvFile();
const { startWorker } = await import("../server/jobs/worker.ts");
const { isDatabaseUnavailableError } = await import("../server/errors.ts");
const { env } = await import("../server/env.ts");
const { log } = await import("../server/log.ts");

const RESTART_DELAYS_MS = [1_000, 2_000, 5_000, 10_000, 30_000].map((delay) => Math.min(delay, env.RECONCILE_INTERVAL_SECONDS * 1000));

let isStopping = false;
let current: StartedWorker | null = null;
let isRestartRequested = false;
/** Runners that stopped while they may still hold job locks; the next runner releases them. */
const stoppedWorkerPoolIds: string[] = [];

function requestRestart(): void {
  if (isRestartRequested || !current) return;
  isRestartRequested = true;
  current.runner.stop().catch(() => {});
}

/** A stopped runner's outcome write, still being retried by graphile-worker after its pool was closed. */
function isFromClosedPool(reason: unknown): boolean {
  return reason instanceof Error && reason.message === "Cannot use a pool after calling end on the pool";
}

process.on("unhandledRejection", (reason) => {
  if (isDatabaseUnavailableError(reason)) {
    log.warn({ event: "worker.job_outcome_lost", err: reason }, "a job's outcome could not be recorded (database away); restarting the job runner");
    requestRestart();
    return;
  }
  if (isFromClosedPool(reason)) {
    // Its jobs are released by the runner that replaced it (startWorker's releaseJobsOf).
    log.warn({ event: "worker.job_outcome_lost", err: reason }, "a stopped job runner could not record a job's outcome; the next runner released it");
    return;
  }
  log.fatal({ event: "worker.crashed", err: reason }, "unhandled rejection in the worker");
  process.exit(1);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (isStopping) return;
    isStopping = true;
    void (current?.runner.stop() ?? Promise.resolve())
      .catch(() => {})
      .finally(() => {
        log.info({ event: "worker.stopped", signal }, "worker stopped");
        process.exit(0);
      });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (let failures = 0; !isStopping; ) {
  try {
    current = await startWorker({ releaseJobsOf: stoppedWorkerPoolIds });
    stoppedWorkerPoolIds.length = 0;
    failures = 0;
    const stoppedWith = await current.runner.promise.then(
      () => null,
      (error: unknown) => error,
    );
    if (current.workerPoolId) stoppedWorkerPoolIds.push(current.workerPoolId);
    if (isStopping) break;
    // A runner that fails on its own for a reason other than the database is a bug: let it crash the process.
    if (stoppedWith !== null && !isRestartRequested && !isDatabaseUnavailableError(stoppedWith)) throw stoppedWith;
    isRestartRequested = false;
    current = null;
    log.warn({ event: "worker.runner_stopped" }, "the job runner stopped; starting it again");
    await sleep(RESTART_DELAYS_MS[0]!);
  } catch (error) {
    if (isStopping) break;
    if (!isDatabaseUnavailableError(error)) throw error;
    const delay = RESTART_DELAYS_MS[Math.min(failures, RESTART_DELAYS_MS.length - 1)]!;
    failures += 1;
    log.warn({ event: "worker.restart_later", err: error, delayMs: delay }, "database unavailable; restarting the worker later");
    await sleep(delay);
  }
}
