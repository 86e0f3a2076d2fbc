import { type ChildProcess, spawn } from "node:child_process";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createPaidOrder, db } from "../helpers";
import { testEnv } from "../../setup/test-config";
import { startTcpProxy, type TcpProxy } from "./tcp-proxy";

/**
 * `npm run worker` as its own process (scripts/worker.ts), on the test database through a proxy the
 * test can cut: what it logs when PostgreSQL drops its connections and when it is stopped, and how
 * it comes back from an outage.
 */

const RECONCILE_INTERVAL_SECONDS = 5;
const INTERVAL_MS = RECONCILE_INTERVAL_SECONDS * 1000;

interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  exited: Promise<number | null>;
}

let proxy: TcpProxy;
let admin: pg.Client;
let worker: WorkerProcess | null = null;

beforeAll(async () => {
  const databaseUrl = new URL(inject("databaseUrl"));
  proxy = await startTcpProxy({ host: databaseUrl.hostname, port: Number(databaseUrl.port || 5432) });
  admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
});

afterEach(async () => {
  await stopWorker();
  await proxy.restore().catch(() => {});
  // Each test (and the next worker test file) starts from an empty queue: a runner whose connections a test cut
  // may have left jobs locked in its name, which only graphile-worker's four-hour timeout would release.
  // The schema itself stays: the migrator installs it, and every recorded payment queues a job in it.
  await admin.query("TRUNCATE graphile_worker._private_jobs, graphile_worker._private_job_queues, graphile_worker._private_known_crontabs CASCADE");
});

afterAll(async () => {
  await admin.end();
  await proxy.close();
});

async function startWorker(): Promise<WorkerProcess> {
  const url = new URL(inject("databaseUrl"));
  url.host = `127.0.0.1:${proxy.port}`;
  const env = testEnv({
    DATABASE_URL: url.toString(),
    HANDCASH_API_BASE: inject("emulatorUrl"),
    RECONCILE_INTERVAL_SECONDS: String(RECONCILE_INTERVAL_SECONDS),
    LOG_LEVEL: "info",
  });
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: { NODE_ENV: "test", PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  let pending = "";
  const collect = (chunk: Buffer) => {
    pending += chunk.toString();
    const complete = pending.split("\n");
    pending = complete.pop() ?? "";
    lines.push(...complete.filter((line) => line.trim() !== ""));
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  worker = { child, lines, exited };
  await waitForLine(worker, '"event":"worker.started"');
  return worker;
}

async function stopWorker(): Promise<number | null> {
  if (!worker) return null;
  const { child, exited } = worker;
  worker = null;
  if (child.exitCode === null) child.kill("SIGTERM");
  const forceKill = setTimeout(() => child.kill("SIGKILL"), 10_000);
  const code = await exited;
  clearTimeout(forceKill);
  return code;
}

async function waitForLine(process: WorkerProcess, fragment: string, { from = 0, timeoutMs = 20_000 } = {}): Promise<string> {
  let found: string | undefined;
  await vi.waitFor(
    () => {
      found = process.lines.slice(from).find((line) => line.includes(fragment));
      if (!found) throw new Error(`the worker has not logged ${fragment}; its output:\n${process.lines.join("\n")}`);
    },
    { timeout: timeoutMs, interval: 50 },
  );
  return found!;
}

/** The worker's connections, as PostgreSQL sees them: the proxy's side of each. */
async function terminateWorkerConnections(): Promise<number> {
  const { rows } = await admin.query<{ terminated: boolean }>(
    "SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE client_port = ANY($1::int[])",
    [proxy.upstreamPorts()],
  );
  return rows.filter(({ terminated }) => terminated).length;
}

describe("the worker process", () => {
  it("logs plain data only when PostgreSQL drops its connections", async () => {
    const running = await startWorker();
    // What a PostgreSQL shutdown or an operator does to every session: FATAL 57P01, "administrator command".
    expect(await terminateWorkerConnections()).toBeGreaterThan(0);
    await waitForLine(running, '"event":"worker.db_connection_lost"');
    await stopWorker();

    const written = running.lines.join("\n");
    // A pg client holds its cancellation key (secretKey, processID) and its connection parameters.
    for (const leak of ["secretKey", "processID", "connectionParameters", "_events", "_connecting"]) expect(written).not.toContain(leak);
    const lost = running.lines
      .filter((line) => line.includes('"event":"worker.db_connection_lost"'))
      .map((line) => JSON.parse(line) as { level: string; err: Record<string, unknown> });
    expect(lost.find(({ err }) => err.code === "57P01")).toMatchObject({
      level: "warn",
      err: { type: "DatabaseError", message: "terminating connection due to administrator command" },
    });
    // The errors pg-pool emits for its idle connections carry the whole client: it is named, not written.
    expect(lost.map(({ err }) => err.client).filter(Boolean)).toContain("[Client]");
  }, 60_000);

  it("logs one line when it starts and one when it is stopped, and nothing else", async () => {
    const running = await startWorker();
    running.child.kill("SIGTERM");
    expect(await running.exited).toBe(0);
    worker = null;
    const lines = running.lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`the worker wrote a line that is not JSON: ${line}`);
      }
    });
    expect(lines.map(({ level, event }) => ({ level, event }))).toEqual([
      { level: "info", event: "worker.started" },
      { level: "info", event: "worker.stopped" },
    ]);
  }, 60_000);

  it("releases a job that failed while PostgreSQL was unreachable, and keeps sweeping at its interval", async () => {
    const running = await startWorker();
    // Pin the sweep mid-flight: it waits for this lock when it deletes stale rate-limit counters.
    const blocker = new pg.Client({ connectionString: inject("databaseUrl") });
    await blocker.connect();
    try {
      await blocker.query('BEGIN; LOCK TABLE "RateLimitCounter" IN ACCESS EXCLUSIVE MODE');
      await vi.waitFor(
        async () => {
          const { rows } = await admin.query<{ waiting: number }>(
            `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted AND relation = '"RateLimitCounter"'::regclass`,
          );
          expect(rows[0]?.waiting).toBeGreaterThan(0);
        },
        { timeout: 3 * INTERVAL_MS, interval: 100 },
      );

      // The outage: the sweep's query fails, and so does recording that it failed.
      const beforeOutage = running.lines.length;
      await proxy.cut();
      await blocker.query("ROLLBACK");
      await waitForLine(running, "Failed task", { from: beforeOutage });
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      await proxy.restore();
    } finally {
      await blocker.end();
    }
    const recoveredAt = (await admin.query<{ now: Date }>("SELECT now()")).rows[0]!.now;
    // No job may stay locked by a runner that is no longer running it (graphile-worker would wait four hours).
    await vi.waitFor(
      async () => {
        const { rows } = await admin.query<{ id: string; task_identifier: string }>(
          "SELECT id, task_identifier FROM graphile_worker.jobs WHERE locked_at < $1",
          [recoveredAt],
        );
        expect(rows).toEqual([]);
      },
      { timeout: 3 * INTERVAL_MS, interval: 200 },
    );
    // And reconciliation carries on at its interval: a payment whose webhook was lost is recorded.
    const order = await createPaidOrder();
    await vi.waitFor(async () => expect((await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).status).toBe("PAID"), {
      timeout: 3 * INTERVAL_MS,
      interval: 200,
    });
    expect(running.child.exitCode).toBeNull();
  }, 90_000);
});
