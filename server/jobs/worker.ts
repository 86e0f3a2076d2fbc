import "server-only";
import { EventEmitter } from "node:events";
import { Logger, makeWorkerUtils, type Runner, run, type Task, type WorkerEvents } from "graphile-worker";
import pg from "pg";
import { env } from "@/server/env";
import { planOrderFulfilment, runFulfilment } from "@/server/fulfilment/fulfil-order";
import { FULFILMENT_HANDLERS, type FulfilmentHandler } from "@/server/fulfilment/fulfilment-handlers";
import { log } from "@/server/log";
import { closeExpiredOrderPaymentRequest } from "@/server/orders/close-expired-payment-request";
import { listOrdersToReconcile } from "@/server/payments/list-orders-to-reconcile";
import { reconcileOrder } from "@/server/payments/reconcile-order";
import { deleteOldRejectedWebhooks, REJECTED_WEBHOOK_RETENTION_MS } from "@/server/payments/record-rejected-webhook";
import { deleteExpiredRateLimitCounters } from "@/server/security/rate-limit";

/**
 * Background work on graphile-worker (jobs live in PostgreSQL, schema `graphile_worker`):
 * a self-rescheduling sweep finds orders worth re-checking and queues one `reconcile-order` job
 * each; every recorded payment queues a `fulfil-order` job in its own transaction, which queues one
 * `fulfil` job per kind of fulfilment the order needs. Job keys make all of them idempotent to
 * enqueue, so restarts and several workers neither lose nor double work; a job interrupted by a
 * crash is retried after its lock expires.
 */

const SWEEP_JOB_KEY = "reconcile-sweep";
const SWEEP_BATCH = 200;
const RATE_LIMIT_COUNTER_RETENTION_MS = 24 * 60 * 60 * 1000;

const reconcileSweep: Task = async (_payload, helpers) => {
  const orderIds = await listOrdersToReconcile({ now: new Date(), pendingCheckEveryMs: env.RECONCILE_INTERVAL_SECONDS * 1000, limit: SWEEP_BATCH });
  for (const orderId of orderIds) {
    await helpers.addJob("reconcile-order", { orderId }, { jobKey: `reconcile-order:${orderId}`, maxAttempts: 8 });
  }
  if (orderIds.length > 0) log.info({ event: "reconcile.sweep", queued: orderIds.length }, "reconcile sweep queued orders");
  await deleteExpiredRateLimitCounters(new Date(Date.now() - RATE_LIMIT_COUNTER_RETENTION_MS));
  await deleteOldRejectedWebhooks(new Date(Date.now() - REJECTED_WEBHOOK_RETENTION_MS));
  await helpers.addJob(
    "reconcile-sweep",
    {},
    { jobKey: SWEEP_JOB_KEY, jobKeyMode: "replace", runAt: new Date(Date.now() + env.RECONCILE_INTERVAL_SECONDS * 1000) },
  );
};

/**
 * Every minute, make sure a sweep is scheduled: one that exhausted its retries during a long
 * database outage would otherwise stop reconciliation until the next restart.
 */
const ensureReconcileSweep: Task = async (_payload, helpers) => {
  await helpers.addJob("reconcile-sweep", {}, { jobKey: SWEEP_JOB_KEY, jobKeyMode: "preserve_run_at" });
};

const reconcileOrderTask: Task = async (payload) => {
  const { orderId } = payload as { orderId: string };
  const result = await reconcileOrder({ orderId, actor: "reconciler" });
  if (result.outcome === "paid" || result.outcome === "expired") {
    log.info({ event: "reconcile.order", orderId, outcome: result.outcome }, result.detail);
  }
};

const closePaymentRequestTask: Task = async (payload) => {
  const { orderId, actor } = payload as { orderId: string; actor: string };
  await closeExpiredOrderPaymentRequest({ orderId, actor });
};

/** How often a kind of fulfilment is tried before it waits for the owner (graphile's backoff: about 3 days). */
const FULFILMENT_MAX_ATTEMPTS = 25;

function fulfilmentTasks(handlers: readonly FulfilmentHandler[]): Record<string, Task> {
  return {
    "fulfil-order": async (payload, helpers) => {
      const { orderId } = payload as { orderId: string };
      await planOrderFulfilment({
        orderId,
        handlers,
        queueFulfilment: async (kind) => {
          await helpers.addJob(
            "fulfil",
            { orderId, kind },
            { jobKey: `fulfil:${kind}:${orderId}`, jobKeyMode: "preserve_run_at", maxAttempts: FULFILMENT_MAX_ATTEMPTS },
          );
        },
      });
    },
    fulfil: async (payload) => {
      const { orderId, kind } = payload as { orderId: string; kind: string };
      await runFulfilment({ orderId, kind, handlers });
    },
  };
}

