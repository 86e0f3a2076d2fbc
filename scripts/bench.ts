/**
 * `npm run bench`: throughput and latency of the money path against the production build, on the
 * machine's PostgreSQL (DATABASE_URL's server, else postgres@127.0.0.1:5432) in a fresh database
 * that is dropped afterwards, with the HandCash emulator and without the worker. See
 * docs/performance.md for what is measured, the targets and the figures.
 *
 *   --profile   also write a V8 CPU profile of the server to .data/bench-profile/ (on exit)
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client.ts";
import { createProduct } from "../prisma/factories.ts";
import { TEST_HANDCASH_APP_SECRET } from "../tests/setup/test-config.ts";
import { buildAppEnv, ensureProductionBuild, type ManagedProcess, startEmulator, startNextServer } from "../tests/faults/production-app.ts";
import { type LoadRequest, type LoadResult, type LoadSummary, mergeLoadResults, runClosedLoop, runFixedRate, summarize } from "./lib/bench-load.ts";
import { listProcessTree, readCommandLine, readCpuMs, readMachineBusyMs, readParentPid, readTreeRssKib, startRssSampler } from "./lib/bench-processes.ts";
import { createFreshDatabase, dropDatabase, withDatabaseName } from "./lib/database.ts";
import { applyMigrations } from "./lib/migrations.ts";

const APP_PORT = 3300;
const EMULATOR_PORT = 4310;
const APP_URL = `http://localhost:${APP_PORT}`;
const LOCAL_URL = `http://127.0.0.1:${APP_PORT}`;
const EMULATOR_URL = `http://127.0.0.1:${EMULATOR_PORT}`;
const LOG_DIR = path.resolve(".data/logs/bench");
const PROFILE_DIR = path.resolve(".data/bench-profile");
const DEFAULT_SERVER_URL = "postgresql://postgres@127.0.0.1:5432/postgres";

/** Requests in flight in the closed-loop phases: enough to keep two cores busy without piling up queues. */
const CONCURRENCY = 10;
const PHASE_MS = 10_000;
/**
 * The ratios' scenarios (ping, polling, webhooks) run in interleaved slices, ROUNDS of each, in
 * alternating order, so a change in the machine's speed during the run (other tenants) weighs on
 * both sides of a ratio alike instead of on whichever scenario happened to run then.
 */
const ROUNDS = 4;
/** Every route gets the same warm-up time, so the JIT has optimised each path before it is measured. */
const WARMUP_MS = 2_000;
/** Each webhook needs an order of its own (unique transactions); a closed-loop slice stops when its share runs out. */
const WEBHOOK_ORDERS = 4_000;
/** Enough for WARMUP_MS of webhooks at the rates seen here (about 1,000/s). */
const WARMUP_WEBHOOK_ORDERS = 2_500;
const FIXED_RATE_PER_SECOND = 200;
const FIXED_RATE_MS = 10_000;
const FIXED_RATE_ORDERS = (FIXED_RATE_PER_SECOND * FIXED_RATE_MS) / 1000;

const TARGETS = { pollingRatio: 0.8, webhookRatio: 0.4, fixedRateP99Ms: 100 };

interface BenchOrder {
  orderId: string;
  cookie: string;
  paymentRequestId: string;
  transactionId: string;
}

const isProfiling = process.argv.includes("--profile");

function log(line: string): void {
  console.log(`[bench] ${line}`);
}

async function mapWithConcurrency<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index] as T);
      }
    }),
  );
  return results;
}

