/**
 * The stack the fault suite breaks on purpose: a test-owned embedded PostgreSQL (so the suite may
 * stop it), a fresh database, the HandCash emulator with compressed retries, the worker and the
 * production build served by scripts/serve-app.ts. One owner for every process, so teardown stops all of
 * them whatever a test did to them, and the database is dropped.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { createFreshDatabase, dropDatabase, type RunningPostgres, startEmbeddedPostgres } from "../../scripts/lib/database";
import { applyMigrations } from "../../scripts/lib/migrations";
import {
  FAULT_APP_PORT,
  FAULT_APP_URL,
  FAULT_EMULATOR_PORT,
  FAULT_EMULATOR_RETRY,
  FAULT_EMULATOR_URL,
  FAULT_LOG_DIR,
  FAULT_POSTGRES_DATA_DIR,
  FAULT_POSTGRES_PORT,
  FAULT_RECONCILE_INTERVAL_SECONDS,
} from "./fault-config";
import { buildAppEnv, ensureProductionBuild, type ManagedProcess, startEmulator, startNextServer, startWorkerProcess } from "./production-app";

/** Generous enough that 100-order storms are never throttled; the limits themselves have their own tests. */
const ORDER_RATE_LIMITS = { ORDER_RATE_LIMIT_PER_READER: "1000", ORDER_RATE_LIMIT_PER_IP: "100000", ORDER_RATE_LIMIT_GLOBAL: "100000" };

export interface StackStatus {
  isAppRunning: boolean;
  isWorkerRunning: boolean;
  isEmulatorRunning: boolean;
  isPostgresRunning: boolean;
  /** Processes that died without the suite asking them to. */
  unexpectedExits: string[];
}

export interface FaultStack {
  databaseUrl: string;
  appUrl: string;
  emulatorUrl: string;
  killApp(): Promise<void>;
  /** The start methods do nothing when it already runs, so a test can restore what an earlier one broke. */
  startApp(): Promise<void>;
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stopPostgres(): Promise<void>;
  startPostgres(): Promise<void>;
  getStatus(): StackStatus;
  stop(): Promise<void>;
}

export async function startFaultStack(): Promise<FaultStack> {
  const logDir = path.resolve(FAULT_LOG_DIR);
  fs.rmSync(logDir, { recursive: true, force: true });
  await ensureProductionBuild({ logDir });

  const databaseName = `tollgate_faults_${crypto.randomBytes(4).toString("hex")}`;
  const expectedExits = new Set<ManagedProcess>();
  const unexpectedExits: string[] = [];
  let postgres: RunningPostgres | null = null;
  let serverUrl = "";
  let app: ManagedProcess | null = null;
  let worker: ManagedProcess | null = null;
  let emulator: ManagedProcess | null = null;
  let databaseUrl = "";

  const watch = (child: ManagedProcess) => {
    void child.exited.then((code) => {
      if (!expectedExits.has(child)) unexpectedExits.push(`${child.name} (pid ${child.pid}) exited with code ${code}; see ${child.logFile}`);
    });
    return child;
  };
  const stopProcess = async (child: ManagedProcess | null, signal?: NodeJS.Signals) => {
    if (!child) return;
    expectedExits.add(child);
    if (signal) {
      child.signal(signal);
      await child.exited;
    } else {
      await child.stop();
    }
  };
  const appEnv = () =>
    buildAppEnv({
      appUrl: FAULT_APP_URL,
      port: FAULT_APP_PORT,
      databaseUrl,
      emulatorUrl: FAULT_EMULATOR_URL,
      logLevel: "info",
      extra: { ...ORDER_RATE_LIMITS, RECONCILE_INTERVAL_SECONDS: String(FAULT_RECONCILE_INTERVAL_SECONDS) },
    });
  const startPostgres = async () => {
    postgres = await startEmbeddedPostgres({ dataDir: FAULT_POSTGRES_DATA_DIR, port: FAULT_POSTGRES_PORT });
    serverUrl = postgres.serverUrl;
  };

  const stop = async () => {
    removeExitGuard();
    await Promise.all([stopProcess(app), stopProcess(worker), stopProcess(emulator)]);
    try {
      if (!postgres && serverUrl) await startPostgres();
      if (serverUrl) await dropDatabase(serverUrl, databaseName);
    } finally {
      await postgres?.stop();
      postgres = null;
    }
  };
  // If the runner dies without teardown, no process of ours may outlive it.
  const killEverythingNow = () => {
    for (const child of [app, worker, emulator]) child?.signal("SIGKILL");
    stopPostmasterNow(FAULT_POSTGRES_DATA_DIR);
  };
  process.on("exit", killEverythingNow);
  const removeExitGuard = () => process.removeListener("exit", killEverythingNow);

  try {
    await startPostgres();
    await dropAbandonedDatabases(serverUrl);
    databaseUrl = await createFreshDatabase(serverUrl, databaseName);
    await applyMigrations(databaseUrl);
    emulator = watch(await startEmulator({ port: FAULT_EMULATOR_PORT, logDir, retry: FAULT_EMULATOR_RETRY }));
    worker = watch(await startWorkerProcess({ env: appEnv(), logDir }));
    app = watch(await startNextServer({ port: FAULT_APP_PORT, env: appEnv(), logDir }));
  } catch (error) {
    await stop().catch((stopError: unknown) => console.error("[stack] cleanup after a failed start also failed:", stopError));
    throw error;
  }

  return {
    databaseUrl,
    appUrl: FAULT_APP_URL,
    emulatorUrl: FAULT_EMULATOR_URL,
    killApp: () => stopProcess(app, "SIGKILL"),
    async startApp() {
      if (app?.isRunning()) return;
      app = watch(await startNextServer({ port: FAULT_APP_PORT, env: appEnv(), logDir }));
    },
    stopWorker: () => stopProcess(worker),
    async startWorker() {
      if (worker?.isRunning()) return;
      worker = watch(await startWorkerProcess({ env: appEnv(), logDir }));
    },
    async stopPostgres() {
      await postgres?.stop();
      postgres = null;
    },
    async startPostgres() {
      if (!postgres) await startPostgres();
    },
    getStatus: () => ({
      isAppRunning: app?.isRunning() ?? false,
      isWorkerRunning: worker?.isRunning() ?? false,
      isEmulatorRunning: emulator?.isRunning() ?? false,
      isPostgresRunning: postgres !== null,
      unexpectedExits: [...unexpectedExits],
    }),
    stop,
  };
}

/** A run killed outright leaves its database behind; this server belongs to the suite, so they can go. */
async function dropAbandonedDatabases(serverUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'tollgate\\_faults\\_%'");
    for (const { datname } of rows) await dropDatabase(serverUrl, datname);
  } finally {
    await client.end();
  }
}

/** Synchronous, for process exit: a fast shutdown of the postmaster recorded in the data directory. */
function stopPostmasterNow(dataDir: string): void {
  const pidFile = path.join(path.resolve(dataDir), "postmaster.pid");
  try {
    const pid = Number(fs.readFileSync(pidFile, "utf8").split("\n")[0]);
    if (Number.isInteger(pid) && pid > 0) process.kill(pid, "SIGINT");
  } catch {
    // No pid file: the server is not running.
  }
}