/**
 * graphile-worker's own messages, as our JSON log lines; its per-job chatter (info) is our debug
 * level. Its debug messages are not written at all: one of them prints the pool's options with
 * util.inspect, connection string and clients included, which no log line may contain.
 */
const workerLogger = new Logger((scope) => (level, message, meta) => {
  const line = { event: "worker.log", scope, meta };
  if (level === "error") log.error(line, message);
  else if (level === "warning") log.warn(line, message);
  else if (level === "info") log.debug(line, message);
});

/** Every job the worker runs, by name; the tests run queued jobs with the same list. */
export function createTaskList({ fulfilmentHandlers = FULFILMENT_HANDLERS }: { fulfilmentHandlers?: readonly FulfilmentHandler[] } = {}): Record<string, Task> {
  return {
    "reconcile-sweep": reconcileSweep,
    "reconcile-order": reconcileOrderTask,
    "ensure-reconcile-sweep": ensureReconcileSweep,
    "close-payment-request": closePaymentRequestTask,
    ...fulfilmentTasks(fulfilmentHandlers),
  };
}

export interface StartWorkerOptions {
  /** The kinds of fulfilment paid orders go through; FULFILMENT_HANDLERS unless told otherwise. */
  fulfilmentHandlers?: readonly FulfilmentHandler[];
  /**
   * Runners of this process that stopped without releasing their jobs (see scripts/worker.ts):
   * their locks are lifted before the new runner starts, so those jobs run again now rather than
   * after graphile-worker's four-hour lock timeout.
   */
  releaseJobsOf?: string[];
}

export interface StartedWorker {
  runner: Runner;
  /** The name graphile-worker locks this runner's jobs under. */
  workerPoolId: string;
}

export async function startWorker({ fulfilmentHandlers = FULFILMENT_HANDLERS, releaseJobsOf = [] }: StartWorkerOptions = {}): Promise<StartedWorker> {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is required to run the worker");
  // Our own pool, so a connection dropped while PostgreSQL restarts is logged instead of
  // crashing the process (pg emits 'error' on idle clients); jobs resume when it is back.
  const pgPool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 6 });
  const onConnectionLost = (error: Error) => log.warn({ event: "worker.db_connection_lost", err: error }, "worker lost a database connection");
  pgPool.on("error", onConnectionLost);
  pgPool.on("connect", (client) => client.on("error", onConnectionLost));
  try {
    if (releaseJobsOf.length > 0) await releaseJobsOfStoppedRunners(pgPool, releaseJobsOf);
  } catch (error) {
    await pgPool.end().catch(() => {});
    throw error;
  }
  let workerPoolId = "";
  const events: WorkerEvents = new EventEmitter();
  events.once("pool:create", ({ workerPool }) => {
    workerPoolId = workerPool.id;
  });
  const runner = await run({
    pgPool,
    events,
    concurrency: 4,
    pollInterval: 2_000,
    // Our launcher owns shutdown: SIGTERM → runner.stop(), which waits for running jobs.
    noHandleSignals: true,
    logger: workerLogger,
    taskList: createTaskList({ fulfilmentHandlers }),
    crontab: "* * * * * ensure-reconcile-sweep ?max=1",
  });
  // Keeps an existing schedule (preserve_run_at), so restarting never delays or doubles the sweep.
  await runner.addJob("reconcile-sweep", {}, { jobKey: SWEEP_JOB_KEY, jobKeyMode: "preserve_run_at" });
  log.info({ event: "worker.started", reconcileIntervalSeconds: env.RECONCILE_INTERVAL_SECONDS }, "worker started");
  void runner.promise.catch(() => {}).finally(() => pgPool.end().catch(() => {}));
  return { runner, workerPoolId };
}

async function releaseJobsOfStoppedRunners(pgPool: pg.Pool, workerPoolIds: string[]): Promise<void> {
  const utils = await makeWorkerUtils({ pgPool, logger: workerLogger });
  try {
    await utils.forceUnlockWorkers(workerPoolIds);
  } finally {
    await utils.release();
  }
  log.info({ event: "worker.jobs_released", workerPoolIds }, "released the jobs a stopped runner still held");
}