/** Through the app's own API and the emulator, as readers would: POST /api/orders, then pay with the webhook lost. */
async function createPaidOrders(db: PrismaClient, count: number): Promise<BenchOrder[]> {
  const product = await createProduct(db);
  const created = await mapWithConcurrency(Array.from({ length: count }), 8, async () => {
    const response = await fetch(`${LOCAL_URL}/api/orders`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ productId: product.id }),
    });
    const body = (await response.json()) as { orderId?: string };
    const cookie = response.headers.get("set-cookie")?.split(";")[0];
    if (response.status !== 201 || !body.orderId || !cookie) throw new Error(`POST /api/orders answered ${response.status}: ${JSON.stringify(body)}`);
    return { orderId: body.orderId, cookie };
  });
  const rows = await db.order.findMany({ where: { id: { in: created.map((order) => order.orderId) } }, select: { id: true, paymentRequestId: true } });
  const requestIds = new Map(rows.map((row) => [row.id, row.paymentRequestId!]));
  return mapWithConcurrency(created, 8, async (order) => {
    const paymentRequestId = requestIds.get(order.orderId)!;
    const response = await fetch(`${EMULATOR_URL}/_emulator/paymentRequests/${paymentRequestId}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ delivery: "lost" }),
    });
    if (response.status !== 200) throw new Error(`The emulator refused to pay ${paymentRequestId}: ${response.status}`);
    const { transactionId } = (await response.json()) as { transactionId: string };
    return { ...order, paymentRequestId, transactionId };
  });
}

function buildWebhookRequest(order: BenchOrder): LoadRequest {
  return {
    method: "POST",
    path: "/api/webhooks/handcash",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      appSecret: TEST_HANDCASH_APP_SECRET,
      paymentRequestId: order.paymentRequestId,
      transactionId: order.transactionId,
      customParameters: { orderId: order.orderId },
      userData: { id: "65f0a1b2c3d4e5f6a7b8c901", paymail: "alice@handcash.io", email: "alice@handcash.io" },
      paymentMethod: "onChain",
    }),
  };
}

function buildPollRequest(order: BenchOrder): LoadRequest {
  return { method: "GET", path: `/api/orders/${order.orderId}`, headers: { cookie: order.cookie } };
}

interface CpuSnapshot {
  appMs: number;
  emulatorMs: number;
  /** Per process: the backends of the benchmark's database (the app's pool) and PostgreSQL's background writers. */
  postgresMs: Map<number, number>;
  loadGeneratorMs: number;
  machineBusyMs: number;
}

const sumTreeCpuMs = (pid: number) => listProcessTree(pid).reduce((sum, member) => sum + readCpuMs(member), 0);

/** PostgreSQL's shared helpers: WAL writes and checkpoints are work our commits cause. */
const POSTGRES_BACKGROUND = /: (walwriter|checkpointer|background writer|autovacuum|logical replication|archiver|stats)/;

async function takeCpuSnapshot(admin: pg.Client, databaseName: string, app: ManagedProcess, emulator: ManagedProcess): Promise<CpuSnapshot> {
  const { rows } = await admin.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [databaseName]);
  const backends = rows.map(({ pid }) => pid);
  const postmaster = backends.length > 0 ? readParentPid(backends[0]!) : null;
  const background = postmaster === null ? [] : listProcessTree(postmaster).filter((pid) => POSTGRES_BACKGROUND.test(readCommandLine(pid)));
  const { user, system } = process.cpuUsage();
  return {
    appMs: sumTreeCpuMs(app.pid),
    emulatorMs: sumTreeCpuMs(emulator.pid),
    postgresMs: new Map([...backends, ...background].map((pid) => [pid, readCpuMs(pid)])),
    loadGeneratorMs: (user + system) / 1000,
    machineBusyMs: readMachineBusyMs(),
  };
}

interface CpuCost {
  appMsPerRequest: number;
  /** Null when PostgreSQL runs elsewhere and its processes cannot be read. */
  postgresMsPerRequest: number | null;
  emulatorMsPerRequest: number;
  /** Share of the machine's capacity used by everything else: other sessions, other databases. */
  othersPercent: number;
}

/** CPU time spent between two snapshots, by whom; slices of one scenario add up. */
interface CpuUse {
  appMs: number;
  /** Null when PostgreSQL runs elsewhere and its processes cannot be read. */
  postgresMs: number | null;
  emulatorMs: number;
  loadGeneratorMs: number;
  machineBusyMs: number;
}

function measureCpuUse(before: CpuSnapshot, after: CpuSnapshot): CpuUse {
  const postgresMs = [...after.postgresMs].reduce((sum, [pid, ms]) => sum + ms - (before.postgresMs.get(pid) ?? 0), 0);
  return {
    appMs: after.appMs - before.appMs,
    postgresMs: after.postgresMs.size > 0 && postgresMs > 0 ? postgresMs : null,
    emulatorMs: after.emulatorMs - before.emulatorMs,
    loadGeneratorMs: after.loadGeneratorMs - before.loadGeneratorMs,
    machineBusyMs: after.machineBusyMs - before.machineBusyMs,
  };
}

function addCpuUse(a: CpuUse, b: CpuUse): CpuUse {
  return {
    appMs: a.appMs + b.appMs,
    postgresMs: a.postgresMs === null && b.postgresMs === null ? null : (a.postgresMs ?? 0) + (b.postgresMs ?? 0),
    emulatorMs: a.emulatorMs + b.emulatorMs,
    loadGeneratorMs: a.loadGeneratorMs + b.loadGeneratorMs,
    machineBusyMs: a.machineBusyMs + b.machineBusyMs,
  };
}

function describeCpuCost(used: CpuUse, requests: number, durationMs: number): CpuCost {
  const ours = used.appMs + (used.postgresMs ?? 0) + used.emulatorMs + used.loadGeneratorMs;
  const others = used.machineBusyMs - ours;
  return {
    appMsPerRequest: used.appMs / requests,
    postgresMsPerRequest: used.postgresMs === null ? null : used.postgresMs / requests,
    emulatorMsPerRequest: used.emulatorMs / requests,
    othersPercent: Math.max(0, (100 * others) / (os.cpus().length * durationMs)),
  };
}

async function describeMachine(databaseUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ server_version: string }>("SHOW server_version");
  await client.end();
  const cpus = os.cpus();
  return [
    `CPU: ${cpus.length} × ${cpus[0]?.model ?? "unknown"}`,
    `RAM: ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    `Node: ${process.version}; PostgreSQL: ${rows[0]?.server_version ?? "unknown"}; load average at start: ${os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(" ")}`,
  ];
}

type BenchRow = LoadSummary & CpuCost & { peakRssMib: number };

function formatTable(rows: BenchRow[]): string {
  const header = [
    "scenario",
    "requests",
    "req/s",
    "p50 ms",
    "p99 ms",
    "max ms",
    "errors",
    "peak RSS MiB",
    "app CPU ms/req",
    "PG CPU ms/req",
    "emulator CPU ms/req",
    "rest of machine",
  ];
  const lines = rows.map((row) => [
    row.label,
    String(row.requests),
    row.requestsPerSecond.toFixed(0),
    row.p50Ms.toFixed(1),
    row.p99Ms.toFixed(1),
    row.maxMs.toFixed(1),
    String(row.errors),
    row.peakRssMib.toFixed(0),
    row.appMsPerRequest.toFixed(2),
    row.postgresMsPerRequest === null ? "n/a" : row.postgresMsPerRequest.toFixed(2),
    row.emulatorMsPerRequest.toFixed(2),
    `${row.othersPercent.toFixed(0)}%`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]!.length)));
  const format = (cells: string[]) => cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  ");
  return [format(header), widths.map((width) => "-".repeat(width)).join("  "), ...lines.map(format)].join("\n");
}

async function main(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL ? withDatabaseName(process.env.DATABASE_URL, "postgres") : DEFAULT_SERVER_URL;
  const databaseName = `tollgate_bench_${crypto.randomBytes(4).toString("hex")}`;
  const processes: ManagedProcess[] = [];
  let db: PrismaClient | null = null;
  let isDatabaseCreated = false;

  const cleanUp = async () => {
    await db?.$disconnect();
    await Promise.all(processes.map((process) => process.stop()));
    if (isDatabaseCreated) await dropDatabase(serverUrl, databaseName);
  };
  const onSignal = () => void cleanUp().finally(() => process.exit(130));
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    fs.rmSync(LOG_DIR, { recursive: true, force: true });
    await ensureProductionBuild({ logDir: LOG_DIR });
    const databaseUrl = await createFreshDatabase(serverUrl, databaseName);
    isDatabaseCreated = true;
    await applyMigrations(databaseUrl);
    const machine = await describeMachine(databaseUrl);

    const emulator = await startEmulator({ port: EMULATOR_PORT, logDir: LOG_DIR });
    processes.push(emulator);
    if (isProfiling) fs.rmSync(PROFILE_DIR, { recursive: true, force: true });
    const appEnv = buildAppEnv({
      appUrl: APP_URL,
      port: APP_PORT,
      databaseUrl,
      emulatorUrl: EMULATOR_URL,
      logLevel: "info",
      extra: {
        ORDER_RATE_LIMIT_PER_READER: "100000",
        ORDER_RATE_LIMIT_PER_IP: "100000",
        ORDER_RATE_LIMIT_GLOBAL: "100000",
      },
    });
    const nodeArgs = isProfiling ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const app = await startNextServer({ port: APP_PORT, env: appEnv, logDir: LOG_DIR, nodeArgs });
    processes.push(app);
    const idleRssMib = readTreeRssKib(app.pid) / 1024;
    db = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: 4 }) });

    const orderCount = WARMUP_WEBHOOK_ORDERS + WEBHOOK_ORDERS + FIXED_RATE_ORDERS;
    log(`creating ${orderCount} orders through POST /api/orders and paying them in the emulator (webhooks lost)…`);
    const createdAt = performance.now();
    const orders = await createPaidOrders(db, orderCount);
    log(`…done in ${((performance.now() - createdAt) / 1000).toFixed(1)} s`);
    const warmupOrders = orders.slice(0, WARMUP_WEBHOOK_ORDERS);
    const throughputOrders = orders.slice(WARMUP_WEBHOOK_ORDERS, WARMUP_WEBHOOK_ORDERS + WEBHOOK_ORDERS);
    const fixedRateOrders = orders.slice(WARMUP_WEBHOOK_ORDERS + WEBHOOK_ORDERS);
    // The polled orders are pending ones, as the paywall polls while the reader pays.
    const polledOrders = fixedRateOrders;

    log("warming up each route…");
    await runClosedLoop({
      label: "warm-up",
      baseUrl: LOCAL_URL,
      concurrency: CONCURRENCY,
      durationMs: WARMUP_MS,
      buildRequest: () => ({ method: "GET", path: "/api/ping" }),
    });
    // Polls of orders the measured phases never poll again, so the cold path is warmed too.
    await runClosedLoop({
      label: "warm-up",
      baseUrl: LOCAL_URL,
      concurrency: CONCURRENCY,
      durationMs: WARMUP_MS,
      buildRequest: (i) => buildPollRequest(throughputOrders[i % throughputOrders.length]!),
    });
    const webhookWarmup = await runClosedLoop({
      label: "warm-up",
      baseUrl: LOCAL_URL,
      concurrency: CONCURRENCY,
      durationMs: WARMUP_MS,
      maxRequests: warmupOrders.length,
      buildRequest: (i) => buildWebhookRequest(warmupOrders[i]!),
    });

    const rss = startRssSampler(app.pid);
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // V8 profiles time samples on the same monotonic clock as hrtime, so phases can be cut out of the profile.
    const phases: Array<{ label: string; startUs: number; endUs: number }> = [];
    const monotonicUs = () => Number(process.hrtime.bigint() / 1000n);
    // A scenario's slices add up to one row: their requests, latencies, time, CPU and peak memory.
    const scenarios = new Map<string, { result: LoadResult; cpu: CpuUse; peakRssKib: number }>();
    const measure = async (run: () => Promise<LoadResult>): Promise<LoadResult> => {
      rss.takePeakKib();
      const before = await takeCpuSnapshot(admin, databaseName, app, emulator);
      const startUs = monotonicUs();
      const result = await run();
      phases.push({ label: result.label, startUs, endUs: monotonicUs() });
      const cpu = measureCpuUse(before, await takeCpuSnapshot(admin, databaseName, app, emulator));
      const peakRssKib = rss.takePeakKib();
      log(`${result.label}: ${result.requests} requests`);
      const earlier = scenarios.get(result.label);
      scenarios.set(
        result.label,
        earlier
          ? { result: mergeLoadResults(earlier.result, result), cpu: addCpuUse(earlier.cpu, cpu), peakRssKib: Math.max(earlier.peakRssKib, peakRssKib) }
          : { result, cpu, peakRssKib },
      );
      return result;
    };
    const summaryOf = (label: string): BenchRow => {
      const { result, cpu, peakRssKib } = scenarios.get(label)!;
      if (result.errorSamples.length > 0) log(`${label}: errors such as ${result.errorSamples.join("; ")}`);
      return { ...summarize(result), ...describeCpuCost(cpu, result.requests, result.durationMs), peakRssMib: peakRssKib / 1024 };
    };

    // A paywall polls its order every 2 s until it is paid: the first poll reads the database, the
    // following ones are answered by the order status cache. Both are measured; b/c is the second.
    const FIRST_POLLS = "(b) first poll of each order";
    await measure(() =>
      runClosedLoop({
        label: FIRST_POLLS,
        baseUrl: LOCAL_URL,
        concurrency: CONCURRENCY,
        durationMs: PHASE_MS,
        maxRequests: polledOrders.length,
        buildRequest: (i) => buildPollRequest(polledOrders[i]!),
      }),
    );

    const PING = "(c) GET /api/ping";
    const POLLING = "(b) GET /api/orders/{id}";
    const WEBHOOKS = "(a) POST webhook, new txid";
    const sliceMs = PHASE_MS / ROUNDS;
    const webhooksPerSlice = Math.floor(throughputOrders.length / ROUNDS);
    let pollsSent = 0;
    const runSlice: Record<string, (round: number) => Promise<LoadResult>> = {
      [PING]: () =>
        runClosedLoop({
          label: PING,
          baseUrl: LOCAL_URL,
          concurrency: CONCURRENCY,
          durationMs: sliceMs,
          buildRequest: () => ({ method: "GET", path: "/api/ping" }),
        }),
      [POLLING]: async () => {
        const offset = pollsSent;
        const result = await runClosedLoop({
          label: POLLING,
          baseUrl: LOCAL_URL,
          concurrency: CONCURRENCY,
          durationMs: sliceMs,
          buildRequest: (i) => buildPollRequest(polledOrders[(offset + i) % polledOrders.length]!),
        });
        pollsSent += result.requests;
        return result;
      },
      [WEBHOOKS]: (round) => {
        const slice = throughputOrders.slice(round * webhooksPerSlice, (round + 1) * webhooksPerSlice);
        return runClosedLoop({
          label: WEBHOOKS,
          baseUrl: LOCAL_URL,
          concurrency: CONCURRENCY,
          durationMs: sliceMs,
          maxRequests: slice.length,
          buildRequest: (i) => buildWebhookRequest(slice[i]!),
        });
      },
    };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? [PING, POLLING, WEBHOOKS] : [WEBHOOKS, POLLING, PING];
      for (const label of order) await measure(() => runSlice[label]!(round));
    }

    let generatorLatenessMs = 0;
    const fixedRate = await measure(async () => {
      const result = await runFixedRate({
        label: `(a) webhook at ${FIXED_RATE_PER_SECOND}/s`,
        baseUrl: LOCAL_URL,
        ratePerSecond: FIXED_RATE_PER_SECOND,
        durationMs: FIXED_RATE_MS,
        buildRequest: (i) => buildWebhookRequest(fixedRateOrders[i]!),
      });
      generatorLatenessMs = result.maxSendLatenessMs;
      return result;
    });
    const rows = [PING, FIRST_POLLS, POLLING, WEBHOOKS, fixedRate.label].map(summaryOf);
    const [ping, firstPolls, polling, webhooks, fixedRateSummary] = rows as [BenchRow, BenchRow, BenchRow, BenchRow, BenchRow];
    rss.stop();
    await admin.end();
    if (isProfiling) {
      fs.mkdirSync(PROFILE_DIR, { recursive: true });
      fs.writeFileSync(path.join(PROFILE_DIR, "phases.json"), JSON.stringify(phases, null, 2));
    }

    const pollingRatio = polling.requestsPerSecond / ping.requestsPerSecond;
    const webhookRatio = webhooks.requestsPerSecond / ping.requestsPerSecond;
    const totalErrors = rows.reduce((sum, row) => sum + row.errors, 0);
    const verdict = (isMet: boolean) => (isMet ? "met" : "MISSED");
    const recorded = await db.payment.count();

    console.log(`\n${machine.join("\n")}`);
    console.log(`Server RSS right after start: ${idleRssMib.toFixed(0)} MiB`);
    console.log(
      `Closed loop: ${CONCURRENCY} requests in flight for ${PHASE_MS / 1000} s per scenario; ping, polling and webhooks in ${ROUNDS} interleaved slices each ` +
        `(a webhook slice also stops when its ${webhooksPerSlice} orders run out).\n`,
    );
    console.log(formatTable(rows));
    console.log(`\nb/c (polling / ping)  = ${pollingRatio.toFixed(3)}  target ≥ ${TARGETS.pollingRatio}: ${verdict(pollingRatio >= TARGETS.pollingRatio)}`);
    console.log(
      `   first polls / ping = ${(firstPolls.requestsPerSecond / ping.requestsPerSecond).toFixed(3)}  (each order's first poll, read from the database; for information)`,
    );
    console.log(`a/c (webhook / ping)  = ${webhookRatio.toFixed(3)}  target ≥ ${TARGETS.webhookRatio}: ${verdict(webhookRatio >= TARGETS.webhookRatio)}`);
    console.log(
      `p99 at ${FIXED_RATE_PER_SECOND} webhooks/s = ${fixedRateSummary.p99Ms.toFixed(1)} ms  target ≤ ${TARGETS.fixedRateP99Ms} ms: ${verdict(fixedRateSummary.p99Ms <= TARGETS.fixedRateP99Ms)}`,
    );
    console.log(
      `   load generator: sent each ${FIXED_RATE_PER_SECOND}/s request at most ${generatorLatenessMs.toFixed(1)} ms after its schedule (latency counts from the schedule)`,
    );
    console.log(`errors = ${totalErrors}  target 0: ${verdict(totalErrors === 0)}`);
    const accepted = webhookWarmup.requests - webhookWarmup.errors + webhooks.requests - webhooks.errors + fixedRate.requests - fixedRate.errors;
    console.log(`payments recorded = ${recorded}; webhooks answered 2xx = ${accepted} (each names a new transaction, so they should be equal)`);
    if (isProfiling) log(`CPU profile of the server: ${PROFILE_DIR} (written when it exits)`);
  } finally {
    await cleanUp();
  }
}

await main();
